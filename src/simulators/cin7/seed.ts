import { en, Faker } from '@faker-js/faker';
import type { AccountSettings } from './account';
import { wireDate } from './dates';
import { blankQuote, deriveQuote } from './quoteWrites';
import type { Cin7Store, ContactRow, QuoteLineRow, SecondaryContactRow, UserRow } from './store';

/** How much demo data to generate; any size works (benchmarks use thousands). */
export interface Cin7SeedSize {
  /** Customer contacts: mostly companies with a person, every sixth a private individual. */
  customers: number;
  suppliers: number;
  /** Users (sales persons), ids 1…n; the last of four or more is inactive. */
  users: number;
  quotes: number;
}

export const DEFAULT_SEED = 7;
export const DEFAULT_SIZE: Readonly<Cin7SeedSize> = Object.freeze({ customers: 30, suppliers: 8, users: 5, quotes: 40 });

/** Seeded timestamps come from this range, never from the clock: same seed → same data. */
const FROM = Date.UTC(2023, 0, 1);
const TO = Date.UTC(2025, 5, 30);
const DAY = 86_400_000;

/** Places by country, so a contact's city, state, post code and web domain agree. */
interface Place {
  country: string;
  tld: string;
  postCode: string;
  cities: ReadonlyArray<readonly [string, string]>;
}
const COUNTRIES: readonly Place[] = [
  {
    country: 'New Zealand',
    tld: 'co.nz',
    postCode: '####',
    cities: [['Auckland', 'Auckland'], ['Wellington', 'Wellington'], ['Christchurch', 'Canterbury'], ['Hamilton', 'Waikato'], ['Dunedin', 'Otago']],
  },
  {
    country: 'Australia',
    tld: 'com.au',
    postCode: '####',
    cities: [['Sydney', 'NSW'], ['Melbourne', 'VIC'], ['Brisbane', 'QLD'], ['Perth', 'WA'], ['Adelaide', 'SA']],
  },
  {
    country: 'United States',
    tld: 'com',
    postCode: '#####',
    cities: [['Seattle', 'WA'], ['Austin', 'TX'], ['Denver', 'CO'], ['Boston', 'MA'], ['Portland', 'OR']],
  },
  {
    country: 'United Kingdom',
    tld: 'co.uk',
    postCode: '??# #??',
    cities: [['London', 'Greater London'], ['Manchester', 'Greater Manchester'], ['Leeds', 'West Yorkshire'], ['Bristol', 'Bristol'], ['Glasgow', 'Scotland']],
  },
];
const USER_TITLES = ['Sales Manager', 'Account Manager', 'Sales Representative', 'Business Development Manager', 'Customer Service'];
const GROUPS = ['Retail', 'Wholesale', 'Trade', 'Online'];
const CRM_STAGES = ['Lead', 'Prospect', 'Qualified', 'Customer', 'Dormant'];
const PAYMENT_TERMS = ['7 days', '20th of the month following', '30 days EOM', null];
/** Built-in transaction stages plus one custom stage (vendor notes §4 "Pipeline / stages"), with a probability each. */
const QUOTE_STAGES: Array<[string, number]> = [
  ['New', 20],
  ['Needs Attention', 40],
  ['Awaiting Payment', 75],
  ['Processing', 90],
  ['On Hold', 50],
  ['Dispatched', 100],
  ['Declined', 0],
];

/**
 * Fills `store` deterministically: users (sales persons), customers (companies with a primary
 * person and 0–3 secondary contacts, private individuals, a few branches billed to a parent),
 * suppliers, and quotes linked to customers with stage, probability, currency, lines and totals.
 * Ids follow `createdDate`, as an identity column would.
 */
