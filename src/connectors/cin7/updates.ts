import type { CallContext } from '../../core/call';
import type { UpdateAccountCommand, UpdateContactCommand } from '../../core/connector';
import { GatewayError, InputRejected, toGatewayError } from '../../core/errors';
import { Problems } from '../../core/problems';
import type { AccountRecord, ContactRecord } from '../../core/records';
import { defineUpdates, type Committed, type DraftOf, type UpdatesTable } from '../../core/writes';
import { secondaryIndexIn, toCin7RecordPut, type RecordEdit } from './bodies';
import { CIN7_BATCH_LIMIT, type Cin7Client } from './client';
import type { Cin7SourceConfig } from './config';
import { ACCOUNT_FIELDS, itemErrors, PERSON_FIELDS, writeOutcomeUnknown } from './errors';
import { fromCin7Account, hasMainPerson } from './map';
import type { Cin7Reads } from './reads';
import { holds, presenceAndVersion, targetOf, viewOf, type Target } from './targets';
import { ACCOUNT_UPDATABLE, accountChanges, CONTACT_UPDATABLE, contactChanges } from './updateChecks';
import { cin7OmniContact, type Cin7OmniContact } from './wire';

type Body = Record<string, unknown>;

/** What one update commits: the change to its record (null = nothing to change), and the version the caller expects. */
export interface UpdatePayload {
  target: Target;
  edit: RecordEdit | null;
  expectedVersion?: string;
}

/**
 * Cin7 Omni's update paths (vendor notes §2 "Update semantics"): `PUT /v1/Contacts` with an
 * array of records, each with `id` and only the fields that change; one result per record inside
 * HTTP 200. Batches of the vendor's 250 (BATCH_UPDATE). The vendor has no concurrency token, so
 * `expectedVersion` is read-compare-write (BEST_EFFORT).
 */
export function cin7Updates(config: Cin7SourceConfig, client: Cin7Client, reads: Cin7Reads): UpdatesTable {
  const updates = new Cin7Updates(config, client, reads);
  return {
    CONTACT: defineUpdates({
      draft: (cmds, call) => updates.contacts(cmds, call),
      commit: (payloads, call) => updates.commit<ContactRecord>(payloads, call),
      batchSize: CIN7_BATCH_LIMIT,
      updatableFields: [...CONTACT_UPDATABLE],
      versionCheck: 'BEST_EFFORT',
    }),
    ACCOUNT: defineUpdates({
      draft: (cmds, call) => updates.accounts(cmds, call),
      commit: (payloads, call) => updates.commit<AccountRecord>(payloads, call),
      batchSize: CIN7_BATCH_LIMIT,
      updatableFields: [...ACCOUNT_UPDATABLE],
      versionCheck: 'BEST_EFFORT',
    }),
  };
}

/** Updates of one record, committed as one PUT item. */
interface Group {
  record: Cin7OmniContact;
  type: string;
  members: number[];
}

/**
 * Drafts read every addressed record first (one `id IN` request for all): the target must
 * exist and be at `expectedVersion`, the changes must pass the vendor's rules, and the draft's
 * request is the PUT the update sends alone (a dry run's answer).
 *
 * Commits work on the records as this operation last read them (its record cache, which every
 * write empties, or read again) and check presence and version once more just before the PUT:
 * the window in which another writer's change can be overwritten is one request long. Updates of
 * one record in one batch travel as one PUT item, so none is built on a copy another has changed.
 * The answer is the record read back after the PUT, with its new version.
 */
class Cin7Updates {
  constructor(
    private readonly config: Cin7SourceConfig,
    private readonly client: Cin7Client,
    private readonly reads: Cin7Reads,
  ) {}

  contacts(cmds: readonly UpdateContactCommand[], call: CallContext): Promise<Array<DraftOf<UpdatePayload> | InputRejected>> {
    return this.draft('CONTACT', cmds, call, false, (cmd, target, record, _users, p) => contactChanges(cmd.changes, record, target.secondaryId !== null, p));
  }

