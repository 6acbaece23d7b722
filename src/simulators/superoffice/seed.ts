import {
  COMPANY_KINDS,
  COMPANY_STEMS,
  COMPANY_SUFFIXES,
  DEPARTMENTS,
  FIRST_NAMES,
  JOB_TITLES,
  LAST_NAMES,
  MIDDLE_NAMES,
  PRODUCTS,
  Random,
  STREETS,
} from './vocabulary';
import type {
  AddressRec,
  AssociateRec,
  ContactRec,
  CountryRec,
  ElementRec,
  ListsRec,
  PersonRec,
  PreferencesRec,
  SaleRec,
  SaleStatus,
  StructuredAddressRec,
} from './store';
import { Store } from './store';

/**
 * Deterministic tenant data. Reference lists are fixed (a tenant's admin data); companies,
 * persons and sales come from the seeded generator. Seeded timestamps come from fixed ranges,
 * never from the clock, so the same seed and size give byte-identical data.
 */
export interface SeedSize {
  companies: number;
  persons: number;
  sales: number;
}

const CREATED_FROM = new Date('2020-01-06T08:00:00Z');
const CREATED_TO = new Date('2024-06-28T16:00:00Z');
const UPDATED_TO = new Date('2025-01-31T16:00:00Z');
const SALEDATE_FROM = new Date('2023-01-02T10:00:00Z');
const SALEDATE_TO = new Date('2025-12-19T10:00:00Z');

export function referenceLists(): ListsRec {
  return {
    // Associates are users; each is a Person at the tenant's own company (vendor notes §2 "Associate").
    associates: [
      associate(1, 'RJ', 'Ragnhild', 'Jensen', 1),
      associate(2, 'TY', 'Tom', 'Young', 2),
      associate(3, 'KL', 'Kari', 'Lie', 3),
      associate(4, 'MB', 'Mats', 'Berg', 4),
      associate(5, 'EN', 'Emil', 'Nyberg', 5),
    ],
    // The base currency has Rate 1, Units 1; others follow "amount / Rate * Units = base"
    // (open question 7; the CRMScript how-to): 100 EUR = 1166 NOK → Rate 1166, Units 100.
    currencies: [
      { id: 1, name: 'EUR', tooltip: 'Euro', rank: 1, rate: 1, units: 1, deleted: false },
      { id: 2, name: 'USD', tooltip: 'US dollar', rank: 2, rate: 1.08, units: 1, deleted: false },
      { id: 3, name: 'GBP', tooltip: 'Pound sterling', rank: 3, rate: 0.85, units: 1, deleted: false },
      { id: 4, name: 'NOK', tooltip: 'Norwegian krone', rank: 4, rate: 1166, units: 100, deleted: false },
      { id: 5, name: 'SEK', tooltip: 'Swedish krona', rank: 5, rate: 1150, units: 100, deleted: false },
    ],
    // Stages are one tenant-wide list (prob); sale types select some of them, in order.
    stages: [
      { id: 1, name: 'Lead', tooltip: '', probability: 10, rank: 1, deleted: false },
      { id: 2, name: 'Qualified', tooltip: '', probability: 25, rank: 2, deleted: false },
      { id: 3, name: 'Proposal', tooltip: '', probability: 50, rank: 3, deleted: false },
      { id: 4, name: 'Negotiation', tooltip: '', probability: 75, rank: 4, deleted: false },
      { id: 5, name: 'Verbal acceptance', tooltip: '', probability: 90, rank: 5, deleted: false },
      { id: 6, name: 'Discovery', tooltip: '', probability: 20, rank: 6, deleted: false },
      { id: 7, name: 'Demo', tooltip: '', probability: 40, rank: 7, deleted: false },
      { id: 8, name: 'Contract sent', tooltip: '', probability: 80, rank: 8, deleted: false },
      { id: 9, name: 'Old first meeting', tooltip: 'Retired stage', probability: 15, rank: 9, deleted: true },
    ],
    saleTypes: [
      { id: 1, name: 'New business', tooltip: '', rank: 1, stageIds: [1, 2, 3, 4, 5], saleDuration: 3, durationUnit: 'Month', deleted: false, hasStakeholders: false },
      { id: 2, name: 'Upsell', tooltip: '', rank: 2, stageIds: [6, 7, 8], saleDuration: 6, durationUnit: 'Week', deleted: false, hasStakeholders: false },
      { id: 3, name: 'Renewal', tooltip: '', rank: 3, stageIds: [2, 4, 5], saleDuration: 30, durationUnit: 'Day', deleted: false, hasStakeholders: false },
      // Sales of several people (a buying group): the one type whose sales carry stakeholders.
      { id: 4, name: 'Key account', tooltip: '', rank: 4, stageIds: [1, 3, 4, 8], saleDuration: 6, durationUnit: 'Month', deleted: false, hasStakeholders: true },
    ],
    businesses: [
      item(1, 'IT'), item(2, 'Finance'), item(3, 'Retail'), item(4, 'Manufacturing'), item(5, 'Consulting'), item(6, 'Shipping'),
    ],
    categories: [
      { ...item(1, 'Customer'), group: 'Customer' },
      { ...item(2, 'Prospect'), group: 'PotentialCustomer' },
      { ...item(3, 'Partner'), group: 'Partner' },
      { ...item(4, 'Supplier'), group: 'Other' },
      { ...item(5, 'Lost customer'), group: 'Lost' },
    ],
    positions: [item(1, 'Decision maker'), item(2, 'Influencer'), item(3, 'User'), item(4, 'Technical contact')],
    countries: [
      country(578, 'Norway', 'NO', 'NOR', 4, '47', 'Org.nr.:'),
      country(752, 'Sweden', 'SE', 'SWE', 5, '46', 'Org.nr.:'),
      country(826, 'United Kingdom', 'GB', 'GBR', 3, '44', 'VAT No.:'),
      country(276, 'Germany', 'DE', 'DEU', 1, '49', 'USt-IdNr.:'),
      country(528, 'Netherlands', 'NL', 'NLD', 1, '31', 'BTW-nr.:'),
      country(840, 'United States', 'US', 'USA', 2, '1', 'EIN:'),
    ],
  };
}

