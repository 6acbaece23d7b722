import { fullName, formatAddress } from './carriers';
import { saleStakeholderArchive } from './stakeholders';
import type { AssociateRec, ContactRec, PersonRec, SaleRec, Store, StructuredAddressRec } from './store';

/**
 * The archive providers behind the OData lists (vendor notes §3): SimpleContact
 * (`GET /Contact`), Person (`GET /Person`), FindSale (`GET /Sale`) and AllUsers (`GET /User`),
 * with a subset of the columns named in the docs' provider reference pages. Column kinds
 * follow the pages' restriction types:
 * - int/decimal: numbers; string; bool; date: an instant, shown as ISO without zone;
 * - list (listAny): filtered by the item's id, shown as the item's name (`"category": "Customer"`);
 * - associate: filtered by associate id, shown as the associate's initials (`"associateId": "RJ"`).
 * Id columns that the docs type as listAny (FindSale contactId/personId) are shown as numbers,
 * as in the captured Appointment archive sample, and are modelled as int.
 */

export type ColumnKind = 'int' | 'decimal' | 'string' | 'bool' | 'date' | 'list' | 'associate';
export type RawValue = number | string | boolean | null;

export interface ArchiveEnv {
  store: Store;
  /** Amount in the base currency (open question 7 decides the formula). */
  toBase(amount: number, currencyId: number): number;
}

export interface ColumnDef<R> {
  name: string;
  kind: ColumnKind;
  /** Raw value: ids for list/associate columns, epoch ms (or null) for dates. */
  raw(row: R, env: ArchiveEnv): RawValue;
  /** Shown value of list and associate columns. */
  display?(row: R, env: ArchiveEnv): string;
  /** Every value a filter may match, for multi-valued columns (all e-mails of a person). */
  all?(row: R, env: ArchiveEnv): string[];
}

export interface Provider<R> {
  /** Archive provider name, as in `/Archive/{provider}`. */
  name: string;
  entityName: string;
  rows(env: ArchiveEnv): R[];
  key(row: R): number;
  columns: ColumnDef<R>[];
  /** Columns answered when `$select` is absent (open question 9: provider-defined; ours). */
  defaultColumns: string[];
}

const initials = (a: AssociateRec | undefined): string => a?.initials ?? '';

function assocCol<R>(name: string, id: (r: R, env: ArchiveEnv) => number): ColumnDef<R> {
  return { name, kind: 'associate', raw: id, display: (r, env) => initials(env.store.associate(id(r, env))) };
}

function addressCols<R>(prefix: string, get: (r: R) => StructuredAddressRec | undefined): ColumnDef<R>[] {
  const field = (name: string, f: (s: StructuredAddressRec) => string): ColumnDef<R> => ({
    name: `${prefix}/${name}`,
    kind: 'string',
    raw: (r) => {
      const s = get(r);
      return s ? f(s) : '';
    },
  });
  return [
    field('line1', (s) => s.address1),
    field('line2', (s) => s.address2),
    field('line3', (s) => s.address3),
    field('city', (s) => s.city),
    field('zip', (s) => s.zipcode),
    field('state', (s) => s.state),
    field('county', (s) => s.county),
    field('formattedAddress', (s) => formatAddress(s).replace(/\n/g, ', ')),
  ];
}

function str<R>(name: string, f: (r: R, env: ArchiveEnv) => string): ColumnDef<R> {
  return { name, kind: 'string', raw: f };
}
function int<R>(name: string, f: (r: R, env: ArchiveEnv) => number): ColumnDef<R> {
  return { name, kind: 'int', raw: f };
}
function dec<R>(name: string, f: (r: R, env: ArchiveEnv) => number): ColumnDef<R> {
  return { name, kind: 'decimal', raw: f };
}
function bool<R>(name: string, f: (r: R, env: ArchiveEnv) => boolean): ColumnDef<R> {
  return { name, kind: 'bool', raw: f };
}
function date<R>(name: string, f: (r: R, env: ArchiveEnv) => number | null): ColumnDef<R> {
  return { name, kind: 'date', raw: f };
}
function list<R>(name: string, id: (r: R, env: ArchiveEnv) => number, label: (r: R, env: ArchiveEnv) => string): ColumnDef<R> {
  return { name, kind: 'list', raw: id, display: label };
}
function emails<R>(name: string, get: (r: R) => { value: string; description: string }[], what: 'value' | 'description'): ColumnDef<R> {
  return { name, kind: 'string', raw: (r) => get(r)[0]?.[what] ?? '', all: (r) => get(r).map((e) => e[what]) };
}

