import type { CallContext, VendorCallEvent } from '../../core/call';
import type {
  Capability,
  Connector,
  CreateAccountCommand,
  CreateContactCommand,
  CreateResult,
  FilterOf,
  ListArgs,
  Page,
  PagedEntity,
  PlanResult,
  ReferenceEntity,
} from '../../core/connector';
import { GatewayError, type InputRejected } from '../../core/errors';
import type { AccountRecord, ContactRecord, Entity, OpportunityRecord, RecordOf } from '../../core/records';
import { CIN7_MAX_ROWS, Cin7Client } from './client';
import type { Cin7SourceConfig } from './config';
import { Cin7Creates } from './creates';
import { Cin7Drafts } from './drafts';
import { Cin7Reads } from './reads';
import { Cin7RecordCache } from './recordCache';

/**
 * What this connector does, per entity (README "Capabilities"). Quotes are read-only
 * opportunities; Cin7 Omni has no pipeline or currency resource (vendor notes §4), so neither
 * is declared and the gateway answers UNSUPPORTED_BY_SOURCE.
 */
export const CIN7_CAPABILITIES: readonly Capability[] = [
  {
    entity: 'CONTACT',
    operations: ['READ', 'LIST', 'CREATE', 'BATCH_CREATE'],
    filters: ['email', 'name', 'accountId', 'updatedSince'],
    requiredOnCreate: ['firstName'],
  },
  {
    entity: 'ACCOUNT',
    operations: ['READ', 'LIST', 'CREATE', 'BATCH_CREATE'],
    filters: ['name', 'email', 'updatedSince'],
    requiredOnCreate: ['name'],
  },
  { entity: 'OPPORTUNITY', operations: ['READ', 'LIST'], filters: ['accountId', 'status', 'updatedSince'], requiredOnCreate: [] },
  { entity: 'USER', operations: ['READ', 'LIST'], filters: [], requiredOnCreate: [] },
];

/** Cin7 Omni API v1 as a crmgraph source. */
export class Cin7Connector implements Connector {
  readonly vendor = 'CIN7_OMNI' as const;
  readonly capabilities = CIN7_CAPABILITIES;
  /** Records per list request (vendor notes §2: `rows` max 250). */
  readonly maxPageSize = CIN7_MAX_ROWS;
  /** Ids per loader batch: one `where=id IN (…)&rows=250` request. */
  readonly maxBatchSize = CIN7_MAX_ROWS;
  /** A person comes inside its Contact record, which is its account (reads.ts `related`). */
  readonly embeds = { CONTACT: ['primaryAccount', 'accounts'] };
  readonly id: string;
  readonly name: string;
  private readonly client: Cin7Client;
  private readonly reads: Cin7Reads;
  private readonly drafts: Cin7Drafts;
  private readonly creates: Cin7Creates;

  constructor(config: Cin7SourceConfig, observeFn?: (event: VendorCallEvent) => void) {
    this.id = config.id;
    this.name = config.name ?? 'Cin7 Omni';
    this.client = new Cin7Client(config, observeFn);
    this.reads = new Cin7Reads(config, this.client, new Cin7RecordCache(config.id));
    this.drafts = new Cin7Drafts(config, this.reads);
    this.creates = new Cin7Creates(config, this.client, this.drafts, this.reads);
  }

  async getMany<E extends Entity>(entity: E, ids: readonly string[], call: CallContext): Promise<Array<RecordOf[E] | null>> {
    switch (entity) {
      case 'CONTACT':
        return (await this.reads.getContacts(ids, call)) as Array<RecordOf[E] | null>;
      case 'ACCOUNT':
        return (await this.reads.getAccounts(ids, call)) as Array<RecordOf[E] | null>;
      case 'OPPORTUNITY':
        return (await this.reads.getOpportunities(ids, call)) as Array<RecordOf[E] | null>;
      case 'USER': {
        const byId = new Map((await this.reads.users(call)).map((u) => [u.remoteId, u]));
        return ids.map((id) => (byId.get(id) ?? null) as RecordOf[E] | null);
      }
      case 'PIPELINE':
      case 'CURRENCY':
        return ids.map(() => null);
      default:
        return unreachable(entity);
    }
  }

  async list<E extends PagedEntity>(entity: E, args: ListArgs<FilterOf[E]>, call: CallContext): Promise<Page<RecordOf[E]>> {
    switch (entity) {
      case 'CONTACT':
        return (await this.reads.listContacts(args, call)) as Page<RecordOf[E]>;
      case 'ACCOUNT':
        return (await this.reads.listAccounts(args, call)) as Page<RecordOf[E]>;
      case 'OPPORTUNITY':
        return (await this.reads.listOpportunities(args, call)) as Page<RecordOf[E]>;
      default:
        return unreachable(entity);
    }
  }

  async listAll<E extends ReferenceEntity>(entity: E, call: CallContext): Promise<Array<RecordOf[E]>> {
    if (entity === 'USER') return (await this.reads.users(call)) as Array<RecordOf[E]>;
    throw this.unsupported(`has no ${entity.toLowerCase()} resource`);
  }

  createContact(cmd: CreateContactCommand, call: CallContext): Promise<CreateResult<ContactRecord>> {
    return this.creates.createContact(cmd, call);
  }

  createAccount(cmd: CreateAccountCommand, call: CallContext): Promise<CreateResult<AccountRecord>> {
    return this.creates.createAccount(cmd, call);
  }

  /** Quotes are read-only here (not declared): creating one is refused. */
  createOpportunity(): Promise<CreateResult<OpportunityRecord>> {
    return Promise.reject(this.unsupported('cannot create opportunities: quotes are read-only in this gateway'));
  }

  createContacts(cmds: CreateContactCommand[], call: CallContext): Promise<Array<CreateResult<ContactRecord> | InputRejected>> {
    return this.creates.createContacts(cmds, call);
  }

  createAccounts(cmds: CreateAccountCommand[], call: CallContext): Promise<Array<CreateResult<AccountRecord> | InputRejected>> {
    return this.creates.createAccounts(cmds, call);
  }

  planContact(cmd: CreateContactCommand, call: CallContext): Promise<PlanResult> {
    return this.drafts.planContact(cmd, call);
  }

  planAccount(cmd: CreateAccountCommand, call: CallContext): Promise<PlanResult> {
    return this.drafts.planAccount(cmd, call);
  }

  close(): Promise<void> {
    return this.client.close();
  }

  private unsupported(why: string): GatewayError {
    return new GatewayError('UNSUPPORTED_BY_SOURCE', `Source "${this.id}" (CIN7_OMNI) ${why}`, { source: this.id, vendor: 'CIN7_OMNI' });
  }
}

function unreachable(value: never): never {
  throw new Error(`unhandled entity ${String(value)}`);
}
