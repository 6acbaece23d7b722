/**
 * Unified records: what connectors hand to the GraphQL layer. Related records are referenced
 * by their remote id within the same source; the GraphQL layer turns references into records
 * through the per-request loaders. `null` means the vendor has no value, never "not loaded".
 */

export type Vendor = 'PIPELINER' | 'SUPEROFFICE' | 'CIN7_OMNI' | 'LOGISENSE';

export type Entity = 'CONTACT' | 'ACCOUNT' | 'OPPORTUNITY' | 'PIPELINE' | 'CURRENCY' | 'USER';

export type OpportunityStatus = 'OPEN' | 'WON' | 'LOST' | 'STALLED';

interface RecordBase {
  /** Source id from the configuration. */
  source: string;
  /** The vendor's own id, as a string. */
  remoteId: string;
  createdAt: string | null;
  updatedAt: string | null;
  /**
   * Opaque: the vendor's revision or last-update stamp, what an update's `expectedVersion`
   * is compared with. Absent where the connector does not map one yet.
   */
  version?: string | null;
  /**
   * Set on a related record the vendor sent with only some fields (what one selection reads):
   * the GraphQL fields it can answer. Such a record answers only a selection within these and
   * is never cached as the whole record. Absent = complete.
   */
  loaded?: ReadonlySet<string>;
  /** The vendor record as received. */
  remoteData: unknown;
}

export interface AccountLinkRecord {
  source: string;
  accountId: string;
  isPrimary: boolean;
  jobTitle: string | null;
}

export interface ContactRecord extends RecordBase {
  entity: 'CONTACT';
  firstName: string | null;
  middleName: string | null;
  lastName: string | null;
  name: string | null;
  title: string | null;
  jobTitle: string | null;
  emails: string[];
  phones: string[];
  primaryAccountId: string | null;
  accounts: AccountLinkRecord[];
  ownerId: string | null;
}

export interface AddressRecord {
  street: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
}

export interface AccountRecord extends RecordBase {
  entity: 'ACCOUNT';
  name: string;
  emails: string[];
  phones: string[];
  website: string | null;
  address: AddressRecord | null;
  ownerId: string | null;
}

export interface MoneyRecord {
  source: string;
  /** Decimal string. */
  amount: string;
  currencyCode: string;
  /** Remote id of the currency record, where the vendor has currency records. */
  currencyId: string | null;
  baseAmount: string | null;
}

export interface StageRecord {
  source: string;
  remoteId: string;
  pipelineId: string | null;
  name: string;
  position: number;
  probability: number | null;
}

export interface OpportunityRecord extends RecordBase {
  entity: 'OPPORTUNITY';
  name: string;
  status: OpportunityStatus | null;
  value: MoneyRecord | null;
  closingDate: string | null;
  probability: number | null;
  pipelineId: string | null;
  /** The stage as the vendor sent it, when it did; else looked up by `stageId`. */
  stage: StageRecord | null;
  stageId: string | null;
  accountId: string | null;
  /** Primary contact first. */
  contactIds: string[];
  primaryContactId: string | null;
  ownerId: string | null;
}

export interface PipelineRecord extends RecordBase {
  entity: 'PIPELINE';
  name: string;
  stages: StageRecord[];
}

export interface CurrencyRecord extends RecordBase {
  entity: 'CURRENCY';
  code: string;
  name: string | null;
  symbol: string | null;
  isBase: boolean;
  exchangeRate: number | null;
}

export interface UserRecord extends RecordBase {
  entity: 'USER';
  name: string | null;
  email: string | null;
}

export interface RecordOf {
  CONTACT: ContactRecord;
  ACCOUNT: AccountRecord;
  OPPORTUNITY: OpportunityRecord;
  PIPELINE: PipelineRecord;
  CURRENCY: CurrencyRecord;
  USER: UserRecord;
}

export type AnyRecord = RecordOf[Entity];

/** What a confirmed delete answers: the record that is gone, and what went with it. */
export interface DeletedRecord {
  remoteId: string;
}