  accounts(cmds: readonly UpdateAccountCommand[], call: CallContext): Promise<Array<DraftOf<UpdatePayload> | InputRejected>> {
    const needsUsers = cmds.some((c) => typeof c.changes.ownerId === 'string');
    return this.draft('ACCOUNT', cmds, call, needsUsers, (cmd, _target, record, users, p) => accountChanges(cmd.changes, record, users, p));
  }

  private async draft<C extends { id: string; expectedVersion?: string }>(
    entity: Target['entity'],
    cmds: readonly C[],
    call: CallContext,
    needsUsers: boolean,
    changesOf: (cmd: C, target: Target, record: Cin7OmniContact, users: ReadonlySet<number> | null, p: Problems) => Body,
  ): Promise<Array<DraftOf<UpdatePayload> | InputRejected>> {
    const targets = cmds.map((c) => targetOf(entity, c.id));
    const ids = targets.flatMap((t) => (t ? [t.recordId] : []));
    const [records, users] = await Promise.all([
      ids.length > 0 ? this.reads.records(ids, call) : new Map<number, Cin7OmniContact | null>(),
      needsUsers ? this.reads.users(call).then((us) => new Set(us.map((u) => Number(u.remoteId)))) : null,
    ]);
    return cmds.map((cmd, i) => {
      const target = targets[i] ?? null;
      const record = target ? records.get(target.recordId) : null;
      const first = presenceAndVersion(target, cmd.id, entity, record, cmd.expectedVersion);
      if (first.length > 0 || !target || !holds(target, record)) return new InputRejected(first);
      const p = new Problems();
      const fields = changesOf(cmd, target, record, users, p);
      const type = record.type?.trim();
      if (!type) p.add(['id'], `record ${record.id} has no contact type, which Cin7 Omni needs on every update`, 'REJECTED');
      if (p.any || !type) return new InputRejected(p.errors);
      const edit: RecordEdit | null =
        Object.keys(fields).length === 0 ? null : target.secondaryId === null ? { kind: 'fields', fields } : { kind: 'secondary', secondaryId: target.secondaryId, fields };
      const payload: UpdatePayload = { target, edit, ...(cmd.expectedVersion !== undefined ? { expectedVersion: cmd.expectedVersion } : {}) };
      return {
        payload,
        requests: edit ? [{ method: 'PUT' as const, path: '/v1/Contacts', body: [toCin7RecordPut(record, type, [edit])] }] : [],
        warnings: warningsFor(target, record, fields),
      };
    });
  }

  async commit<T extends AccountRecord | ContactRecord>(payloads: readonly UpdatePayload[], call: CallContext): Promise<Array<Committed<T>>> {
    const out = new Array<Committed<T>>(payloads.length);
    let now: Map<number, Cin7OmniContact | null>;
    try {
      now = await this.reads.records(payloads.map((p) => p.target.recordId), call);
    } catch (err) {
      // Nothing was sent.
      const failure = toGatewayError(err);
      return payloads.map(() => failure);
    }
    const groups = new Map<number, Group>();
    payloads.forEach((p, i) => {
      const record = now.get(p.target.recordId);
      const problems = presenceAndVersion(p.target, p.target.remoteId, p.target.entity, record, p.expectedVersion);
      const type = record?.type?.trim();
      if (problems.length > 0 || !record) out[i] = new InputRejected(problems);
      else if (!p.edit) out[i] = { record: viewOf(this.config.id, p.target, record) as T, warnings: [] };
      else if (!type) out[i] = new InputRejected([{ field: ['id'], message: `record ${record.id} has no contact type, which Cin7 Omni needs on every update`, code: 'REJECTED' }]);
      else {
        const g = groups.get(record.id) ?? { record, type, members: [] };
        g.members.push(i);
        groups.set(record.id, g);
      }
    });
    const list = [...groups.values()];
    if (list.length === 0) return out;
    const items = list.map((g) => toCin7RecordPut(g.record, g.type, g.members.map((i) => payloads[i]!.edit!)));
    const answers = await this.client.write('PUT', 'Contacts', items, call);
    const written: Array<{ group: Group; item: Body }> = [];
    list.forEach((group, k) => {
      const answer = answers[k]!;
      const item = items[k]!;
      if (answer instanceof GatewayError) group.members.forEach((i) => (out[i] = answer));
      else if ('refused' in answer) group.members.forEach((i) => (out[i] = refusal(payloads[i]!, item, answer.refused)));
      else written.push({ group, item });
    });
    const back = await this.reads.readBack(written.map((w) => w.group.record.id), call);
    for (const { group, item } of written) {
      const stored = back.get(group.record.id) ?? null;
      if (stored) call.prime?.(fromCin7Account(this.config.id, stored));
      for (const i of group.members) out[i] = this.answer<T>(payloads[i]!.target, group.record, item, stored);
    }
    return out;
  }

