import { parseDate, type DateContext } from './dates';
import { badRequest } from './errors';
import type {
  AddressRec,
  ContactRec,
  ElementRec,
  PersonRec,
  SaleRec,
  SaleStatus,
  StakeholderRec,
  Store,
  StructuredAddressRec,
} from './store';
import { UNRESOLVED } from './validation';

/**
 * Reads request bodies (ContactEntity, PersonEntity, SaleEntity) into store records.
 * Property names match case-insensitively, as NetServer's JSON reader does. Fields a body
 * leaves out keep the value of `base` (the caller decides: `/default` for POST, a blank record
 * for PUT, the patched entity for PATCH). Computed and server-owned properties (ids, dates,
 * Persons, FullName, TableRight, _Links…) are ignored.
 *
 * References: `{Id}` / `{AssociateId}` / `{ContactId}` / `{PersonId}`; with Id 0 a list item
 * is looked up by `Value`/`Name` (WebAPI 10.1.1+, vendor notes §2 "Creating"); an unknown name
 * becomes UNRESOLVED for validation to refuse.
 */

type Json = Record<string, unknown>;

export interface Read<T> {
  rec: T;
  /** Lower-cased top-level property names the body carried. */
  given: Set<string>;
}

export function asEntityBody(body: unknown): Json {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('Entity to save is not in request body.');
  }
  return body as Json;
}

class Fields {
  readonly given = new Set<string>();
  private readonly byLower = new Map<string, unknown>();
  constructor(obj: Json) {
    for (const [k, v] of Object.entries(obj)) {
      this.byLower.set(k.toLowerCase(), v);
      this.given.add(k.toLowerCase());
    }
  }
  has(name: string): boolean {
    return this.byLower.has(name.toLowerCase());
  }
  get(name: string): unknown {
    return this.byLower.get(name.toLowerCase());
  }
}

export function readContact(body: unknown, base: ContactRec, store: Store): Read<ContactRec> {
  const f = new Fields(asEntityBody(body));
  const rec: ContactRec = structuredClone(base);
  str(f, 'Name', (v) => (rec.name = v));
  str(f, 'Department', (v) => (rec.department = v));
  str(f, 'OrgNr', (v) => (rec.orgNr = v));
  str(f, 'Number1', (v) => (rec.number1 = v));
  str(f, 'Number2', (v) => (rec.number2 = v));
  str(f, 'Description', (v) => (rec.description = v));
  if (f.has('Emails')) rec.emails = readElements(f.get('Emails'), 'Emails');
  if (f.has('Phones')) rec.phones = readElements(f.get('Phones'), 'Phones');
  if (f.has('Faxes')) rec.faxes = readElements(f.get('Faxes'), 'Faxes');
  if (f.has('Urls')) rec.urls = readElements(f.get('Urls'), 'Urls');
  if (f.has('Associate')) rec.associateId = associateRef(store, f.get('Associate'));
  if (f.has('Business')) rec.businessId = listRef(f.get('Business'), store.lists.businesses.map((b) => [b.id, b.value]));
  if (f.has('Category')) rec.categoryId = listRef(f.get('Category'), store.lists.categories.map((c) => [c.id, c.value]));
  if (f.has('Country')) rec.countryId = countryRef(store, f.get('Country'));
  if (f.has('Address')) rec.address = readAddress(f.get('Address'), rec.address);
  bool(f, 'NoMailing', (v) => (rec.noMailing = v));
  bool(f, 'Xstop', (v) => (rec.xstop = v));
  if (f.has('CustomFields')) rec.customFields = readCustomFields(f.get('CustomFields'));
  return { rec, given: f.given };
}