export function seedStore(store: Cin7Store, seed: number, size: Cin7SeedSize, account: AccountSettings): void {
  const faker = new Faker({ locale: [en] });
  faker.seed(seed);
  const users = seedUsers(store, faker, size.users);
  const active = users.filter((u) => u.isActive).map((u) => u.id);
  const emails = new Set<string>();
  const drafts: ContactRow[] = [];
  for (let i = 0; i < size.customers; i += 1) drafts.push(contact(faker, 'Customer', i, active, emails));
  for (let i = 0; i < size.suppliers; i += 1) drafts.push(contact(faker, 'Supplier', i, [], emails));
  drafts.sort((a, b) => a.createdDate.localeCompare(b.createdDate));
  for (const row of drafts) {
    row.id = store.nextContactId();
    for (const sc of row.secondaryContacts ?? []) sc.id = store.nextSecondaryId();
    store.contacts.set(row.id, row);
  }
  linkBranches(faker, drafts.filter((c) => c.type === 'Customer' && c.company));
  seedQuotes(store, faker, size.quotes, drafts.filter((c) => c.type === 'Customer' && c.isActive), active, account);
}

function seedUsers(store: Cin7Store, faker: Faker, count: number): UserRow[] {
  const out: UserRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    const user: UserRow = {
      id: store.nextUserId(),
      isActive: !(count >= 4 && i === count - 1),
      firstName,
      lastName,
      jobTitle: USER_TITLES[i % USER_TITLES.length] ?? null,
      email: `${slug(firstName)}.${slug(lastName)}@simulated-omni.example`,
    };
    store.users.set(user.id, user);
    store.userVisibleFrom.set(user.id, 0);
    out.push(user);
  }
  return out;
}

function contact(faker: Faker, type: 'Customer' | 'Supplier', i: number, salesPeople: number[], emails: Set<string>): ContactRow {
  const individual = type === 'Customer' && i % 6 === 5;
  const place = faker.helpers.arrayElement(COUNTRIES);
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  const company = individual ? null : faker.company.name();
  const domain = `${slug(company ?? `${firstName}${lastName}`).slice(0, 20)}.${place.tld}`;
  const created = FROM + faker.number.int({ min: 0, max: Math.floor((TO - FROM) / DAY) - 30 }) * DAY + faker.number.int({ min: 0, max: DAY - 1 });
  const modified = Math.min(TO, created + faker.number.int({ min: 0, max: 200 }) * DAY + faker.number.int({ min: 0, max: DAY - 1 }));
  const street = faker.location.streetAddress();
  const [city, state] = faker.helpers.arrayElement(place.cities);
  const postCode = faker.helpers.replaceSymbols(place.postCode).toUpperCase();
  const poBox = faker.datatype.boolean(0.3);
  const secondaries = individual ? 0 : faker.helpers.weightedArrayElement([
    { weight: 3, value: 0 },
    { weight: 3, value: 1 },
    { weight: 2, value: 2 },
    { weight: 1, value: 3 },
  ]);
  const accounts = !individual && faker.datatype.boolean(0.5);
  const salesPersonId = salesPeople.length > 0 && i % 5 !== 4 ? faker.helpers.arrayElement(salesPeople) : 0;
  return {
    id: 0,
    createdDate: wireDate(created),
    modifiedDate: wireDate(modified),
    isActive: i % 11 !== 10,
    company,
    firstName,
    lastName,
    jobTitle: individual ? null : faker.person.jobTitle(),
    email: unique(emails, `${slug(firstName)}.${slug(lastName)}@${domain}`),
    website: individual ? null : `www.${domain}`,
    phone: faker.phone.number({ style: 'national' }),
    fax: faker.datatype.boolean(0.15) ? faker.phone.number({ style: 'national' }) : null,
    mobile: faker.datatype.boolean(0.6) ? faker.phone.number({ style: 'national' }) : null,
    address1: street,
    address2: faker.datatype.boolean(0.25) ? faker.location.secondaryAddress() : null,
    city,
    state,
    postCode,
    country: place.country,
    postalAddress1: poBox ? `PO Box ${faker.number.int({ min: 100, max: 99999 })}` : street,
    postalAddress2: null,
    postalCity: city,
    postalPostCode: postCode,
    postalState: state,
    postalCountry: place.country,
    notes: faker.datatype.boolean(0.3) ? faker.company.catchPhrase() : null,
    integrationRef: faker.datatype.boolean(0.3) ? `SHOP-${faker.string.alphanumeric({ length: 8, casing: 'upper' })}` : null,
    customFields: faker.datatype.boolean(0.4) ? { Industry: faker.commerce.department(), Region: place.country } : null,
    secondaryContacts: secondaries > 0 ? Array.from({ length: secondaries }, () => secondary(faker, company, domain, emails)) : null,
    type,
    salesPersonId,
    accountNumber: `${type === 'Customer' ? 'C' : 'S'}${String(10001 + i)}`,
    billingId: 0,
    billingCompany: null,
    accountsFirstName: accounts ? faker.person.firstName() : null,
    accountsLastName: accounts ? faker.person.lastName() : null,
    billingEmail: accounts ? unique(emails, `accounts@${domain}`) : null,
    accountsPhone: accounts ? faker.phone.number({ style: 'national' }) : null,
    billingCostCenter: null,
    costCenter: null,
    priceColumn: type === 'Supplier' ? null : individual ? 'Retail' : faker.helpers.arrayElement(['Wholesale', 'Distributor', 'Retail']),
    percentageOff: type === 'Customer' && faker.datatype.boolean(0.3) ? faker.helpers.arrayElement([2.5, 5, 10, 15]) : null,
    paymentTerms: faker.helpers.arrayElement(PAYMENT_TERMS),
    taxStatus: faker.datatype.boolean(0.1) ? 'Exempt' : null,
    taxNumber: !individual && faker.datatype.boolean(0.5) ? faker.string.numeric(9) : null,
    creditLimit: individual ? 0 : faker.number.int({ min: 0, max: 40 }) * 500,
    balanceOwing: faker.datatype.boolean(0.4) ? faker.number.float({ min: 10, max: 8000, fractionDigits: 2 }) : 0,
    onHold: faker.datatype.boolean(0.08) ? true : null,
    group: type === 'Supplier' ? 'Suppliers' : faker.helpers.arrayElement(GROUPS),
    subGroup: null,
    stages: type === 'Customer' ? faker.helpers.arrayElement(CRM_STAGES) : null,
    accountingIntegrationId: {
      xero: faker.datatype.boolean(0.6) ? faker.string.uuid() : null,
      quickBooksOnline: null,
      quickBooksDesktop: null,
    },
  };
}

