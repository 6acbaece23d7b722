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
import { TableReads } from '../../core/readTable';
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
  /** Records are read by id one request each (bounded concurrency). */
  readonly idsPerRead = 1;
  /** Lists and reads expand these (`expand=` in reads.ts). */
  readonly embeds = {
    CONTACT: ['primaryAccount', 'accounts', 'owner'],
    ACCOUNT: ['owner'],
    OPPORTUNITY: ['account', 'primaryContact', 'contacts', 'owner', 'stage', 'pipeline'],
  };
  readonly id: string;
  readonly name: string;
  private readonly client: PipelinerClient;
  private readonly reference: PipelinerReference;
  private readonly reads: PipelinerReads;
  private readonly creates: PipelinerCreates;
  private readonly batchCreates: PipelinerBatchCreates;
  private readonly table: TableReads;

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
    const n = config.options.readConcurrency;
    this.table = new TableReads(this, {
      get: {
        CONTACT: (ids, call) => this.reads.getContacts(ids, n, call),
        ACCOUNT: (ids, call) => this.reads.getAccounts(ids, n, call),
        OPPORTUNITY: (ids, call) => this.reads.getOpportunities(ids, n, call),
      },
      list: {
        CONTACT: (args, call) => this.reads.listContacts(args, call),
        ACCOUNT: (args, call) => this.reads.listAccounts(args, call),
        OPPORTUNITY: (args, call) => this.reads.listOpportunities(args, call),
      },
      all: {
        PIPELINE: (call) => this.reference.pipelines(call),
        CURRENCY: (call) => this.reference.currencies(call),
        USER: (call) => this.reference.users(call),
      },
    });
  }

  getMany<E extends Entity>(entity: E, ids: readonly string[], call: CallContext): Promise<Array<RecordOf[E] | null>> {
    return this.table.getMany(entity, ids, call);
  }

  list<E extends PagedEntity>(entity: E, args: ListArgs<FilterOf[E]>, call: CallContext): Promise<Page<RecordOf[E]>> {
    return this.table.list(entity, args, call);
  }

  listAll<E extends ReferenceEntity>(entity: E, call: CallContext): Promise<Array<RecordOf[E]>> {
    return this.table.listAll(entity, call);
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
