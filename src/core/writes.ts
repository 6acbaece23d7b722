import type { CallContext } from './call';
import type {
  CreateAccountCommand,
  CreateContactCommand,
  CreateOpportunityCommand,
  DeleteCommand,
  PlannedRequest,
  UpdateAccountCommand,
  UpdateContactCommand,
  UpdateOpportunityCommand,
  VersionCheck,
} from './connector';
import { GatewayError, InputRejected } from './errors';
import type { AccountRecord, ContactRecord, DeletedRecord, OpportunityRecord } from './records';

/**
 * What one write (create, update or delete) would do, decided before anything is sent: the vendor's documented checks
 * and defaults applied, the requests it would send (a dry run's answer), and what will be
 * written differently from what was asked. Committing it sends exactly those requests.
 */
export interface Draft {
  readonly requests: readonly PlannedRequest[];
  readonly warnings: readonly string[];
}

/**
 * The answer for one committed draft: the record the vendor confirmed (with the draft's
 * warnings and any of the commit's own), the input problems the vendor answered for it (nothing
 * was written), or the source fault that kept it from being confirmed — `SOURCE_OUTCOME_UNKNOWN`
 * when it broke after sending, any other code when nothing was written.
 */
export type Committed<T> = { record: T; warnings: string[] } | InputRejected | GatewayError;

/** The write path of one kind of write on one entity of one source; core commits through it. */
export interface WritePath<C, T> {
  /** Drafts for `commands`, aligned: each its draft or the InputRejected naming every problem. */
  draft(commands: readonly C[], call: CallContext): Promise<Array<Draft | InputRejected>>;
  /**
   * Sends drafts this entity's `draft` made, at most `batchSize` at once; answers aligned. May
   * throw a GatewayError for the whole call (the orchestrator gives it to every draft).
   */
  commit(drafts: readonly Draft[], call: CallContext): Promise<Array<Committed<T>>>;
  /** Drafts one commit takes: above 1 the vendor has a batch write (BATCH_CREATE). */
  readonly batchSize: number;
  /** Commits in flight at once when there is no batch write. */
  readonly concurrency: number;
}

/** The create path of one entity on one source; made with `defineWrites`. */
export interface EntityWrites<C, T> extends WritePath<C, T> {
  /** Create input fields the vendor needs after defaults (`Capability.requiredOnCreate`). */
  readonly requiredOnCreate: readonly string[];
}

/** The update path of one entity on one source; made with `defineUpdates`. */
export interface EntityUpdates<C, T> extends WritePath<C, T> {
  /** Update input fields the vendor lets a caller change (`Capability.updatableFields`). */
  readonly updatableFields: readonly string[];
  readonly versionCheck: VersionCheck;
}

/** The delete path of one entity on one source; made with `defineDeletes`. */
export interface EntityDeletes extends WritePath<DeleteCommand, DeletedRecord> {
  readonly versionCheck: VersionCheck;
}

/** How a vendor declares one entity's writes of one kind; `P` is its own payload, hidden from core. */
export interface PathDeclaration<C, T, P> {
  /**
   * Checks each command and builds what it would send. Lookups the checks need (owners,
   * accounts, for updates the current records) are made once for all commands where the
   * vendor can.
   */
  draft(commands: readonly C[], call: CallContext): Promise<Array<DraftOf<P> | InputRejected>>;
  /** Sends payloads (at most `batchSize`), answers aligned with them. */
  commit(payloads: readonly P[], call: CallContext): Promise<Array<Committed<T>>>;
  /** Default 1: no batch write. */
  batchSize?: number;
  /** Default 4. */
  concurrency?: number;
}

export interface WritesDeclaration<C, T, P> extends PathDeclaration<C, T, P> {
  requiredOnCreate: readonly string[];
}
export interface UpdatesDeclaration<C, T, P> extends PathDeclaration<C, T, P> {
  updatableFields: readonly string[];
  versionCheck: VersionCheck;
}
export interface DeletesDeclaration<P> extends PathDeclaration<DeleteCommand, DeletedRecord, P> {
  versionCheck: VersionCheck;
}

