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
import type { AccountRecord, ContactRecord, Entity, OpportunityRecord, RecordOf } from '../../core/records';
import { LogiSenseClient } from './client';
import type { LogiSenseSourceConfig } from './config';
import { LogiSenseCreates } from './creates';
import { unsupported } from './errors';
import { LogiSenseReads } from './reads';
import { LogiSenseReference } from './reference';

/**
 * What this connector does, per entity. No Opportunity, Pipeline or User: LogiSense has no
 * such entity (vendor notes §2.4; its `ownerId` is the billing tenant, not a user).
 */
export const LOGISENSE_CAPABILITIES: readonly Capability[] = [
  {
    entity: 'CONTACT',
    operations: ['READ', 'LIST', 'CREATE'],
    filters: ['email', 'name', 'accountId'],
    requiredOnCreate: ['accountId'],
  },
  {
    entity: 'ACCOUNT',
    operations: ['READ', 'LIST', 'CREATE'],
    filters: ['name', 'updatedSince'],
    requiredOnCreate: ['name'],
  },
  { entity: 'CURRENCY', operations: ['READ', 'LIST'], filters: [], requiredOnCreate: [] },
];

/** The public page-size bound; LogiSense documents none for `/Paged` (notes §4). */
const MAX_PAGE = 100;

export interface LogiSenseConnectorDeps {
  /** Clock for token renewal (tests); default `Date.now`. */
  now?: () => number;
}

/** LogiSense Billing REST v6 as a crmgraph source. */
export class LogiSenseConnector implements Connector {
  readonly vendor = 'LOGISENSE' as const;
  readonly capabilities = LOGISENSE_CAPABILITIES;
  readonly maxPageSize = MAX_PAGE;
  /** Ids per loader batch; read one GET each, `readConcurrency` at a time (no batch read). */
  readonly maxBatchSize = 100;
  /** Records are read by id one request each (bounded concurrency). */
  readonly idsPerRead = 1;
  readonly id: string;
  readonly name: string;
  private readonly client: LogiSenseClient;
  private readonly reference: LogiSenseReference;
  private readonly reads: LogiSenseReads;
  private readonly creates: LogiSenseCreates;

  constructor(
    config: LogiSenseSourceConfig,
    observeFn?: (event: VendorCallEvent) => void,
    deps: LogiSenseConnectorDeps = {},
  ) {
    this.id = config.id;
    this.name = config.name ?? 'LogiSense Billing';
    this.client = new LogiSenseClient(config, observeFn, deps.now);
    this.reference = new LogiSenseReference(config.id, this.client);
    this.reads = new LogiSenseReads(config, this.client);
    this.creates = new LogiSenseCreates(config, this.client, this.reference);
  }

  async getMany<E extends Entity>(
    entity: E,
    ids: readonly string[],
    call: CallContext,
  ): Promise<Array<RecordOf[E] | null>> {
    switch (entity) {
      case 'CONTACT':
        return (await this.reads.getContacts(ids, call)) as Array<RecordOf[E] | null>;
      case 'ACCOUNT':
        return (await this.reads.getAccounts(ids, call)) as Array<RecordOf[E] | null>;
      case 'CURRENCY': {
        // Reference data is small: one list read answers any number of ids.
        const all = await this.reference.currencies(call);
        const byId = new Map(all.map((c) => [c.remoteId, c]));
        return ids.map((id) => (byId.get(id) ?? null) as RecordOf[E] | null);
      }
      case 'OPPORTUNITY':
      case 'PIPELINE':
      case 'USER':
        throw this.none(entity);
      default:
        return unreachable(entity);
    }
  }

  async list<E extends PagedEntity>(
    entity: E,
    args: ListArgs<FilterOf[E]>,
    call: CallContext,
  ): Promise<Page<RecordOf[E]>> {
    switch (entity) {
      case 'CONTACT':
        return (await this.reads.listContacts(args, call)) as Page<RecordOf[E]>;
      case 'ACCOUNT':
        return (await this.reads.listAccounts(args, call)) as Page<RecordOf[E]>;
      case 'OPPORTUNITY':
        throw this.none(entity);
      default:
        return unreachable(entity);
    }
  }

  async listAll<E extends ReferenceEntity>(entity: E, call: CallContext): Promise<Array<RecordOf[E]>> {
    switch (entity) {
      case 'CURRENCY':
        return (await this.reference.currencies(call)) as Array<RecordOf[E]>;
      case 'PIPELINE':
      case 'USER':
        throw this.none(entity);
      default:
        return unreachable(entity);
    }
  }

  createContact(cmd: CreateContactCommand, call: CallContext): Promise<CreateResult<ContactRecord>> {
    return this.creates.createContact(cmd, call);
  }

  createAccount(cmd: CreateAccountCommand, call: CallContext): Promise<CreateResult<AccountRecord>> {
    return this.creates.createAccount(cmd, call);
  }

  /** Dry runs: the write each create would send, checked the same way, nothing written. */
  planContact(cmd: CreateContactCommand, call: CallContext): Promise<PlanResult> {
    return this.creates.planContact(cmd, call);
  }

  planAccount(cmd: CreateAccountCommand): Promise<PlanResult> {
    return this.creates.planAccount(cmd);
  }

  /** Takes no arguments: whatever is asked, LogiSense has no opportunities. */
  createOpportunity(): Promise<CreateResult<OpportunityRecord>> {
    return Promise.reject(this.none('OPPORTUNITY'));
  }

  close(): Promise<void> {
    return this.client.close();
  }

  private none(entity: 'OPPORTUNITY' | 'PIPELINE' | 'USER') {
    const why = {
      OPPORTUNITY: 'has no opportunities (LogiSense relies on Salesforce for them)',
      PIPELINE: 'has no pipelines (LogiSense has no opportunity stages)',
      USER: 'has no users that own records',
    }[entity];
    return unsupported(this.id, why);
  }
}

function unreachable(value: never): never {
  throw new Error(`unhandled entity ${String(value)}`);
}