export function readPerson(body: unknown, base: PersonRec, store: Store, dates: DateContext): Read<PersonRec> {
  const f = new Fields(asEntityBody(body));
  const rec: PersonRec = structuredClone(base);
  str(f, 'Firstname', (v) => (rec.firstname = v));
  str(f, 'MiddleName', (v) => (rec.middleName = v));
  str(f, 'Lastname', (v) => (rec.lastname = v));
  str(f, 'Mrmrs', (v) => (rec.mrmrs = v));
  str(f, 'Title', (v) => (rec.title = v));
  str(f, 'Description', (v) => (rec.description = v));
  str(f, 'PersonNumber', (v) => (rec.personNumber = v));
  str(f, 'Salutation', (v) => (rec.salutation = v));
  if (f.has('Emails')) rec.emails = readElements(f.get('Emails'), 'Emails');
  if (f.has('OfficePhones')) rec.officePhones = readElements(f.get('OfficePhones'), 'OfficePhones');
  if (f.has('MobilePhones')) rec.mobilePhones = readElements(f.get('MobilePhones'), 'MobilePhones');
  if (f.has('PrivatePhones')) rec.privatePhones = readElements(f.get('PrivatePhones'), 'PrivatePhones');
  if (f.has('OtherPhones')) rec.otherPhones = readElements(f.get('OtherPhones'), 'OtherPhones');
  if (f.has('Faxes')) rec.faxes = readElements(f.get('Faxes'), 'Faxes');
  if (f.has('Urls')) rec.urls = readElements(f.get('Urls'), 'Urls');
  if (f.has('Position')) rec.positionId = listRef(f.get('Position'), store.lists.positions.map((p) => [p.id, p.value]));
  if (f.has('Contact')) rec.contactId = idRef(f.get('Contact'), 'ContactId');
  if (f.has('Country')) rec.countryId = countryRef(store, f.get('Country'));
  if (f.has('Associate')) rec.associateId = associateRef(store, f.get('Associate'));
  bool(f, 'Retired', (v) => (rec.retired = v));
  bool(f, 'NoMailing', (v) => (rec.noMailing = v));
  if (f.has('BirthDate')) rec.birthDate = date(f.get('BirthDate'), 'BirthDate', dates);
  if (f.has('CustomFields')) rec.customFields = readCustomFields(f.get('CustomFields'));
  return { rec, given: f.given };
}

const STATUSES: SaleStatus[] = ['Open', 'Sold', 'Lost', 'Stalled'];
const COMPLETED = ['NotStarted', 'Started', 'Completed'] as const;

export function readSale(body: unknown, base: SaleRec, store: Store, dates: DateContext): Read<SaleRec> {
  const f = new Fields(asEntityBody(body));
  const rec: SaleRec = structuredClone(base);
  str(f, 'Heading', (v) => (rec.heading = v));
  str(f, 'SaleText', (v) => (rec.saleText = v));
  str(f, 'Number', (v) => (rec.number = v));
  str(f, 'Postit', (v) => (rec.postit = v));
  if (f.has('Associate')) rec.associateId = associateRef(store, f.get('Associate'));
  if (f.has('Contact')) rec.contactId = idRef(f.get('Contact'), 'ContactId');
  if (f.has('Person')) rec.personId = idRef(f.get('Person'), 'PersonId');
  if (f.has('Currency')) rec.currencyId = listRef(f.get('Currency'), store.lists.currencies.map((c) => [c.id, c.name]));
  if (f.has('SaleType')) rec.saleTypeId = listRef(f.get('SaleType'), store.lists.saleTypes.map((t) => [t.id, t.name]));
  if (f.has('Rating')) rec.stageId = listRef(f.get('Rating'), store.lists.stages.map((s) => [s.id, s.name]));
  if (f.has('Status')) rec.status = enumValue(f.get('Status'), 'Status', ['Unknown', ...STATUSES], 'Open') as SaleStatus;
  if (f.has('Completed'))
    rec.completed = enumValue(f.get('Completed'), 'Completed', ['Unknown', ...COMPLETED], 'Started') as SaleRec['completed'];
  num(f, 'Amount', (v) => (rec.amount = v));
  num(f, 'Earning', (v) => (rec.earning = v));
  num(f, 'EarningPercent', (v) => (rec.earningPercent = v));
  num(f, 'Probability', (v) => (rec.probability = Math.round(v)));
  if (f.has('Saledate')) rec.saledate = date(f.get('Saledate'), 'Saledate', dates);
  if (f.has('NextDueDate')) rec.nextDueDate = date(f.get('NextDueDate'), 'NextDueDate', dates);
  if (f.has('ReopenDate')) rec.reopenDate = date(f.get('ReopenDate'), 'ReopenDate', dates);
  if (f.has('CustomFields')) rec.customFields = readCustomFields(f.get('CustomFields'));
  if (f.has('SaleStakeholders')) rec.stakeholders = readStakeholders(f.get('SaleStakeholders'), base.stakeholders);
  return { rec, given: f.given };
}