export function defaultPreferences(): PreferencesRec {
  return {
    currentAssociateId: 1,
    baseCurrencyId: 1,
    defaultCountryId: 578,
    defaultBusinessId: 1,
    defaultCategoryId: 2,
    defaultSaleTypeId: 1,
  };
}

const CITIES: Record<string, readonly string[]> = {
  NO: ['Oslo', 'Bergen', 'Trondheim', 'Stavanger', 'Tromsø'],
  SE: ['Stockholm', 'Göteborg', 'Malmö', 'Uppsala'],
  GB: ['London', 'Manchester', 'Leeds', 'Bristol'],
  DE: ['Berlin', 'Hamburg', 'München', 'Köln'],
  NL: ['Amsterdam', 'Rotterdam', 'Utrecht'],
  US: ['Boston', 'Austin', 'Denver', 'Seattle'],
};

/** Builds the whole tenant. */
export function seedStore(seed: number, size: SeedSize, withOwnerCompany: boolean): Store {
  const store = new Store(referenceLists(), defaultPreferences());
  const rnd = new Random(seed);
  if (withOwnerCompany) seedOwner(store);
  // Ids 1 (owner company) and 1–5 (associates' persons) are reserved even without the owner
  // company, so ids and Associate.PersonId do not move with that switch.
  const firstCompanyId = 2;
  const firstPersonId = 6;

  const companies: ContactRec[] = [];
  for (let i = 0; i < size.companies; i++) {
    const c = seedCompany(store, rnd, firstCompanyId + i);
    store.putContact(c);
    companies.push(c);
  }
  const persons: PersonRec[] = [];
  for (let i = 0; i < size.persons && companies.length > 0; i++) {
    // The first pass gives every company one person; the rest land anywhere.
    const company = i < companies.length ? (companies[i] as ContactRec) : rnd.pick(companies);
    const p = seedPerson(store, rnd, firstPersonId + i, company);
    store.putPerson(p);
    persons.push(p);
  }
  for (let i = 0; i < size.sales && companies.length > 0; i++) {
    store.putSale(seedSale(store, rnd, 1 + i, rnd.pick(companies)));
  }
  return store;
}

