import type { CallContext } from './call';
import type { AnyRecord, Entity, OpportunityStatus, RecordOf, Vendor } from './records';
import type { DeletesTable, UpdatesTable, WritesTable } from './writes';

export type Operation = 'READ' | 'LIST' | 'CREATE' | 'BATCH_CREATE' | 'UPDATE' | 'BATCH_UPDATE' | 'DELETE';

/**
 * How a source honours `expectedVersion`: NATIVE = the vendor refuses a stale write itself
 * (SuperOffice `If-Unmodified-Since`); BEST_EFFORT = the gateway reads, compares, then writes,
 * so a change landing between the read and the write is not caught.
 */
export type VersionCheck = 'NATIVE' | 'BEST_EFFORT';

/**
 * Why a vendor lacks what it does not declare, for the UNSUPPORTED_BY_SOURCE message: a reason
 * for a whole entity, or reasons per operation where the entity is otherwise there (no DELETE).
 */
export type Lacks = Partial<Record<Entity, string | Partial<Record<Operation, string>>>>;

/** What a source can do with one entity; the gateway refuses anything not declared here. */
export interface Capability {
  entity: Entity;
  operations: Operation[];
  /** Filter field names (as in the GraphQL filter inputs) applied by the vendor. */
  filters: string[];
  /** Create input fields the vendor needs after the connector's defaults are applied. */
  requiredOnCreate: string[];
  /** Update input fields the vendor lets a caller change (empty where there is no UPDATE). */
  updatableFields: string[];
  /** How `expectedVersion` is checked on updates and deletes; null without either. */
  versionCheck: VersionCheck | null;
}

/* Filters reach connectors with related ids already decoded to the source's remote ids. */
export interface ContactFilter {
  email?: string;
  name?: string;
  accountId?: string;
  updatedSince?: string;
}
export interface AccountFilter {
  name?: string;
  email?: string;
  updatedSince?: string;
}
export interface OpportunityFilter {
  accountId?: string;
  status?: OpportunityStatus;
  pipelineId?: string;
  stageId?: string;
  updatedSince?: string;
}
export interface FilterOf {
  CONTACT: ContactFilter;
  ACCOUNT: AccountFilter;
  OPPORTUNITY: OpportunityFilter;
}
export type PagedEntity = keyof FilterOf;
export type ReferenceEntity = 'PIPELINE' | 'CURRENCY' | 'USER';

export interface ListArgs<F> {
  filter: F;
  /** 1..connector.maxPageSize, already checked. */
  first: number;
  /** The connector's own paging state from a previous page's `next`; null = first page. */
  after: string | null;
  /**
   * Fields the client selected on each record (e.g. `primaryAccount`, `owner`), so the connector
   * can fetch those relations in the same call (Pipeliner `expand`) instead of one per record.
   */
  include: ReadonlySet<string>;
}

export interface Page<T> {
  records: T[];
  /** Paging state for the next page, or null when this is the last page. */
  next: string | null;
  /** Total matches when the vendor reports it, else null. */
  totalCount: number | null;
  /** Related records that came with the page (expanded relations); primed into the loaders. */
  related: AnyRecord[];
}

/* Create commands: validated GraphQL input with ids decoded to remote ids. */
export interface CreateContactCommand {
  firstName?: string;
  middleName?: string;
  lastName?: string;
  title?: string;
  jobTitle?: string;
  emails: string[];
  phones: string[];
  accountId?: string;
  ownerId?: string;
}
export interface CreateAccountCommand {
  name: string;
  emails: string[];
  phones: string[];
  website?: string;
  address?: {
    street?: string;
    city?: string;
    state?: string;
    postalCode?: string;
    country?: string;
  };
  ownerId?: string;
}
export interface CreateOpportunityCommand {
  name: string;
  accountId?: string;
  /** Every contact, the primary one included. */
  contactIds: string[];
  primaryContactId?: string;
  pipelineId?: string;
  stageId?: string;
  closingDate: string;
  value: { amount: string; currencyCode?: string };
  probability?: number;
  ownerId?: string;
  description?: string;
}

/**
 * Update commands: `id` is the record's remote id; in `changes` an absent field stays as it is,
 * `null` clears it (a connector refuses with a userError where its vendor cannot clear it),
 * and a list (`emails`, `phones`, `contactIds`) replaces the whole list.
 */