/**
 * `SaleStakeholders` (SaleStakeholder[], the Swagger): the list replaces the sale's own. Only
 * what a client chooses is read — `PersonId`, `StakeholderRoleId`, `Comment`, and
 * `SaleStakeholderId` to keep an existing row; names, e-mail, phone, company and `Rank` are the
 * person's and the list's, shown on read, never taken from the body.
 */
function readStakeholders(v: unknown, previous: readonly StakeholderRec[]): StakeholderRec[] {
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v)) throw badRequest('SaleStakeholders must be an array');
  return v.map((item) => {
    const o = objOf(item, 'SaleStakeholder') ?? {};
    const id = intOf(lowerGet(o, 'SaleStakeholderId')) ?? 0;
    const comment = lowerGet(o, 'Comment');
    return {
      id: previous.some((p) => p.id === id) ? id : 0,
      personId: intOf(lowerGet(o, 'PersonId')) ?? 0,
      roleId: intOf(lowerGet(o, 'StakeholderRoleId')) ?? 0,
      comment: typeof comment === 'string' ? comment : '',
    };
  });
}

// --- field readers -----------------------------------------------------------

function str(f: Fields, name: string, set: (v: string) => void): void {
  if (!f.has(name)) return;
  const v = f.get(name);
  if (v === null || v === undefined) set('');
  else if (typeof v === 'string') set(v);
  else if (typeof v === 'number' || typeof v === 'boolean') set(String(v));
  else throw badRequest(`${name} must be a string`);
}

function bool(f: Fields, name: string, set: (v: boolean) => void): void {
  if (!f.has(name)) return;
  const v = f.get(name);
  if (typeof v === 'boolean') set(v);
  else if (v === null || v === undefined) set(false);
  else if (v === 0 || v === 1) set(v === 1);
  else if (v === 'true' || v === 'false') set(v === 'true');
  else throw badRequest(`${name} must be a boolean`);
}

function num(f: Fields, name: string, set: (v: number) => void): void {
  if (!f.has(name)) return;
  const v = f.get(name);
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : v === null ? 0 : NaN;
  if (!Number.isFinite(n)) throw badRequest(`${name} must be a number`);
  set(n);
}

function date(v: unknown, name: string, dates: DateContext): number | null {
  const ms = parseDate(v, dates);
  if (ms === undefined) throw badRequest(`${name} is not a valid date: ${JSON.stringify(v)}`);
  return ms;
}

function enumValue(v: unknown, name: string, names: readonly string[], fallback: string): string {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < names.length) {
    return v === 0 ? fallback : (names[v] as string);
  }
  if (typeof v === 'string') {
    const hit = names.find((n) => n.toLowerCase() === v.toLowerCase());
    if (hit) return hit === 'Unknown' ? fallback : hit;
  }
  throw badRequest(`${name} has an unknown value ${JSON.stringify(v)}`);
}

function intOf(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v);
  return null;
}

function objOf(v: unknown, name: string): Json | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || Array.isArray(v)) throw badRequest(`${name} must be an object`);
  return v as Json;
}

function lowerGet(o: Json, name: string): unknown {
  const key = Object.keys(o).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : o[key];
}

