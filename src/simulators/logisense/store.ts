/**
 * The simulator's in-memory tables. Rows are the simulator's own shapes (dates as epoch ms,
 * relations as id lists); `dto.ts` turns them into the vendor's wire objects. The relation
 * between accounts and contacts lives on the account (`contactIds`) because the v6 Contact has
 * no account key (vendor notes §2.2, §3).
 */

export interface OwnerRow { identity: number; name: string }
export interface CurrencyRow { identity: number; name: string; code: string; symbol: string; isDefault: boolean }
/** Back-end contact type (Billing, Service, Other), vendor notes §2.2 ContactType. */
export interface ContactTypeTypeRow { identity: number; name: 'Billing' | 'Service' | 'Other' }
export interface ContactTypeRow {
  identity: number;
  name: string;
  contactTypeTypeId: number;
  description: string;
  isRequired: boolean;
  sendEmail: boolean;
  showOnOverview: boolean;
  showOnNewAccount: boolean;
}
export interface DataTypeRow { identity: number; name: string }
export interface ContactPointTypeRow {
  identity: number;
  name: 'email' | 'phone' | 'text' | 'address';
  dataTypeId: number;
  isRequired: boolean;
  contactTypeId: number;
  allowMultiple: boolean;
  isCore: boolean;
}
/** Back-end account status (vendor notes §2.1): Billable, Non-Billable, Canceled. */
export interface AccountStatusTypeTypeRow { identity: number; name: 'Billable' | 'Non-Billable' | 'Canceled' }
export interface AccountStatusTypeRow { identity: number; name: string; accountStatusTypeTypeId: number; isDefault: boolean }
export interface AccountTypeRow { identity: number; name: string; isDefault: boolean }
export interface BillGroupRow { identity: number; name: string; isDefault: boolean }
export interface CountryRow {
  identity: number;
  name: string;
  code: string;
  isStateRequired: boolean;
  isCityRequired: boolean;
  isZipCodeRequired: boolean;
}
export interface StateRow { identity: number; name: string; code: string; countryId: number }

export interface AccountRow {
  identity: number;
  name: string;
  currencyId: number;
  accountStatusTypeId: number;
  accountTypeId: number;
  billGroupId: number;
  created: number;
  lastUpdate: number;
  effectiveCancel: number | null;
  /** Linked contacts, in link order. */
  contactIds: number[];
}
export interface ContactRow {
  identity: number;
  contactTypeId: number;
  title: string | null;
  firstName: string | null;
  lastName: string | null;
  isUsedForTax: boolean;
  addressId: number | null;
}
export interface ContactPointRow { identity: number; contactId: number; contactPointTypeId: number; value: string }
export interface AddressRow {
  identity: number;
  address1: string | null;
  address2: string | null;
  cityName: string | null;
  stateId: number | null;
  countryId: number;
  zipCode: string | null;
  latitude: number | null;
  longitude: number | null;
  taxJurisdictionCodeUpdated: number | null;
  isIncorporated: boolean;
}

/** First identity of each table; disjoint ranges make a wrong-table id a 404, not a wrong row. */
const FIRST_ID = { account: 10001, contact: 20001, contactPoint: 50001, address: 80001 } as const;

export class LogiSenseStore {
  owner: OwnerRow = { identity: 1, name: 'Demo Owner' };
  readonly currencies = new Map<number, CurrencyRow>();
  readonly contactTypeTypes = new Map<number, ContactTypeTypeRow>();
  readonly contactTypes = new Map<number, ContactTypeRow>();
  readonly dataTypes = new Map<number, DataTypeRow>();
  readonly contactPointTypes = new Map<number, ContactPointTypeRow>();
  readonly accountStatusTypeTypes = new Map<number, AccountStatusTypeTypeRow>();
  readonly accountStatusTypes = new Map<number, AccountStatusTypeRow>();
  readonly accountTypes = new Map<number, AccountTypeRow>();
  readonly billGroups = new Map<number, BillGroupRow>();
  readonly countries = new Map<number, CountryRow>();
  readonly states = new Map<number, StateRow>();
  readonly accounts = new Map<number, AccountRow>();
  readonly contacts = new Map<number, ContactRow>();
  readonly contactPoints = new Map<number, ContactPointRow>();
  readonly addresses = new Map<number, AddressRow>();
  /** contactId → its contact point ids, so detail pages cost no table scan. */
  private readonly pointsByContact = new Map<number, number[]>();
  private readonly next: Record<keyof typeof FIRST_ID, number> = { ...FIRST_ID };

  nextId(table: keyof typeof FIRST_ID): number {
    const id = this.next[table];
    this.next[table] = id + 1;
    return id;
  }