  /** The record as the vendor now has it; when it cannot be read back, as sent, with a warning and no version. */
  private answer<T extends AccountRecord | ContactRecord>(target: Target, before: Cin7OmniContact, item: Body, stored: Cin7OmniContact | null): Committed<T> {
    const view = stored ? viewOf(this.config.id, target, stored) : null;
    if (view) return { record: view as T, warnings: [] };
    const sent = viewOf(this.config.id, target, cin7OmniContact.parse({ ...before, ...item }));
    if (!sent) return writeOutcomeUnknown(this.config.id, `confirmed the update of record ${before.id}, but ${target.remoteId} is not in it when read back`);
    return {
      record: { ...sent, version: null } as T,
      warnings: [`Cin7 Omni confirmed the update of record ${before.id}, but it could not be read back; fields are as sent and the new version is unknown`],
    };
  }
}

/**
 * A refused PUT item (HTTP 200, `success: false`) mapped back to the input: a secondary
 * contact's own reasons (`SecondaryContacts[i]: …`), else the record's, through the field map
 * of what was updated. Several updates of one record share its refusal.
 */
function refusal(p: UpdatePayload, item: Body, refused: readonly string[]): InputRejected {
  const { target } = p;
  const what = target.entity === 'ACCOUNT' ? 'account update' : 'contact update';
  if (target.secondaryId !== null) {
    const errors = itemErrors(refused, {}, what);
    const own = errors.secondary.get(secondaryIndexIn(item, target.secondaryId));
    if (own && own.length > 0) return new InputRejected(own);
    const why = refused.length > 0 ? refused.join(' ') : 'no reason given';
    return new InputRejected([{ field: null, message: `Cin7 Omni refused the update of account ${target.recordId} that carries this change: ${why}`, code: 'REJECTED' }]);
  }
  const errors = itemErrors(refused, target.entity === 'ACCOUNT' ? ACCOUNT_FIELDS : PERSON_FIELDS, what);
  return new InputRejected(errors.record.length > 0 ? errors.record : [...errors.secondary.values()].flat());
}

/** What else changes with an update: a record's own person and its account share one e-mail and phone. */
function warningsFor(target: Target, record: Cin7OmniContact, fields: Body): string[] {
  const warnings: string[] = [];
  if (Object.keys(fields).length === 0) warnings.push('nothing to change: no request is sent');
  const shared = ['email', 'phone'].filter((k) => k in fields);
  if (shared.length === 0 || target.secondaryId !== null) return warnings;
  if (target.entity === 'CONTACT') {
    warnings.push(`contact ${target.remoteId} is the own person of Cin7 Omni record ${record.id}: its ${shared.join(' and ')} are also account ${record.id}'s, which changes with it`);
  } else if (hasMainPerson(record)) {
    warnings.push(`account ${record.id}'s ${shared.join(' and ')} are also those of its own person (contact ${record.id}), which changes with it`);
  }
  return warnings;
}