/** `{ContactId: 5}` or `{PersonId: "24"}`; null or missing = 0. */
function idRef(v: unknown, idName: string): number {
  const o = objOf(v, idName.replace(/Id$/, ''));
  if (!o) return 0;
  return intOf(lowerGet(o, idName)) ?? 0;
}

function listRef(v: unknown, items: [number, string][]): number {
  const o = objOf(v, 'List item');
  if (!o) return 0;
  const id = intOf(lowerGet(o, 'Id')) ?? 0;
  if (id !== 0) return id;
  const name = lowerGet(o, 'Value') ?? lowerGet(o, 'Name');
  if (typeof name !== 'string' || name === '') return 0;
  const hit = items.find(([, value]) => value.toLowerCase() === name.toLowerCase());
  return hit ? hit[0] : UNRESOLVED;
}

function associateRef(store: Store, v: unknown): number {
  const o = objOf(v, 'Associate');
  if (!o) return 0;
  const id = intOf(lowerGet(o, 'AssociateId')) ?? 0;
  if (id !== 0) return id;
  const name = lowerGet(o, 'Name') ?? lowerGet(o, 'FullName');
  if (typeof name !== 'string' || name === '') return 0;
  const n = name.toLowerCase();
  const hit = store.lists.associates.find(
    (a) => a.initials.toLowerCase() === n || `${a.firstName} ${a.lastName}`.toLowerCase() === n,
  );
  return hit ? hit.id : UNRESOLVED;
}

function countryRef(store: Store, v: unknown): number {
  const o = objOf(v, 'Country');
  if (!o) return 0;
  const id = intOf(lowerGet(o, 'CountryId')) ?? 0;
  if (id !== 0) return id;
  const name = lowerGet(o, 'Name') ?? lowerGet(o, 'EnglishName') ?? lowerGet(o, 'TwoLetterISOCountry');
  if (typeof name !== 'string' || name === '') return 0;
  const n = name.toLowerCase();
  const hit = store.lists.countries.find(
    (c) => c.name.toLowerCase() === n || c.englishName.toLowerCase() === n || c.iso2.toLowerCase() === n,
  );
  return hit ? hit.id : UNRESOLVED;
}

/** EntityElement arrays: writes need only `Value` (+ optional `Description`), vendor notes §2. */
function readElements(v: unknown, name: string): ElementRec[] {
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v)) throw badRequest(`${name} must be an array`);
  return v.map((item, i) => {
    const o = objOf(item, `${name}[${i}]`);
    if (!o) throw badRequest(`${name}[${i}] must be an object`);
    const value = lowerGet(o, 'Value');
    const description = lowerGet(o, 'Description');
    if (typeof value !== 'string') throw badRequest(`${name}[${i}].Value must be a string`);
    return { value, description: typeof description === 'string' ? description : '' };
  });
}

function readAddress(v: unknown, current: AddressRec): AddressRec {
  const o = objOf(v, 'Address');
  if (!o) return current;
  const next = structuredClone(current);
  const street = lowerGet(o, 'Street');
  const postal = lowerGet(o, 'Postal');
  if (street !== undefined && street !== null) next.street = readStructured(street, next.street, 'Address.Street');
  if (postal !== undefined && postal !== null) next.postal = readStructured(postal, next.postal, 'Address.Postal');
  return next;
}

function readStructured(v: unknown, current: StructuredAddressRec, name: string): StructuredAddressRec {
  const o = objOf(v, name);
  if (!o) return current;
  const out = { ...current };
  for (const key of ['Address1', 'Address2', 'Address3', 'City', 'County', 'State', 'Zipcode'] as const) {
    const val = lowerGet(o, key);
    if (val === undefined) continue;
    const field = key.charAt(0).toLowerCase() + key.slice(1);
    (out as Record<string, string>)[field] = val === null ? '' : String(val);
  }
  return out;
}

function readCustomFields(v: unknown): Record<string, string> {
  const o = objOf(v, 'CustomFields');
  if (!o) return {};
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(o)) out[k] = val === null || val === undefined ? '' : String(val);
  return out;
}
