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

  constructor(config: SuperOfficeSourceConfig, observeFn?: (event: VendorCallEvent) => void) {
    this.id = config.id;
    this.name = config.name ?? 'SuperOffice CRM';
    this.client = new SuperOfficeClient(config, observeFn);
    this.reference = new SuperOfficeReference(config, this.client);
    this.reads = new SuperOfficeReads(config.id, this.client, this.reference);
    this.creates = new SuperOfficeCreates(config, this.client, this.reference, this.reads);
  }

  async getMany<E extends Entity>(
    entity: E,
    ids: readonly string[],
    call: CallContext,
  ): Promise<Array<RecordOf[E] | null>> {
    switch (entity) {
      case 'CONTACT':
        return (await this.reads.getPersons(ids, call)) as Array<RecordOf[E] | null>;
      case 'ACCOUNT':
        return (await this.reads.getCompanies(ids, call)) as Array<RecordOf[E] | null>;
      case 'OPPORTUNITY':
        return (await this.reads.getSales(ids, call)) as Array<RecordOf[E] | null>;
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

function unreachable(value: never): never {
  throw new Error(`unhandled entity ${String(value)}`);
}