function seedOwner(store: Store): void {
  const when = Date.parse('2019-11-04T09:00:00Z');
  const owner: ContactRec = {
    ...blankCompany(1),
    name: 'Simulated Tenant AS',
    number2: '10001',
    orgNr: '999888777',
    associateId: 1,
    businessId: 1,
    categoryId: 3,
    countryId: 578,
    isOwner: true,
    emails: [element('post@simulated-tenant.example', '')],
    phones: [element('+47 21 00 00 00', 'Switchboard')],
    urls: [element('www.simulated-tenant.example', '')],
    address: address(structured('Storgata 1', 'Oslo', '0155'), structured('Postboks 1', 'Oslo', '0101')),
    createdDate: when,
    updatedDate: when,
    createdById: 1,
    updatedById: 1,
  };
  store.putContact(owner);
  for (const a of store.lists.associates) {
    store.putPerson({
      ...blankPerson(a.personId),
      contactId: 1,
      firstname: a.firstName,
      lastname: a.lastName,
      title: a.id === 1 ? 'Sales Director' : 'Account Manager',
      emails: [element(a.email, '')],
      personNumber: String(20000 + a.personId),
      createdDate: when,
      updatedDate: when,
      createdById: 1,
      updatedById: 1,
      countryId: 578,
    });
  }
}

function seedCompany(store: Store, rnd: Random, id: number): ContactRec {
  const stem = rnd.pick(COMPANY_STEMS);
  const kind = rnd.pick(COMPANY_KINDS);
  const name = `${stem} ${kind} ${rnd.pick(COMPANY_SUFFIXES)}`;
  const domain = `${slug(stem)}-${slug(kind)}.example`;
  const c: CountryRec = rnd.pick<CountryRec>(store.lists.countries);
  const city = rnd.pick(CITIES[c.iso2] ?? ['Oslo']);
  const created = rnd.between(CREATED_FROM, CREATED_TO);
  const updated = rnd.between(created, UPDATED_TO);
  const street = structured(`${rnd.pick(STREETS)} ${rnd.int(1, 120)}`, city, rnd.digits(c.iso2 === 'NO' ? 4 : 5));
  const emails = [element(`post@${domain}`, 'General')];
  if (rnd.chance(0.4)) emails.push(element(`sales@${domain}`, 'Sales'));
  const phones = [element(phone(rnd, c), 'Switchboard')];
  if (rnd.chance(0.3)) phones.push(element(phone(rnd, c), 'Support'));
  return {
    ...blankCompany(id),
    name,
    department: rnd.pick(DEPARTMENTS),
    orgNr: rnd.digits(9),
    number1: rnd.chance(0.5) ? `C-${rnd.digits(4)}` : '',
    number2: String(10000 + id),
    description: rnd.chance(0.3) ? `Met at ${rnd.pick(['a trade fair', 'a webinar', 'a partner event'])}.` : '',
    associateId: rnd.pick(store.lists.associates).id,
    businessId: rnd.pick(store.lists.businesses).id,
    categoryId: rnd.pick(store.lists.categories).id,
    countryId: c.id,
    emails,
    phones,
    urls: [element(`www.${domain}`, '')],
    address: address(street, rnd.chance(0.5) ? structured(`Postboks ${rnd.int(1, 900)}`, city, street.zipcode) : street),
    noMailing: rnd.chance(0.1),
    createdDate: created.getTime(),
    updatedDate: updated.getTime(),
    createdById: rnd.pick(store.lists.associates).id,
    updatedById: rnd.pick(store.lists.associates).id,
  };
}

