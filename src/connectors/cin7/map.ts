import type { AccountRecord, ContactRecord, OpportunityRecord, OpportunityStatus, StageRecord, UserRecord } from '../../core/records';
import { contactIdOf } from './ids';
import type { Cin7OmniContact, Cin7OmniQuote, Cin7OmniSecondaryContact, Cin7OmniUser } from './wire';
import { blank } from '../kit/blank';
import { versionOf } from './version';

/*
 * Pure mappers Cin7 Omni wire → unified records (vendor notes §4 "What maps to Account /
 * Opportunity / …"). A Contact record is split: the record is the Account; its own person
 * and each secondary contact are Contacts (ids in ids.ts). Blank text becomes null, so "no
 * value" reads the same for every vendor; ids of 0 mean "none" (`salesPersonId: 0`, vendor sample).
 */

/** Cin7 text, trimmed; blank is no value. */
function trimmed(v: string | null | undefined): string | null {
  return blank(v)?.trim() ?? null;
}

function list(...values: Array<string | null | undefined>): string[] {
  const out: string[] = [];
  for (const v of values) {
    const b = trimmed(v);
    if (b && !out.includes(b)) out.push(b);
  }
  return out;
}

function refId(n: number | null | undefined): string | null {
  return n != null && n > 0 ? String(n) : null;
}

/** UTC `yyyy-MM-ddTHH:mm:ssZ` (fractions tolerated; a missing zone read as UTC, vendor notes §1) → ISO. */
export function fromCin7Date(v: string | null | undefined): string | null {
  const b = trimmed(v);
  if (!b) return null;
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(b) ? b : `${b}Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function fullName(first: string | null | undefined, last: string | null | undefined): string | null {
  return [trimmed(first), trimmed(last)].filter(Boolean).join(' ') || null;
}

/** Whether the record has a person of its own: a first or last name (a company-only record has none). */
export function hasMainPerson(wire: Cin7OmniContact): boolean {
  return trimmed(wire.firstName) !== null || trimmed(wire.lastName) !== null;
}

/** The name an account shows: the company, else (a private individual, vendor notes §2) the person. */
export function accountNameOf(wire: Cin7OmniContact): string {
  return trimmed(wire.company) ?? fullName(wire.firstName, wire.lastName) ?? `#${wire.id}`;
}

export function fromCin7Account(source: string, wire: Cin7OmniContact): AccountRecord {
  const address = {
    street: list(wire.address1, wire.address2).join(', ') || null,
    city: trimmed(wire.city),
    state: trimmed(wire.state),
    postalCode: trimmed(wire.postCode),
    country: trimmed(wire.country),
  };
  return {
    entity: 'ACCOUNT',
    source,
    remoteId: String(wire.id),
    name: accountNameOf(wire),
    emails: list(wire.email),
    phones: list(wire.phone),
    website: trimmed(wire.website),
    address: Object.values(address).some((v) => v !== null) ? address : null,
    ownerId: refId(wire.salesPersonId),
    createdAt: fromCin7Date(wire.createdDate),
    updatedAt: fromCin7Date(wire.modifiedDate),
    get version() {
      return versionOf(wire);
    },
    remoteData: wire,
  };
}

function person(
  source: string,
  wire: Cin7OmniContact,
  p: { id: string; firstName: string | null | undefined; lastName: string | null | undefined; jobTitle: string | null | undefined; emails: string[]; phones: string[] },
  createdAt: string | null,
  remoteData: unknown,
): ContactRecord {
  const jobTitle = trimmed(p.jobTitle);
  const accountId = String(wire.id);
  return {
    entity: 'CONTACT',
    source,
    remoteId: p.id,
    firstName: trimmed(p.firstName),
    middleName: null,
    lastName: trimmed(p.lastName),
    name: fullName(p.firstName, p.lastName),
    title: null,
    jobTitle,
    emails: p.emails,
    phones: p.phones,
    primaryAccountId: accountId,
    accounts: [{ source, accountId, isPrimary: true, jobTitle }],
    // People follow the record's sales person: secondary contacts have no owner of their own.
    ownerId: refId(wire.salesPersonId),
    createdAt,
    // A secondary contact changes with its record (it has no dates of its own).
    updatedAt: fromCin7Date(wire.modifiedDate),
    // The record's: its people have no stamp of their own, and any write to the record moves it.
    get version() {
      return versionOf(wire);
    },
    remoteData,
  };
}

