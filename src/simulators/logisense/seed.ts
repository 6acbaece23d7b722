import { SeededRandom } from '../kit';
import type { AddressRow, LogiSenseStore } from './store';
import {
  CITIES,
  COMPANY_KINDS,
  COMPANY_SUFFIXES,
  COMPANY_WORDS,
  FIRST_NAMES,
  LAST_NAMES,
  STREET_NAMES,
  TITLES,
} from './vocabulary';

export interface SeedOptions {
  /** Same seed, same data: every run, every machine. */
  seed: number;
  accounts: number;
  /** Average contacts per account; each account gets between 1 and 2n-1 (none when 0). */
  contactsPerAccount: number;
}

export const DEFAULT_SEED: SeedOptions = { seed: 6, accounts: 25, contactsPerAccount: 3 };

/** Seed data never depends on the wall clock: dates fall in a fixed window. */
const SEED_EPOCH = Date.UTC(2021, 0, 4, 9, 0, 0);
const DAY = 86_400_000;

/**
 * Fills an empty store: the lookup tables the notes call for (vendor notes §8 "Seed lookup
 * tables"), then `accounts` accounts with contacts, e-mail and phone contact points and addresses.
 */
export function seedStore(store: LogiSenseStore, options: SeedOptions): void {
  seedLookups(store);
  const rng = new SeededRandom(options.seed);
  const usedNames = new Set<string>();
  const usedEmails = new Set<string>();
  for (let i = 0; i < options.accounts; i += 1) {
    seedAccount(store, rng, options.contactsPerAccount, usedNames, usedEmails);
  }
}