export type Changes<T> = { [K in keyof T]?: T[K] | null };
export interface UpdateCommand<C> {
  id: string;
  /** The `version` the caller last read; a record changed since is a CONFLICT, nothing written. */
  expectedVersion?: string;
  changes: Changes<C>;
}
export type AddressChanges = Changes<NonNullable<CreateAccountCommand['address']>>;
export type UpdateContactCommand = UpdateCommand<Omit<CreateContactCommand, 'emails' | 'phones'> & { emails: string[]; phones: string[] }>;
export type UpdateAccountCommand = UpdateCommand<Omit<CreateAccountCommand, 'address'> & { address: AddressChanges }>;
export type UpdateOpportunityCommand = UpdateCommand<Omit<CreateOpportunityCommand, 'value'> & { value: { amount?: string; currencyCode?: string } }>;

/** A delete: the record's remote id and, optionally, the version the caller last read. */
export interface DeleteCommand {
  id: string;
  expectedVersion?: string;
}

/**
 * One vendor request a write would send; `path` is below the source's API base (no host).
 * `headers` are the ones that change what the vendor does (a precondition), never credentials.
 */
export interface PlannedRequest {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body: unknown;
  headers?: Record<string, string>;
}

export interface CreateResult<T> {
  record: T;
  /** What was written differently from what was asked. */
  warnings: string[];
}

/**
 * The contract every vendor connector fulfils. Connectors are long-lived (one per configured
 * source) and stateless across operations except for connection pools, auth tokens and
 * pacing; everything per-operation arrives in `call`.
 *
 * Errors: methods throw `GatewayError` for source faults and `InputRejected` for input the
 * vendor's documented rules refuse (before sending) or that the vendor refused (after).
 * Built with `defineConnector`, which derives `capabilities` from what the vendor declares.
 */
export interface Connector {
  readonly id: string;
  readonly vendor: Vendor;
  readonly name: string;
  readonly capabilities: readonly Capability[];
  /** Largest `first` the vendor accepts on a list call. */
  readonly maxPageSize: number;
  /** Largest number of ids `getMany` takes at once. */
  readonly maxBatchSize: number;
  /**
   * Ids one vendor request of `getMany` answers: 1 where the vendor reads one record per
   * request; omitted = `maxBatchSize` (a batch read). Feeds the operation cost estimate.
   */
  readonly idsPerRead?: number;
  /**
   * Relation fields (GraphQL names) whose records arrive with the record itself — expanded in
   * the vendor's answer — so they cost no request of their own. Feeds the cost estimate.
   */
  readonly embeds?: Partial<Record<Entity, readonly string[]>>;

  /** Records by remote id, aligned with `ids`: null where the vendor has no such record. */
  getMany<E extends Entity>(
    entity: E,
    ids: readonly string[],
    call: CallContext,
  ): Promise<Array<RecordOf[E] | null>>;

  list<E extends PagedEntity>(
    entity: E,
    args: ListArgs<FilterOf[E]>,
    call: CallContext,
  ): Promise<Page<RecordOf[E]>>;

  /** Reference data: every pipeline, currency or user of the source. */
  listAll<E extends ReferenceEntity>(entity: E, call: CallContext): Promise<Array<RecordOf[E]>>;

  /** How each entity is created here (drafts, commits); an entity left out cannot be. */
  readonly writes: WritesTable;
  /** How each entity is updated here; an entity left out cannot be. */
  readonly updates: UpdatesTable;
  /** How each entity is deleted here; an entity left out cannot be. */
  readonly deletes: DeletesTable;
  /** Why the vendor lacks an entity it does not declare (shown in UNSUPPORTED_BY_SOURCE). */
  readonly lacks?: Lacks;

  /** Releases pools and timers. */
  close(): Promise<void>;
}

/** True when `connector` declares `operation` on `entity`. */
export function supports(connector: Connector, entity: Entity, operation: Operation): boolean {
  return connector.capabilities.some((c) => c.entity === entity && c.operations.includes(operation));
}

/** Declared filters of `entity` on `connector`. */
export function filtersOf(connector: Connector, entity: Entity): readonly string[] {
  return connector.capabilities.find((c) => c.entity === entity)?.filters ?? [];
}