/** The record's own person, or null when the record has none. */
export function fromCin7MainPerson(source: string, wire: Cin7OmniContact): ContactRecord | null {
  if (!hasMainPerson(wire)) return null;
  return person(
    source,
    wire,
    { id: contactIdOf(wire.id), firstName: wire.firstName, lastName: wire.lastName, jobTitle: wire.jobTitle, emails: list(wire.email), phones: list(wire.phone, wire.mobile) },
    fromCin7Date(wire.createdDate),
    wire,
  );
}

export function fromCin7SecondaryContact(source: string, wire: Cin7OmniContact, sc: Cin7OmniSecondaryContact): ContactRecord {
  return person(
    source,
    wire,
    { id: contactIdOf(wire.id, sc.id), firstName: sc.firstName, lastName: sc.lastName, jobTitle: sc.jobTitle, emails: list(sc.email), phones: list(sc.phone, sc.mobile) },
    // The vendor keeps no creation date per secondary contact; the record's would be a guess.
    null,
    sc,
  );
}

/** Every person of a record: its own first (when it has one), then its secondary contacts in order. */
export function personsOf(source: string, wire: Cin7OmniContact): ContactRecord[] {
  const main = fromCin7MainPerson(source, wire);
  const secondary = (wire.secondaryContacts ?? []).map((sc) => fromCin7SecondaryContact(source, wire, sc));
  return main ? [main, ...secondary] : secondary;
}

export function fromCin7User(source: string, wire: Cin7OmniUser): UserRecord {
  return {
    entity: 'USER',
    source,
    remoteId: String(wire.id),
    name: fullName(wire.firstName, wire.lastName),
    email: trimmed(wire.email),
    createdAt: null,
    updatedAt: null,
    remoteData: wire,
  };
}

/**
 * Quote status: `Void` (or stage "Declined") → LOST, stage "On Hold" → STALLED, else OPEN. A
 * quote is never WON: a won deal becomes a sales order, another resource (vendor notes §4).
 * Compared ignoring case: enum casing drifts (vendor notes §6, "DRAFT").
 */
export function quoteStatus(wire: Pick<Cin7OmniQuote, 'status' | 'stage'>): OpportunityStatus {
  const status = (wire.status ?? '').trim().toLowerCase();
  const stage = (wire.stage ?? '').trim().toLowerCase();
  if (status === 'void' || stage === 'declined') return 'LOST';
  if (stage === 'on hold') return 'STALLED';
  return 'OPEN';
}

/** A decimal string without float noise. */
function decimal(n: number): string {
  return String(Number(n.toFixed(6)));
}

/**
 * Quote → Opportunity. Stage as the vendor gives it (free text, no pipeline object exists;
 * `position` from the configured stage order, unknown stages after the known ones); value =
 * `total` in `currencyCode` (or the configured account currency when absent); closing date =
 * `expectedOrderDate`; account = `memberId`, whose own person is the contact.
 */
export function fromCin7Quote(source: string, wire: Cin7OmniQuote, stages: readonly string[], accountCurrency: string | null): OpportunityRecord {
  const stageName = trimmed(wire.stage);
  const index = stageName ? stages.findIndex((s) => s.toLowerCase() === stageName.toLowerCase()) : -1;
  const stage: StageRecord | null = stageName
    ? { source, remoteId: stageName, pipelineId: null, name: stageName, position: index >= 0 ? index : stages.length, probability: null }
    : null;
  const code = trimmed(wire.currencyCode)?.toUpperCase() ?? accountCurrency;
  const memberId = refId(wire.memberId);
  return {
    entity: 'OPPORTUNITY',
    source,
    remoteId: String(wire.id),
    name: trimmed(wire.reference) ?? `Quote ${wire.id}`,
    status: quoteStatus(wire),
    value: wire.total != null && code ? { source, amount: decimal(wire.total), currencyCode: code, currencyId: null, baseAmount: null } : null,
    closingDate: fromCin7Date(wire.expectedOrderDate)?.slice(0, 10) ?? null,
    probability: wire.probability != null ? Math.max(0, Math.min(100, Math.round(wire.probability))) : null,
    pipelineId: null,
    stage,
    stageId: stageName,
    accountId: memberId,
    contactIds: memberId ? [memberId] : [],
    primaryContactId: memberId,
    ownerId: refId(wire.salesPersonId),
    createdAt: fromCin7Date(wire.createdDate),
    updatedAt: fromCin7Date(wire.modifiedDate),
    get version() {
      return versionOf(wire);
    },
    remoteData: wire,
  };
}
