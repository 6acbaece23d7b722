import { TableReads } from '../../core/readTable';
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
import type { AccountRecord, ContactRecord, Entity, OpportunityRecord, RecordOf } from '../../core/records';
import { SuperOfficeClient } from './client';
import type { SuperOfficeSourceConfig } from './config';
import { SuperOfficeCreates } from './creates';
import { SuperOfficeReads } from './reads';
import { SuperOfficeReference } from './reference';

/** What this connector does, per entity (each filter is exercised against the simulator by the tests). */
export const SUPEROFFICE_CAPABILITIES: readonly Capability[] = [
  {
    entity: 'CONTACT',
    operations: ['READ', 'LIST', 'CREATE'],
    filters: ['email', 'name', 'accountId', 'updatedSince'],
    requiredOnCreate: ['firstName|lastName'],
  },
  {
    entity: 'ACCOUNT',
    operations: ['READ', 'LIST', 'CREATE'],
    filters: ['name', 'email', 'updatedSince'],
    requiredOnCreate: ['name'],
  },
  {
    entity: 'OPPORTUNITY',
    operations: ['READ', 'LIST', 'CREATE'],
    filters: ['accountId', 'status', 'pipelineId', 'stageId', 'updatedSince'],
    requiredOnCreate: ['name', 'closingDate', 'value'],
  },
  { entity: 'PIPELINE', operations: ['READ', 'LIST'], filters: [], requiredOnCreate: [] },
  { entity: 'CURRENCY', operations: ['READ', 'LIST'], filters: [], requiredOnCreate: [] },
  { entity: 'USER', operations: ['READ', 'LIST'], filters: [], requiredOnCreate: [] },
];

/** The gateway's page cap; the archive documents none (vendor notes §3, open question 1). */
export const SUPEROFFICE_MAX_PAGE = 100;

/**
 * SuperOffice CRM WebAPI REST v1 as a crmgraph source. Mind the names: SuperOffice Contact =
 * our Account, Person = Contact, Sale = Opportunity, SaleType (+ its Rating stages) = Pipeline,
 * Associate = User.
 */
export class SuperOfficeConnector implements Connector {
  readonly vendor = 'SUPEROFFICE' as const;
  readonly capabilities = SUPEROFFICE_CAPABILITIES;
  readonly maxPageSize = SUPEROFFICE_MAX_PAGE;
  /** Ids per loader batch: one `$filter=… in (…)` archive call each, a short URL at 100. */
  readonly maxBatchSize = 100;
  readonly id: string;
  readonly name: string;
  private readonly client: SuperOfficeClient;
  private readonly reference: SuperOfficeReference;
  private readonly reads: SuperOfficeReads;
  private readonly creates: SuperOfficeCreates;
  private readonly table: TableReads;

  constructor(config: SuperOfficeSourceConfig, observeFn?: (event: VendorCallEvent) => void) {
    this.id = config.id;
    this.name = config.name ?? 'SuperOffice CRM';
    this.client = new SuperOfficeClient(config, observeFn);
    this.reference = new SuperOfficeReference(config, this.client);
    this.reads = new SuperOfficeReads(config.id, this.client, this.reference);
    this.creates = new SuperOfficeCreates(config, this.client, this.reference, this.reads);
    this.table = new TableReads(this, {
      get: {
        CONTACT: (ids, call) => this.reads.getPersons(ids, call),
        ACCOUNT: (ids, call) => this.reads.getCompanies(ids, call),
        OPPORTUNITY: (ids, call) => this.reads.getSales(ids, call),
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

  /** Dry runs: the POST each create would send, checked the same way, nothing written. */
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