function seedLookups(store: LogiSenseStore): void {
  const put = <T extends { identity: number }>(map: Map<number, T>, rows: T[]) => {
    for (const row of rows) map.set(row.identity, row);
  };
  // Exactly one isDefault currency: the owner's base currency (vendor notes §2.3).
  put(store.currencies, [
    { identity: 1, name: 'US Dollars', code: 'USD', symbol: '$', isDefault: true },
    { identity: 2, name: 'Euros', code: 'EUR', symbol: '€', isDefault: false },
    { identity: 3, name: 'British Pounds', code: 'GBP', symbol: '£', isDefault: false },
    { identity: 4, name: 'Canadian Dollars', code: 'CAD', symbol: '$', isDefault: false },
  ]);
  // Billing and Service back-end types are used once each; Other is reusable (notes §2.2).
  put(store.contactTypeTypes, [
    { identity: 1, name: 'Billing' },
    { identity: 2, name: 'Service' },
    { identity: 3, name: 'Other' },
  ]);
  const contactType = (identity: number, name: string, contactTypeTypeId: number) => ({
    identity,
    name,
    contactTypeTypeId,
    description: `${name} contact`,
    isRequired: false,
    sendEmail: false,
    showOnOverview: contactTypeTypeId !== 3,
    showOnNewAccount: contactTypeTypeId === 1,
  });
  put(store.contactTypes, [
    contactType(1, 'Billing', 1),
    contactType(2, 'Service', 2),
    contactType(3, 'Shipping', 3),
    contactType(4, 'Technical', 3),
  ]);
  put(store.dataTypes, [
    { identity: 1, name: 'Email' },
    { identity: 2, name: 'Phone' },
    { identity: 3, name: 'Text' },
    { identity: 4, name: 'Address' },
  ]);
  // Contact point types are configured per contact type (notes §2.2): four per type, so the
  // Billing e-mail and the Technical e-mail have different ids.
  const kinds = [
    { name: 'email', dataTypeId: 1, allowMultiple: true },
    { name: 'phone', dataTypeId: 2, allowMultiple: true },
    { name: 'text', dataTypeId: 3, allowMultiple: false },
    { name: 'address', dataTypeId: 4, allowMultiple: false },
  ] as const;
  for (const ct of store.contactTypes.values()) {
    kinds.forEach((kind, k) => {
      const identity = (ct.identity - 1) * kinds.length + k + 1;
      store.contactPointTypes.set(identity, {
        identity,
        name: kind.name,
        dataTypeId: kind.dataTypeId,
        // Billing contacts need an e-mail for invoicing (notes §2.2).
        isRequired: kind.name === 'email' && ct.contactTypeTypeId === 1,
        contactTypeId: ct.identity,
        allowMultiple: kind.allowMultiple,
        isCore: true,
      });
    });
  }
  put(store.accountStatusTypeTypes, [
    { identity: 1, name: 'Billable' },
    { identity: 2, name: 'Non-Billable' },
    { identity: 3, name: 'Canceled' },
  ]);
  put(store.accountStatusTypes, [
    { identity: 1, name: 'Active', accountStatusTypeTypeId: 1, isDefault: true },
    { identity: 2, name: 'PreActive', accountStatusTypeTypeId: 2, isDefault: false },
    { identity: 3, name: 'Suspended', accountStatusTypeTypeId: 2, isDefault: false },
    { identity: 4, name: 'Canceled', accountStatusTypeTypeId: 3, isDefault: false },
  ]);
  put(store.accountTypes, [
    { identity: 1, name: 'Business', isDefault: true },
    { identity: 2, name: 'Residential', isDefault: false },
    { identity: 3, name: 'Wholesale', isDefault: false },
  ]);
  put(store.billGroups, [
    { identity: 1, name: 'Monthly - 1st', isDefault: true },
    { identity: 2, name: 'Monthly - 15th', isDefault: false },
  ]);
  // Address-format flags drive address validation (notes §2.2 Address).
  put(store.countries, [
    { identity: 1, name: 'United States', code: 'US', isStateRequired: true, isCityRequired: true, isZipCodeRequired: true },
    { identity: 2, name: 'Canada', code: 'CA', isStateRequired: true, isCityRequired: true, isZipCodeRequired: true },
    { identity: 3, name: 'United Kingdom', code: 'GB', isStateRequired: false, isCityRequired: true, isZipCodeRequired: true },
    { identity: 4, name: 'Germany', code: 'DE', isStateRequired: false, isCityRequired: true, isZipCodeRequired: true },
  ]);
  put(store.states, [
    { identity: 1, name: 'California', code: 'CA', countryId: 1 },
    { identity: 2, name: 'New York', code: 'NY', countryId: 1 },
    { identity: 3, name: 'Texas', code: 'TX', countryId: 1 },
    { identity: 4, name: 'Washington', code: 'WA', countryId: 1 },
    { identity: 5, name: 'Ontario', code: 'ON', countryId: 2 },
    { identity: 6, name: 'British Columbia', code: 'BC', countryId: 2 },
  ]);
}

/** Country of an account's addresses, matched to its currency so the data reads plausibly. */
const COUNTRY_BY_CURRENCY: Record<number, number> = { 1: 1, 2: 4, 3: 3, 4: 2 };

function seedAccount(
  store: LogiSenseStore,
  rng: SeededRandom,
  contactsPerAccount: number,
  usedNames: Set<string>,
  usedEmails: Set<string>,
): void {
  const word = rng.pick(COMPANY_WORDS);
  const kind = rng.pick(COMPANY_KINDS);
  let name = `${word} ${kind} ${rng.pick(COMPANY_SUFFIXES)}`;
  for (let n = 2; usedNames.has(name); n += 1) name = `${word} ${kind} ${n}`;
  usedNames.add(name);
  const domain = `${slug(word)}${slug(kind)}.example`;
  const currencyId = rng.chance(0.75) ? 1 : rng.int(2, 4);
  const status = rng.next();
  const accountStatusTypeId = status < 0.8 ? 1 : status < 0.88 ? 2 : status < 0.95 ? 3 : 4;
  const created = SEED_EPOCH + rng.int(0, 700) * DAY + rng.int(0, DAY - 1);
  const lastUpdate = created + rng.int(0, 200) * DAY + rng.int(0, DAY - 1);
  const identity = store.nextId('account');
  store.accounts.set(identity, {
    identity,
    name,
    currencyId,
    accountStatusTypeId,
    accountTypeId: rng.chance(0.7) ? 1 : rng.int(2, 3),
    billGroupId: rng.chance(0.8) ? 1 : 2,
    created,
    lastUpdate,
    effectiveCancel: accountStatusTypeId === 4 ? lastUpdate : null,
    contactIds: [],
  });
  const account = store.accounts.get(identity);
  if (!account || contactsPerAccount <= 0) return;
  const count = rng.int(1, 2 * contactsPerAccount - 1);
  const countryId = COUNTRY_BY_CURRENCY[currencyId] ?? 1;
  for (let i = 0; i < count; i += 1) {
    // First contact Billing, second Service: each at most once per account (notes §2.2).
    const contactTypeId = i === 0 ? 1 : i === 1 ? 2 : rng.pick([3, 4]);
    const contactId = seedContact(store, rng, contactTypeId, domain, countryId, usedEmails);
    account.contactIds.push(contactId);
  }
}