/** A draft as a vendor builds it: the public part and the payload its commit sends. */
export interface DraftOf<P> extends Draft {
  readonly payload: P;
}

/** A vendor's create path of one entity. */
export function defineWrites<C, T, P>(declaration: WritesDeclaration<C, T, P>): EntityWrites<C, T> {
  return { ...definePath(declaration), requiredOnCreate: declaration.requiredOnCreate };
}

/** A vendor's update path of one entity. */
export function defineUpdates<C, T, P>(declaration: UpdatesDeclaration<C, T, P>): EntityUpdates<C, T> {
  return { ...definePath(declaration), updatableFields: declaration.updatableFields, versionCheck: declaration.versionCheck };
}

/** A vendor's delete path of one entity. */
export function defineDeletes<P>(declaration: DeletesDeclaration<P>): EntityDeletes {
  return { ...definePath(declaration), versionCheck: declaration.versionCheck };
}

/**
 * Turns a vendor's declaration into a write path. The payload stays behind the draft (a
 * WeakMap, not a field core could read or forge), so core handles drafts without knowing any
 * vendor's wire format and a draft of another source is refused.
 */
function definePath<C, T, P>(declaration: PathDeclaration<C, T, P>): WritePath<C, T> {
  const payloads = new WeakMap<Draft, P>();
  const batchSize = declaration.batchSize ?? 1;
  return {
    batchSize,
    concurrency: declaration.concurrency ?? 4,
    async draft(commands, call) {
      const drafts = await declaration.draft(commands, call);
      return drafts.map((d) => {
        if (d instanceof InputRejected) return d;
        const draft: Draft = { requests: d.requests, warnings: d.warnings };
        payloads.set(draft, d.payload);
        return draft;
      });
    },
    async commit(drafts, call) {
      if (drafts.length > batchSize) throw new GatewayError('INTERNAL', `commit takes at most ${batchSize} drafts, got ${drafts.length}`);
      const sent = drafts.map((d) => {
        const payload = payloads.get(d);
        if (payload === undefined) throw new GatewayError('INTERNAL', 'a draft was committed by another source than the one that drafted it');
        return payload;
      });
      const answers = await declaration.commit(sent, call);
      // The draft's warnings belong to every answer that carries a record.
      return answers.map((a, i) =>
        a instanceof InputRejected || a instanceof GatewayError ? a : { record: a.record, warnings: [...drafts[i]!.warnings, ...a.warnings] },
      );
    },
  };
}

/** Commands and records of the entities crmgraph creates. */
export interface WriteTypes {
  CONTACT: { command: CreateContactCommand; record: ContactRecord };
  ACCOUNT: { command: CreateAccountCommand; record: AccountRecord };
  OPPORTUNITY: { command: CreateOpportunityCommand; record: OpportunityRecord };
}
export type WritableEntity = keyof WriteTypes;

/** A source's create paths by entity; an entity left out cannot be created there. */
export type WritesTable = { [E in WritableEntity]?: EntityWrites<WriteTypes[E]['command'], WriteTypes[E]['record']> };

/** Update commands of the entities crmgraph updates (records as for creates). */
export interface UpdateTypes {
  CONTACT: { command: UpdateContactCommand; record: ContactRecord };
  ACCOUNT: { command: UpdateAccountCommand; record: AccountRecord };
  OPPORTUNITY: { command: UpdateOpportunityCommand; record: OpportunityRecord };
}

/** A source's update paths by entity; an entity left out cannot be updated there. */
export type UpdatesTable = { [E in WritableEntity]?: EntityUpdates<UpdateTypes[E]['command'], UpdateTypes[E]['record']> };

/** A source's delete paths by entity; an entity left out cannot be deleted there. */
export type DeletesTable = { [E in WritableEntity]?: EntityDeletes };