function seedPerson(store: Store, rnd: Random, id: number, company: ContactRec): PersonRec {
  const first = rnd.pick(FIRST_NAMES);
  const last = rnd.pick(LAST_NAMES);
  const domain = (company.urls[0]?.value ?? 'www.unknown.example').replace(/^www\./, '');
  const country = store.country(company.countryId) as CountryRec;
  const created = rnd.between(CREATED_FROM, CREATED_TO);
  const emails = [element(`${slug(first)}.${slug(last)}@${domain}`, '')];
  if (rnd.chance(0.2)) emails.push(element(`${slug(first)}${rnd.int(1, 99)}@mail.example`, 'Private'));
  return {
    ...blankPerson(id),
    contactId: company.id,
    firstname: first,
    middleName: rnd.chance(0.15) ? rnd.pick(MIDDLE_NAMES) : '',
    lastname: last,
    mrmrs: rnd.pick(['', 'Mr', 'Ms', 'Mrs']),
    title: rnd.pick(JOB_TITLES),
    positionId: rnd.chance(0.6) ? rnd.pick(store.lists.positions).id : 0,
    personNumber: String(20000 + id),
    emails,
    officePhones: [element(phone(rnd, country), '')],
    mobilePhones: rnd.chance(0.6) ? [element(phone(rnd, country), '')] : [],
    countryId: company.countryId,
    createdDate: created.getTime(),
    updatedDate: rnd.between(created, UPDATED_TO).getTime(),
    createdById: rnd.pick(store.lists.associates).id,
    updatedById: rnd.pick(store.lists.associates).id,
  };
}

function seedSale(store: Store, rnd: Random, id: number, company: ContactRec): SaleRec {
  // Seeded sales keep to the types without stakeholders (so the seeded data and its reads stay
  // as they were); Key account sales are the ones clients create.
  const type = rnd.pick(store.lists.saleTypes.filter((t) => !t.hasStakeholders));
  const stage = store.stage(rnd.pick(type.stageIds));
  const status = pickStatus(rnd);
  const people = store.personsOf(company.id);
  // Some sales have no person: a sale may be tied to the company only (spec: SaleEntity.Person).
  const personId = people.length > 0 && rnd.chance(0.75) ? rnd.pick(people).id : 0;
  const base = store.prefs.baseCurrencyId;
  const currencyId = rnd.chance(0.7) ? base : rnd.pick(store.lists.currencies).id;
  const amount = rnd.int(2, 500) * 500;
  const created = rnd.between(CREATED_FROM, CREATED_TO);
  const probability = status === 'Sold' ? 100 : status === 'Lost' ? 0 : (stage?.probability ?? 0);
  return {
    id,
    heading: `${rnd.pick(PRODUCTS)} - ${company.name.split(' ')[0] ?? company.name}`,
    contactId: company.id,
    personId,
    associateId: rnd.pick(store.lists.associates).id,
    currencyId,
    saleTypeId: type.id,
    stageId: stage?.id ?? 0,
    probability,
    status,
    saledate: rnd.between(SALEDATE_FROM, SALEDATE_TO).getTime(),
    amount,
    earning: Math.round(amount * 0.3),
    earningPercent: 30,
    number: String(30000 + id),
    saleText: rnd.chance(0.4) ? 'Follow up after the budget meeting.' : '',
    postit: '',
    completed: status === 'Sold' || status === 'Lost' ? 'Completed' : 'Started',
    nextDueDate: null,
    reopenDate: null,
    createdDate: created.getTime(),
    updatedDate: rnd.between(created, UPDATED_TO).getTime(),
    createdById: rnd.pick(store.lists.associates).id,
    updatedById: rnd.pick(store.lists.associates).id,
    customFields: {},
    stakeholders: [],
  };
}