function secondary(faker: Faker, company: string | null, domain: string, emails: Set<string>): SecondaryContactRow {
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  return {
    id: 0,
    company: faker.datatype.boolean(0.2) ? company?.slice(0, 150) ?? null : null,
    firstName,
    lastName,
    jobTitle: faker.helpers.arrayElement(['Accountant', 'Buyer', 'Store Manager', 'Purchasing Officer', 'Owner', null]),
    email: unique(emails, `${slug(firstName).slice(0, 10)}.${slug(lastName).slice(0, 10)}@${domain}`), // ≤ 50
    mobile: faker.datatype.boolean(0.5) ? faker.phone.number({ style: 'national' }) : null,
    phone: faker.datatype.boolean(0.5) ? faker.phone.number({ style: 'national' }) : null,
  };
}

/** A few customers are branches billed to a parent ("Bill to parent company", vendor notes §4 Account). */
function linkBranches(faker: Faker, companies: ContactRow[]): void {
  const branches = Math.min(3, Math.floor(companies.length / 8));
  for (let b = 0; b < branches; b += 1) {
    const parent = companies[b];
    const child = companies[companies.length - 1 - b];
    if (!parent || !child || parent === child) continue;
    child.billingId = parent.id;
    child.billingCompany = (parent.company ?? '').slice(0, 50);
    child.salesPersonId = parent.salesPersonId;
    child.notes = faker.helpers.arrayElement(['Branch account', 'Billed to head office']);
  }
}

