import type { CallContext } from '../../core/call';
import type { AccountFilter, ContactFilter, ListArgs, OpportunityFilter, Page } from '../../core/connector';
import type { ReadTable } from '../../core/defineConnector';
import type {
  AccountRecord,
  ContactRecord,
  CurrencyRecord,
  OpportunityRecord,
  PipelineRecord,
  UserRecord,
} from '../../core/records';

type ByIds<T> = (ids: readonly string[], call: CallContext) => Promise<Array<T | null>>;
type Listed<F, T> = (args: ListArgs<F>, call: CallContext) => Promise<Page<T>>;
type All<T> = (call: CallContext) => Promise<T[]>;

/** A vendor's reads of the paged entities, under the names `readTable` wires; leave out what it lacks. */
export interface EntityReads {
  getContacts?: ByIds<ContactRecord>;
  getAccounts?: ByIds<AccountRecord>;
  getOpportunities?: ByIds<OpportunityRecord>;
  listContacts?: Listed<ContactFilter, ContactRecord>;
  listAccounts?: Listed<AccountFilter, AccountRecord>;
  listOpportunities?: Listed<OpportunityFilter, OpportunityRecord>;
}

/** A vendor's reference data, each read whole; leave out what it lacks. */
export interface ReferenceReads {
  pipelines?: All<PipelineRecord>;
  currencies?: All<CurrencyRecord>;
  users?: All<UserRecord>;
}

/**
 * The declaration's `reads` from a vendor's reads and reference objects: every vendor names its
 * methods alike, so the table that maps entities onto them is written once here. Methods stay
 * bound to their object; an entity whose method is absent is not declared.
 */
export function readTable(reads: EntityReads, reference: ReferenceReads = {}): ReadTable {
  return {
    get: declared<ReadTable['get']>({
      CONTACT: bound(reads, reads.getContacts),
      ACCOUNT: bound(reads, reads.getAccounts),
      OPPORTUNITY: bound(reads, reads.getOpportunities),
    }),
    list: declared<ReadTable['list']>({
      CONTACT: bound(reads, reads.listContacts),
      ACCOUNT: bound(reads, reads.listAccounts),
      OPPORTUNITY: bound(reads, reads.listOpportunities),
    }),
    all: declared<ReadTable['all']>({
      PIPELINE: bound(reference, reference.pipelines),
      CURRENCY: bound(reference, reference.currencies),
      USER: bound(reference, reference.users),
    }),
  };
}

/** The method called on its own object, as a table entry may be called detached. */
function bound<F extends (...args: never[]) => unknown>(owner: object, method: F | undefined): F | undefined {
  return method?.bind(owner) as F | undefined;
}

/** Only the entries that are there: an entity the vendor lacks has no key at all. */
function declared<T extends object>(entries: T): T {
  return Object.fromEntries(Object.entries(entries).filter(([, read]) => read !== undefined)) as T;
}