const nameDepartment = (c: ContactRec | undefined): string =>
  c ? (c.department ? `${c.name}, ${c.department}` : c.name) : '';

export const simpleContact: Provider<ContactRec> = {
  name: 'SimpleContact',
  entityName: 'contact',
  rows: (env) => [...env.store.contacts.values()],
  key: (c) => c.id,
  defaultColumns: ['contactId', 'name', 'department', 'nameDepartment', 'orgnr', 'number', 'code', 'category', 'business', 'country', 'associateId', 'registeredDate', 'updatedDate'],
  columns: [
    int('contactId', (c) => c.id),
    str('name', (c) => c.name),
    str('department', (c) => c.department),
    str('nameDepartment', (c) => nameDepartment(c)),
    str('orgnr', (c) => c.orgNr),
    str('number', (c) => c.number2),
    str('code', (c) => c.number1),
    bool('hasInfoText', (c) => c.description !== ''),
    list('category', (c) => c.categoryId, (c, env) => env.store.category(c.categoryId)?.value ?? ''),
    list('business', (c) => c.businessId, (c, env) => env.store.business(c.businessId)?.value ?? ''),
    list('country', (c) => c.countryId, (c, env) => env.store.country(c.countryId)?.name ?? ''),
    int('countryId', (c) => c.countryId),
    assocCol('associateId', (c) => c.associateId),
    str('contactAssociate/fullName', (c, env) => assocName(env.store.associate(c.associateId))),
    date('registeredDate', (c) => c.createdDate),
    date('updatedDate', (c) => c.updatedDate),
    assocCol('registeredBy', (c) => c.createdById),
    assocCol('updatedBy', (c) => c.updatedById),
    bool('contactDeleted', () => false),
    bool('stop', (c) => c.xstop),
    bool('contactNoMail', (c) => c.noMailing),
    str('phone/formattedNumber', (c) => c.phones[0]?.value ?? ''),
    str('contactPhone/formattedNumber', (c) => c.phones[0]?.value ?? ''),
    str('contactPhone/description', (c) => c.phones[0]?.description ?? ''),
    emails('email/emailAddress', (c) => c.emails, 'value'),
    emails('email/emailDescription', (c) => c.emails, 'description'),
    emails('url/URLAddress', (c) => c.urls, 'value'),
    emails('url/URLDescription', (c) => c.urls, 'description'),
    ...addressCols<ContactRec>('postAddress', (c) => c.address.postal),
    ...addressCols<ContactRec>('streetAddress', (c) => c.address.street),
  ],
};

function assocName(a: AssociateRec | undefined): string {
  return a ? `${a.firstName} ${a.lastName}` : '';
}

const companyOf = (p: PersonRec, env: ArchiveEnv): ContactRec | undefined => env.store.contacts.get(p.contactId);