function pickStatus(rnd: Random): SaleStatus {
  const r = rnd.next();
  if (r < 0.6) return 'Open';
  if (r < 0.8) return 'Sold';
  if (r < 0.95) return 'Lost';
  return 'Stalled';
}

export function blankCompany(id: number): ContactRec {
  return {
    id,
    name: '',
    department: '',
    orgNr: '',
    number1: '',
    number2: '',
    description: '',
    associateId: 0,
    businessId: 0,
    categoryId: 0,
    countryId: 0,
    emails: [],
    phones: [],
    faxes: [],
    urls: [],
    address: address(structured('', '', ''), structured('', '', '')),
    noMailing: false,
    xstop: false,
    isOwner: false,
    createdDate: null,
    updatedDate: null,
    createdById: 0,
    updatedById: 0,
    customFields: {},
  };
}

export function blankPerson(id: number): PersonRec {
  return {
    id,
    contactId: 0,
    firstname: '',
    middleName: '',
    lastname: '',
    mrmrs: '',
    title: '',
    positionId: 0,
    description: '',
    personNumber: '',
    salutation: '',
    emails: [],
    officePhones: [],
    mobilePhones: [],
    privatePhones: [],
    otherPhones: [],
    faxes: [],
    urls: [],
    birthDate: null,
    retired: false,
    associateId: 0,
    countryId: 0,
    noMailing: false,
    createdDate: null,
    updatedDate: null,
    createdById: 0,
    updatedById: 0,
    customFields: {},
  };
}

export function blankSale(id: number): SaleRec {
  return {
    id,
    heading: '',
    contactId: 0,
    personId: 0,
    associateId: 0,
    currencyId: 0,
    saleTypeId: 0,
    stageId: 0,
    probability: 0,
    status: 'Open',
    saledate: null,
    amount: 0,
    earning: 0,
    earningPercent: 0,
    number: '',
    saleText: '',
    postit: '',
    completed: 'Started',
    nextDueDate: null,
    reopenDate: null,
    createdDate: null,
    updatedDate: null,
    createdById: 0,
    updatedById: 0,
    customFields: {},
    stakeholders: [],
  };
}

export function element(value: string, description: string): ElementRec {
  return { value, description };
}

export function structured(address1: string, city: string, zipcode: string): StructuredAddressRec {
  return { address1, address2: '', address3: '', city, county: '', state: '', zipcode };
}

function address(street: StructuredAddressRec, postal: StructuredAddressRec): AddressRec {
  return { street, postal, latitude: 0, longitude: 0 };
}

function associate(id: number, initials: string, firstName: string, lastName: string, personId: number): AssociateRec {
  return {
    id,
    initials,
    firstName,
    lastName,
    personId,
    type: 'InternalAssociate',
    groupIdx: 1,
    userName: `${firstName.toLowerCase()}.${lastName.toLowerCase()}`,
    email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@simulated-tenant.example`,
    deleted: false,
    rank: id,
  };
}

function item(id: number, value: string): { id: number; value: string; tooltip: string; rank: number; deleted: boolean } {
  return { id, value, tooltip: '', rank: id, deleted: false };
}

function country(
  id: number,
  name: string,
  iso2: string,
  iso3: string,
  currencyId: number,
  dialInPrefix: string,
  orgNrText: string,
): CountryRec {
  return { id, name, englishName: name, iso2, iso3, currencyId, dialInPrefix, orgNrText, rank: id };
}

function phone(rnd: Random, c: CountryRec): string {
  return `+${c.dialInPrefix} ${rnd.digits(2)} ${rnd.digits(2)} ${rnd.digits(2)} ${rnd.digits(2)}`;
}

/** ASCII, lower-case, for e-mail addresses and domains. */
function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/ø/gi, 'o')
    .replace(/æ/gi, 'ae')
    .replace(/å/gi, 'a')
    .replace(/[^A-Za-z0-9]+/g, '')
    .toLowerCase();
}
