import type { CallContext, VendorCallEvent } from '../../core/call';
import type {
  Capability,
  Connector,
  CreateAccountCommand,
  CreateContactCommand,
  CreateOpportunityCommand,
  CreateResult,
  FilterOf,
  ListArgs,
  Page,
  PagedEntity,
  PlanResult,
  ReferenceEntity,
} from '../../core/connector';
import type { InputRejected } from '../../core/errors';
import type { AccountRecord, ContactRecord, Entity, OpportunityRecord, RecordOf } from '../../core/records';
import { PIPELINER_MAX_PAGE, PipelinerClient } from './client';
import type { PipelinerSourceConfig } from './config';
import { PipelinerBatchCreates } from './batchCreates';
import { PipelinerCreates } from './creates';
import { PipelinerReads } from './reads';
import { PipelinerReference } from './reference';

/** What this connector does, per entity (checked against the simulator by the test suite). */
export const PIPELINER_CAPABILITIES: readonly Capability[] = [
  {
    entity: 'CONTACT',
    operations: ['READ', 'LIST', 'CREATE', 'BATCH_CREATE'],
    filters: ['email', 'name', 'accountId', 'updatedSince'],
    requiredOnCreate: ['firstName|lastName'],
  },
  {
    entity: 'ACCOUNT',
    operations: ['READ', 'LIST', 'CREATE', 'BATCH_CREATE'],
    filters: ['name', 'email', 'updatedSince'],
    requiredOnCreate: ['name'],
  },
  {
    entity: 'OPPORTUNITY',
    operations: ['READ', 'LIST', 'CREATE'],
    filters: ['accountId', 'status', 'stageId', 'updatedSince'],
    requiredOnCreate: ['name', 'closingDate', 'value'],
  },
  { entity: 'PIPELINE', operations: ['READ', 'LIST'], filters: [], requiredOnCreate: [] },
  { entity: 'CURRENCY', operations: ['READ', 'LIST'], filters: [], requiredOnCreate: [] },
  { entity: 'USER', operations: ['READ', 'LIST'], filters: [], requiredOnCreate: [] },
];

/** Pipeliner CRM REST v100 as a crmgraph source. */
export class PipelinerConnector implements Connector {
  readonly vendor = 'PIPELINER' as const;
  readonly capabilities = PIPELINER_CAPABILITIES;
  readonly maxPageSize = PIPELINER_MAX_PAGE;
  /** Ids per loader batch; Pipeliner reads them one GET each, `readConcurrency` at a time. */
  readonly maxBatchSize = 100;
  readonly id: string;
  readonly name: string;
  private readonly client: PipelinerClient;
  private readonly reference: PipelinerReference;
  private readonly reads: PipelinerReads;
  private readonly creates: PipelinerCreates;
  private readonly batchCreates: PipelinerBatchCreates;

  constructor(
    private readonly config: PipelinerSourceConfig,
    observeFn?: (event: VendorCallEvent) => void,
  ) {
    this.id = config.id;
    this.name = config.name ?? 'Pipeliner CRM';
    this.client = new PipelinerClient(config, observeFn);
    this.reference = new PipelinerReference(config.id, this.client);
    this.reads = new PipelinerReads(config.id, this.client, this.reference);
    this.creates = new PipelinerCreates(config, this.client, this.reference, this.reads);
    this.batchCreates = new PipelinerBatchCreates(config, this.client, this.creates, this.reads);
  }

  async getMany<E extends Entity>(entity: E, ids: readonly string[], call: CallContext): Promise<Array<RecordOf[E] | null>> {
    const n = this.config.options.readConcurrency;
    switch (entity) {
      case 'CONTACT':
        return (await this.reads.getContacts(ids, n, call)) as Array<RecordOf[E] | null>;
      case 'ACCOUNT':
        return (await this.reads.getAccounts(ids, n, call)) as Array<RecordOf[E] | null>;
      case 'OPPORTUNITY':
        return (await this.reads.getOpportunities(ids, n, call)) as Array<RecordOf[E] | null>;
      case 'PIPELINE':
      case 'CURRENCY':
      case 'USER': {
        // Reference data is small: one list read answers any number of ids.
        const all = await this.listAll(entity, call);
        const byId = new Map(all.map((r) => [r.remoteId, r]));
        return ids.map((id) => (byId.get(id) ?? null) as RecordOf[E] | null);
      }
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
    switch (entity) {
      case 'PIPELINE':
        return (await this.reference.pipelines(call)) as Array<RecordOf[E]>;
      case 'CURRENCY':
        return (await this.reference.currencies(call)) as Array<RecordOf[E]>;
      case 'USER':
        return (await this.reference.users(call)) as Array<RecordOf[E]>;
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

  createOpportunity(cmd: CreateOpportunityCommand, call: CallContext): Promise<CreateResult<OpportunityRecord>> {
    return this.creates.createOpportunity(cmd, call);
  }

  createContacts(cmds: CreateContactCommand[], call: CallContext): Promise<Array<CreateResult<ContactRecord> | InputRejected>> {
    return this.batchCreates.createContacts(cmds, call);
  }

  createAccounts(cmds: CreateAccountCommand[], call: CallContext): Promise<Array<CreateResult<AccountRecord> | InputRejected>> {
    return this.batchCreates.createAccounts(cmds, call);
  }

  planContact(cmd: CreateContactCommand, call: CallContext): Promise<PlanResult> {
    return this.creates.planContact(cmd, call);
  }

  planAccount(cmd: CreateAccountCommand, call: CallContext): Promise<PlanResult> {
    return this.creates.planAccount(cmd, call);
  }

  planOpportunity(cmd: CreateOpportunityCommand, call: CallContext): Promise<PlanResult> {
    return this.creates.planOpportunity(cmd, call);
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

function unreachable(value: never): never {
  throw new Error(`unhandled entity ${String(value)}`);
}