export const personArchive: Provider<PersonRec> = {
  name: 'Person',
  entityName: 'person',
  rows: (env) => [...env.store.persons.values()],
  key: (p) => p.id,
  defaultColumns: ['personId', 'fullName', 'firstName', 'lastName', 'title', 'contactId', 'personContact/name', 'email/emailAddress', 'personUpdatedDate'],
  columns: [
    int('personId', (p) => p.id),
    str('firstName', (p) => p.firstname),
    str('lastName', (p) => p.lastname),
    str('middleName', (p) => p.middleName),
    str('fullName', (p) => fullName(p)),
    int('contactId', (p) => p.contactId),
    str('mrMrs', (p) => p.mrmrs),
    str('title', (p) => p.title),
    list('position', (p) => p.positionId, (p, env) => env.store.position(p.positionId)?.value ?? ''),
    str('personNumber', (p) => p.personNumber),
    bool('retired', (p) => p.retired),
    int('rank', () => 0),
    list('personCountry', (p) => p.countryId, (p, env) => env.store.country(p.countryId)?.name ?? ''),
    int('personCountryId', (p) => p.countryId),
    bool('personNoMail', (p) => p.noMailing),
    bool('hasCompany', (p) => p.contactId !== 0),
    date('personUpdatedDate', (p) => p.updatedDate),
    date('personRegisteredDate', (p) => p.createdDate),
    assocCol('personUpdatedBy', (p) => p.updatedById),
    assocCol('personRegisteredBy', (p) => p.createdById),
    assocCol('personAssociateId', (p) => p.associateId),
    emails('email/emailAddress', (p) => p.emails, 'value'),
    emails('email/emailDescription', (p) => p.emails, 'description'),
    str('phone/formattedNumber', (p) => (p.officePhones[0] ?? p.mobilePhones[0])?.value ?? ''),
    str('personDirectPhone/formattedNumber', (p) => p.officePhones[0]?.value ?? ''),
    str('personMobilePhone/formattedNumber', (p) => p.mobilePhones[0]?.value ?? ''),
    emails('personUrl/URLAddress', (p) => p.urls, 'value'),
    int('personContact/contactId', (p) => p.contactId),
    str('personContact/name', (p, env) => companyOf(p, env)?.name ?? ''),
    str('personContact/department', (p, env) => companyOf(p, env)?.department ?? ''),
    str('personContact/nameDepartment', (p, env) => nameDepartment(companyOf(p, env))),
    str('personContact/orgnr', (p, env) => companyOf(p, env)?.orgNr ?? ''),
    assocCol('personContact/associateId', (p, env) => companyOf(p, env)?.associateId ?? 0),
    list('personContact/category', (p, env) => companyOf(p, env)?.categoryId ?? 0, (p, env) => env.store.category(companyOf(p, env)?.categoryId ?? 0)?.value ?? ''),
    list('personContact/business', (p, env) => companyOf(p, env)?.businessId ?? 0, (p, env) => env.store.business(companyOf(p, env)?.businessId ?? 0)?.value ?? ''),
  ],
};

/** DB codes of sale.status (vendor notes §2 "SaleEntity"). */
const STATUS_CODE: Record<SaleRec['status'], number> = { Open: 1, Sold: 2, Lost: 3, Stalled: 4 };

const saleCompany = (s: SaleRec, env: ArchiveEnv): ContactRec | undefined => env.store.contacts.get(s.contactId);
const salePerson = (s: SaleRec, env: ArchiveEnv): PersonRec | undefined => env.store.persons.get(s.personId);