function seedContact(
  store: LogiSenseStore,
  rng: SeededRandom,
  contactTypeId: number,
  domain: string,
  countryId: number,
  usedEmails: Set<string>,
): number {
  const firstName = rng.pick(FIRST_NAMES);
  const lastName = rng.pick(LAST_NAMES);
  const isBilling = contactTypeId === 1;
  const address = isBilling || rng.chance(0.5) ? seedAddress(store, rng, countryId) : null;
  const identity = store.nextId('contact');
  store.contacts.set(identity, {
    identity,
    contactTypeId,
    title: rng.chance(0.6) ? rng.pick(TITLES) : null,
    firstName,
    lastName,
    isUsedForTax: isBilling && address !== null,
    addressId: address?.identity ?? null,
  });
  const typeId = (name: string) =>
    [...store.contactPointTypes.values()].find((t) => t.contactTypeId === contactTypeId && t.name === name)?.identity ?? 0;
  const emails = isBilling ? 1 : rng.chance(0.85) ? (rng.chance(0.2) ? 2 : 1) : 0;
  for (let e = 0; e < emails; e += 1) {
    const local = `${slug(firstName)}.${slug(lastName)}${e === 0 ? '' : '.alt'}`;
    let value = `${local}@${domain}`;
    for (let n = 2; usedEmails.has(value); n += 1) value = `${local}${n}@${domain}`;
    usedEmails.add(value);
    store.addContactPoint({ identity: store.nextId('contactPoint'), contactId: identity, contactPointTypeId: typeId('email'), value });
  }
  const phones = rng.int(0, 2);
  for (let p = 0; p < phones; p += 1) {
    const value = `+1-${rng.int(201, 989)}-555-01${rng.digits(2)}`;
    store.addContactPoint({ identity: store.nextId('contactPoint'), contactId: identity, contactPointTypeId: typeId('phone'), value });
  }
  return identity;
}

function seedAddress(store: LogiSenseStore, rng: SeededRandom, countryId: number): AddressRow {
  const states = [...store.states.values()].filter((s) => s.countryId === countryId);
  const zip =
    countryId === 2
      ? `K${rng.int(1, 9)}A ${rng.int(1, 9)}B${rng.int(1, 9)}`
      : countryId === 3
        ? `SW${rng.int(1, 9)}A ${rng.int(1, 9)}AA`
        : rng.digits(5);
  const row: AddressRow = {
    identity: store.nextId('address'),
    address1: `${rng.int(1, 9999)} ${rng.pick(STREET_NAMES)}`,
    address2: rng.chance(0.3) ? `Suite ${rng.int(100, 999)}` : null,
    cityName: rng.pick(CITIES),
    stateId: states.length > 0 ? rng.pick(states).identity : null,
    countryId,
    zipCode: zip,
    latitude: rng.chance(0.5) ? Math.round(rng.next() * 9000) / 100 : null,
    longitude: rng.chance(0.5) ? -Math.round(rng.next() * 18000) / 100 : null,
    taxJurisdictionCodeUpdated: rng.chance(0.4) ? SEED_EPOCH + rng.int(0, 900) * DAY + rng.int(0, 999) : null,
    isIncorporated: rng.chance(0.7),
  };
  store.addresses.set(row.identity, row);
  return row;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}
