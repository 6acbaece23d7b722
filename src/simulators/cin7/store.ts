/**
 * The simulator's in-memory account. Rows are kept in wire shape (camelCase keys, dates as
 * `yyyy-MM-ddTHH:mm:ssZ` strings) so serialising is a copy. Ids are integers from one sequence per
 * table; secondary contacts and quote lines have their own sequences (vendor sample: contact 1
 * with secondary contacts 1 and 2).
 */
export interface SecondaryContactRow {
  id: number;
  company: string | null;
  firstName: string | null;
  lastName: string | null;
  jobTitle: string | null;
  email: string | null;
  mobile: string | null;
  phone: string | null;
}

export interface AccountingIntegrationId {
  xero: string | null;
  quickBooksOnline: string | null;
  quickBooksDesktop: string | null;
}

export interface ContactRow {
  id: number;
  createdDate: string;
  modifiedDate: string;
  isActive: boolean | null;
  company: string | null;
  firstName: string | null;
  lastName: string | null;
  jobTitle: string | null;
  email: string | null;
  website: string | null;
  phone: string | null;
  fax: string | null;
  mobile: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  state: string | null;
  postCode: string | null;
  country: string | null;
  postalAddress1: string | null;
  postalAddress2: string | null;
  postalCity: string | null;
  postalPostCode: string | null;
  postalState: string | null;
  postalCountry: string | null;
  notes: string | null;
  integrationRef: string | null;
  customFields: Record<string, unknown> | null;
  /** Null when the record has none, as in the vendor's sample. */
  secondaryContacts: SecondaryContactRow[] | null;
  type: string;
  salesPersonId: number | null;
  accountNumber: string | null;
  billingId: number | null;
  billingCompany: string | null;
  accountsFirstName: string | null;
  accountsLastName: string | null;
  billingEmail: string | null;
  accountsPhone: string | null;
  billingCostCenter: string | null;
  costCenter: string | null;
  priceColumn: string | null;
  percentageOff: number | null;
  paymentTerms: string | null;
  taxStatus: string | null;
  taxNumber: string | null;
  creditLimit: number | null;
  balanceOwing: number | null;
  onHold: boolean | null;
  group: string | null;
  subGroup: string | null;
  stages: string | null;
  accountingIntegrationId: AccountingIntegrationId | null;
}

export interface UserRow {
  id: number;
  isActive: boolean;
  firstName: string | null;
  lastName: string | null;
  jobTitle: string | null;
  email: string | null;
}

/** A quote line; keys as emitted. */
export type QuoteLineRow = Record<string, unknown> & { id: number };

/** A quote header; keys as emitted (see models.ts QUOTE), plus the write-only void flag. */
export type QuoteRow = Record<string, unknown> & {
  id: number;
  reference: string;
  memberId: number | null;
  lineItems: QuoteLineRow[];
  isVoid: boolean;
};

export class Cin7Store {
  readonly contacts = new Map<number, ContactRow>();
  readonly users = new Map<number, UserRow>();
  /** When each user becomes visible to `/v1/Users` (epoch ms); seeded users are visible at once. */
  readonly userVisibleFrom = new Map<number, number>();
  readonly quotes = new Map<number, QuoteRow>();
  private seq = { contact: 1, secondary: 1, user: 1, quote: 1, line: 1, quoteRef: 1 };

  constructor(start: Partial<Cin7Store['seq']> = {}) {
    this.seq = { ...this.seq, ...start };
  }

  nextContactId(): number {
    return this.seq.contact++;
  }
  nextSecondaryId(): number {
    return this.seq.secondary++;
  }
  nextUserId(): number {
    return this.seq.user++;
  }
  nextQuoteId(): number {
    return this.seq.quote++;
  }
  nextLineId(): number {
    return this.seq.line++;
  }
  /** Auto references for quotes saved with a blank `reference` (Quote model: "leave blank to auto-generate"). */
  nextQuoteReference(): string {
    for (;;) {
      const ref = `QU-${String(this.seq.quoteRef++).padStart(5, '0')}`;
      if (!this.quoteByReference(ref)) return ref;
    }
  }

  quoteByReference(reference: string): QuoteRow | undefined {
    const wanted = reference.toLowerCase();
    for (const q of this.quotes.values()) if (q.reference.toLowerCase() === wanted) return q;
    return undefined;
  }

  /** Contacts whose primary `email` equals `email` (SQL Server collation: case-insensitive). */
  contactsByEmail(email: string): ContactRow[] {
    const wanted = email.trim().toLowerCase();
    return [...this.contacts.values()].filter((c) => (c.email ?? '').trim().toLowerCase() === wanted);
  }

  visibleUsers(now: number): UserRow[] {
    return [...this.users.values()].filter((u) => (this.userVisibleFrom.get(u.id) ?? 0) <= now);
  }
}

/** Copies of the account's data for assertions; changing them changes nothing. */
export interface Cin7StoreView {
  contacts(): ContactRow[];
  contact(id: number): ContactRow | undefined;
  users(): UserRow[];
  user(id: number): UserRow | undefined;
  quotes(): QuoteRow[];
  quote(id: number): QuoteRow | undefined;
}

export function viewOf(store: Cin7Store): Cin7StoreView {
  const copy = <T>(v: T): T => structuredClone(v);
  return {
    contacts: () => copy([...store.contacts.values()]),
    contact: (id) => copy(store.contacts.get(id)),
    users: () => copy([...store.users.values()]),
    user: (id) => copy(store.users.get(id)),
    quotes: () => copy([...store.quotes.values()]),
    quote: (id) => copy(store.quotes.get(id)),
  };
}