function seedQuotes(store: Cin7Store, faker: Faker, count: number, customers: ContactRow[], salesPeople: number[], account: AccountSettings): void {
  if (customers.length === 0) return;
  const drafts: Array<{ row: ReturnType<typeof blankQuote>; created: number }> = [];
  for (let i = 0; i < count; i += 1) {
    const member = faker.helpers.arrayElement(customers);
    const [stage, probability] = faker.helpers.arrayElement(QUOTE_STAGES);
    const memberCreated = Date.parse(member.createdDate);
    const created = Math.min(TO, memberCreated + faker.number.int({ min: 1, max: 300 }) * DAY + faker.number.int({ min: 0, max: DAY - 1 }));
    const currency = faker.datatype.boolean(0.7) ? account.currency : faker.helpers.arrayElement(['AUD', 'USD', 'GBP']);
    const salesPersonId = member.salesPersonId || (salesPeople.length > 0 ? faker.helpers.arrayElement(salesPeople) : 0);
    const row = blankQuote();
    Object.assign(row, {
      createdBy: salesPersonId,
      processedBy: salesPersonId,
      isApproved: !(stage === 'New' && faker.datatype.boolean(0.5)),
      memberId: member.id,
      memberEmail: member.email,
      firstName: member.firstName,
      lastName: member.lastName,
      company: member.company,
      email: member.email,
      phone: member.phone,
      mobile: member.mobile,
      deliveryFirstName: member.firstName,
      deliveryLastName: member.lastName,
      deliveryCompany: member.company,
      deliveryAddress1: member.address1,
      deliveryCity: member.city,
      deliveryState: member.state,
      deliveryPostalCode: member.postCode,
      deliveryCountry: member.country,
      billingCompany: member.company,
      billingAddress1: member.postalAddress1,
      billingCity: member.postalCity,
      billingPostalCode: member.postalPostCode,
      billingState: member.postalState,
      billingCountry: member.postalCountry,
      branchId: 1,
      currencyCode: currency,
      taxStatus: 'Excl',
      taxRate: 15,
      freightTotal: faker.helpers.arrayElement([0, 0, 15, 25, 49.5]),
      probability,
      stage,
      expectedOrderDate: wireDate(created + faker.number.int({ min: 7, max: 90 }) * DAY),
      acceptanceDate: stage === 'Processing' || stage === 'Dispatched' ? wireDate(created + faker.number.int({ min: 1, max: 20 }) * DAY) : null,
      salesPersonId,
      paymentTerms: member.paymentTerms,
      customerOrderNo: faker.datatype.boolean(0.3) ? `PO-${faker.string.numeric(5)}` : null,
      isVoid: stage === 'Declined' && faker.datatype.boolean(0.5),
      createdDate: wireDate(created),
      modifiedDate: wireDate(Math.min(TO, created + faker.number.int({ min: 0, max: 30 }) * DAY)),
    });
    row.lineItems = Array.from({ length: faker.number.int({ min: 1, max: 3 }) }, (_, n) => line(faker, n));
    drafts.push({ row, created });
  }
  drafts.sort((a, b) => a.created - b.created);
  for (const { row } of drafts) {
    row.id = store.nextQuoteId();
    row.reference = store.nextQuoteReference();
    for (const l of row.lineItems) {
      l.id = store.nextLineId();
      l['transactionId'] = row.id;
      l['createdDate'] = row['createdDate'];
    }
    deriveQuote(row, account);
    store.quotes.set(row.id, row);
  }
}

function line(faker: Faker, n: number): QuoteLineRow {
  return {
    id: 0,
    createdDate: null,
    transactionId: 0,
    parentId: 0,
    productId: faker.number.int({ min: 100, max: 999 }),
    productOptionId: faker.number.int({ min: 1000, max: 9999 }),
    integrationRef: null,
    sort: n + 1,
    code: `SKU-${faker.string.alphanumeric({ length: 6, casing: 'upper' })}`,
    name: faker.commerce.productName(),
    option1: null,
    option2: null,
    option3: null,
    qty: faker.number.int({ min: 1, max: 20 }),
    styleCode: null,
    barcode: null,
    sizeCodes: null,
    lineComments: null,
    unitCost: null,
    unitPrice: faker.number.float({ min: 5, max: 500, fractionDigits: 2 }),
    discount: 0,
    qtyShipped: 0,
    holdingQty: 0,
  };
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function unique(taken: Set<string>, email: string): string {
  let candidate = email;
  for (let n = 2; taken.has(candidate); n += 1) candidate = email.replace('@', `${n}@`);
  taken.add(candidate);
  return candidate;
}