export const findSale: Provider<SaleRec> = {
  name: 'FindSale',
  entityName: 'sale',
  rows: (env) => [...env.store.sales.values()],
  key: (s) => s.id,
  defaultColumns: ['saleId', 'heading', 'amount', 'currency', 'stage', 'probPercent', 'saleStatus', 'saleType', 'date', 'associateId', 'contactId', 'personId', 'updatedDate'],
  columns: [
    int('saleId', (s) => s.id),
    str('heading', (s) => s.heading),
    dec('amount', (s) => s.amount),
    dec('amountWeighted', (s) => (s.amount * s.probability) / 100),
    dec('amountInBaseCurrency', (s, env) => env.toBase(s.amount, s.currencyId)),
    dec('amountWeightedInBaseCurrency', (s, env) => (env.toBase(s.amount, s.currencyId) * s.probability) / 100),
    dec('earning', (s) => s.earning),
    dec('earningPercent', (s) => s.earningPercent),
    list('currency', (s) => s.currencyId, (s, env) => env.store.currency(s.currencyId)?.name ?? ''),
    int('currencyId', (s) => s.currencyId),
    list('stage', (s) => s.stageId, (s, env) => env.store.stage(s.stageId)?.name ?? ''),
    int('stageId', (s) => s.stageId),
    str('stageName', (s, env) => env.store.stage(s.stageId)?.name ?? ''),
    int('stageRank', (s, env) => {
      const t = env.store.saleType(s.saleTypeId);
      return t ? t.stageIds.indexOf(s.stageId) + 1 : 0;
    }),
    int('probPercent', (s) => s.probability),
    list('saleStatus', (s) => STATUS_CODE[s.status], (s) => s.status),
    list('saleType', (s) => s.saleTypeId, (s, env) => env.store.saleType(s.saleTypeId)?.name ?? ''),
    int('saleTypeId', (s) => s.saleTypeId),
    date('date', (s) => s.saledate),
    date('registeredDate', (s) => s.createdDate),
    date('updatedDate', (s) => s.updatedDate),
    assocCol('registeredBy', (s) => s.createdById),
    assocCol('updatedBy', (s) => s.updatedById),
    assocCol('associateId', (s) => s.associateId),
    str('associate/fullName', (s, env) => assocName(env.store.associate(s.associateId))),
    int('associate/personId', (s, env) => env.store.associate(s.associateId)?.personId ?? 0),
    int('contactId', (s) => s.contactId),
    int('contact/contactId', (s) => s.contactId),
    str('contact/name', (s, env) => saleCompany(s, env)?.name ?? ''),
    str('contact/department', (s, env) => saleCompany(s, env)?.department ?? ''),
    str('contact/nameDepartment', (s, env) => nameDepartment(saleCompany(s, env))),
    int('personId', (s) => s.personId),
    int('person/personId', (s) => s.personId),
    str('person/fullName', (s, env) => {
      const p = salePerson(s, env);
      return p ? fullName(p) : '';
    }),
    str('person/firstName', (s, env) => salePerson(s, env)?.firstname ?? ''),
    str('person/lastName', (s, env) => salePerson(s, env)?.lastname ?? ''),
    {
      name: 'person/email/emailAddress',
      kind: 'string',
      raw: (s, env) => salePerson(s, env)?.emails[0]?.value ?? '',
      all: (s, env) => (salePerson(s, env)?.emails ?? []).map((e) => e.value),
    },
    int('projectId', () => 0),
    str('saleNumber', (s) => s.number),
    str('description', (s) => s.saleText),
    bool('completed', (s) => s.completed === 'Completed'),
    date('nextDueDate', (s) => s.nextDueDate),
    date('reopenDate', (s) => s.reopenDate),
  ],
};
export const allUsers: Provider<AssociateRec> = {
  name: 'AllUsers',
  entityName: 'associate',
  rows: (env) => [...env.store.lists.associates],
  key: (a) => a.id,
  defaultColumns: ['associateDbId', 'assocName', 'fullName', 'personId', 'personEmail', 'isActive'],
  columns: [
    assocCol('associateDbId', (a) => a.id),
    assocCol('assocName', (a) => a.id),
    str('firstName', (a) => a.firstName),
    str('lastName', (a) => a.lastName),
    str('middleName', () => ''),
    str('fullName', (a) => assocName(a)),
    int('contactId', (a, env) => env.store.persons.get(a.personId)?.contactId ?? 0),
    int('personId', (a) => a.personId),
    str('mrMrs', () => ''),
    str('title', (a, env) => env.store.persons.get(a.personId)?.title ?? ''),
    str('contactName', (a, env) => env.store.contacts.get(env.store.persons.get(a.personId)?.contactId ?? 0)?.name ?? ''),
    str('userName', (a) => a.userName),
    str('personEmail', (a) => a.email),
    list('assocType', () => 1, (a) => (a.type === 'InternalAssociate' ? 'Associate' : a.type)),
    str('usergroup', () => 'Sales'),
    int('usergroupId', (a) => a.groupIdx),
    bool('isActive', (a) => !a.deleted),
  ],
};

export const PROVIDERS = {
  contact: simpleContact,
  person: personArchive,
  sale: findSale,
  user: allUsers,
  stakeholder: saleStakeholderArchive,
} as const;

/** `/Archive/{provider}` names, case-insensitive. */
export function providerByName(name: string): Provider<unknown> | undefined {
  const all = [simpleContact, personArchive, findSale, allUsers, saleStakeholderArchive] as Provider<unknown>[];
  return all.find((p) => p.name.toLowerCase() === name.toLowerCase());
}