  addContactPoint(row: ContactPointRow): void {
    this.contactPoints.set(row.identity, row);
    const list = this.pointsByContact.get(row.contactId) ?? [];
    list.push(row.identity);
    this.pointsByContact.set(row.contactId, list);
  }

  removeContactPoint(id: number): void {
    const row = this.contactPoints.get(id);
    if (!row) return;
    this.contactPoints.delete(id);
    const list = (this.pointsByContact.get(row.contactId) ?? []).filter((p) => p !== id);
    this.pointsByContact.set(row.contactId, list);
  }

  pointsOf(contactId: number): ContactPointRow[] {
    const ids = this.pointsByContact.get(contactId) ?? [];
    return ids.flatMap((id) => {
      const row = this.contactPoints.get(id);
      return row ? [row] : [];
    });
  }

  accountsOf(contactId: number): AccountRow[] {
    return [...this.accounts.values()].filter((a) => a.contactIds.includes(contactId));
  }

  contactsOf(account: AccountRow): ContactRow[] {
    return account.contactIds.flatMap((id) => {
      const row = this.contacts.get(id);
      return row ? [row] : [];
    });
  }

  /** How many contacts use an address; an address shared by attach outlives one contact. */
  addressUsers(addressId: number): number {
    let n = 0;
    for (const c of this.contacts.values()) if (c.addressId === addressId) n += 1;
    return n;
  }

  /** Removes a contact, its contact points, its address (unless shared) and its account links. */
  deleteContact(contactId: number): { points: ContactPointRow[]; address: AddressRow | null } {
    const contact = this.contacts.get(contactId);
    const points = this.pointsOf(contactId);
    for (const p of points) this.removeContactPoint(p.identity);
    this.pointsByContact.delete(contactId);
    let address: AddressRow | null = null;
    if (contact?.addressId != null && this.addressUsers(contact.addressId) === 1) {
      address = this.addresses.get(contact.addressId) ?? null;
      this.addresses.delete(contact.addressId);
    }
    this.contacts.delete(contactId);
    for (const a of this.accounts.values()) {
      if (a.contactIds.includes(contactId)) a.contactIds = a.contactIds.filter((id) => id !== contactId);
    }
    return { points, address };
  }

  defaultCurrency(): CurrencyRow | undefined {
    return [...this.currencies.values()].find((c) => c.isDefault);
  }

  /** The back-end type (Billing/Service/Other) of a contact type. */
  backEndTypeOf(contactTypeId: number): ContactTypeTypeRow['name'] | undefined {
    const type = this.contactTypes.get(contactTypeId);
    return type ? this.contactTypeTypes.get(type.contactTypeTypeId)?.name : undefined;
  }
}

/** What tests may read: copies only, so a test can never change the simulator's state. */
export interface LogiSenseStoreView {
  accounts(): AccountRow[];
  account(id: number): AccountRow | undefined;
  contacts(): ContactRow[];
  contact(id: number): ContactRow | undefined;
  contactPoints(): ContactPointRow[];
  contactPointsOf(contactId: number): ContactPointRow[];
  addresses(): AddressRow[];
  contactsOfAccount(accountId: number): ContactRow[];
  accountsOfContact(contactId: number): AccountRow[];
  currencies(): CurrencyRow[];
  contactTypes(): ContactTypeRow[];
  contactPointTypes(): ContactPointTypeRow[];
  countries(): CountryRow[];
  states(): StateRow[];
  accountStatusTypes(): AccountStatusTypeRow[];
  accountTypes(): AccountTypeRow[];
  billGroups(): BillGroupRow[];
}

export function viewOf(store: LogiSenseStore): LogiSenseStoreView {
  const copy = <T>(value: T): T => structuredClone(value);
  const all = <T>(map: Map<number, T>) => (): T[] => copy([...map.values()]);
  return {
    accounts: all(store.accounts),
    account: (id) => copy(store.accounts.get(id)),
    contacts: all(store.contacts),
    contact: (id) => copy(store.contacts.get(id)),
    contactPoints: all(store.contactPoints),
    contactPointsOf: (contactId) => copy(store.pointsOf(contactId)),
    addresses: all(store.addresses),
    contactsOfAccount: (accountId) => {
      const account = store.accounts.get(accountId);
      return account ? copy(store.contactsOf(account)) : [];
    },
    accountsOfContact: (contactId) => copy(store.accountsOf(contactId)),
    currencies: all(store.currencies),
    contactTypes: all(store.contactTypes),
    contactPointTypes: all(store.contactPointTypes),
    countries: all(store.countries),
    states: all(store.states),
    accountStatusTypes: all(store.accountStatusTypes),
    accountTypes: all(store.accountTypes),
    billGroups: all(store.billGroups),
  };
}
