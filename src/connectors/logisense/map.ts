import type { AccountRecord, ContactRecord, CurrencyRecord } from '../../core/records';
import type { LogiSenseAccount, LogiSenseContact, LogiSenseContactPoint, LogiSenseCurrency } from './wire';
import { blank } from '../kit/blank';
import { accountVersion, contactVersion } from './versions';

/*
 * Pure mappers LogiSense v6 wire → unified records. Missing values stay null (never ''); lists
 * the vendor cannot fill (an account's e-mails) are empty.
 */

/** Vendor date text (`2022-07-22T11:31:26.6Z`, notes §2) → `2022-07-22T11:31:26.600Z`; null when absent. */
export function fromLogiSenseDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Values of the contact points whose type is `kind` (type names are email, phone, text, address; notes §2.2). */
export function pointValues(points: readonly LogiSenseContactPoint[], kind: 'email' | 'phone'): string[] {
  return points.flatMap((p) => {
    const value = blank(p.value);
    return value && p.contactPointTypeName?.trim().toLowerCase() === kind ? [value] : [];
  });
}

/**
 * A v6 Account (notes §2.1). It has no e-mail, phone, website or address of its own (those
 * live on its contacts) and `ownerId` is the billing tenant, not a user, so those stay empty.
 * `remoteData` is the account without its Detail children, the same whichever route it came by.
 */
export function fromLogiSenseAccount(source: string, wire: LogiSenseAccount): AccountRecord {
  const own: Record<string, unknown> = { ...wire };
  delete own['details'];
  return {
    entity: 'ACCOUNT',
    source,
    remoteId: String(wire.identity),
    name: wire.name,
    emails: [],
    phones: [],
    website: null,
    address: null,
    ownerId: null,
    createdAt: fromLogiSenseDate(wire.created),
    updatedAt: fromLogiSenseDate(wire.lastUpdate),
    version: accountVersion(wire),
    remoteData: own,
  };
}

/**
 * A v6 Contact (seed 004) with the accounts it was found under: the first one is primary. v6
 * contacts carry no account key, name, job title or dates; `title` is the salutation ("Mr.").
 * E-mails and phones come from the Detail's contact points.
 */
export function fromLogiSenseContact(
  source: string,
  wire: LogiSenseContact,
  accountIds: readonly string[],
): ContactRecord {
  const firstName = blank(wire.firstName);
  const lastName = blank(wire.lastName);
  const points = wire.details?.contactPoints ?? [];
  return {
    entity: 'CONTACT',
    source,
    remoteId: String(wire.identity),
    firstName,
    middleName: null,
    lastName,
    // v2 had a read-only `name` = first + last; v6 dropped it (notes §2.2), so it is rebuilt here.
    name: [firstName, lastName].filter(Boolean).join(' ') || null,
    title: blank(wire.title),
    jobTitle: null,
    emails: pointValues(points, 'email'),
    phones: pointValues(points, 'phone'),
    primaryAccountId: accountIds[0] ?? null,
    accounts: accountIds.map((accountId, i) => ({ source, accountId, isPrimary: i === 0, jobTitle: null })),
    ownerId: null,
    createdAt: null,
    updatedAt: null,
    // A digest: made only when a client selects it.
    get version() {
      return contactVersion(wire);
    },
    remoteData: wire,
  };
}

/** Currency (notes §2.3): `isDefault` is the owner's base currency; no exchange-rate entity is known. */
export function fromLogiSenseCurrency(source: string, wire: LogiSenseCurrency): CurrencyRecord {
  return {
    entity: 'CURRENCY',
    source,
    remoteId: String(wire.identity),
    code: wire.code,
    name: blank(wire.name),
    symbol: blank(wire.symbol),
    isBase: wire.isDefault === true,
    // Rates exist in the product (Currency Exchange) but no API entity for them is known (notes §2.3).
    exchangeRate: null,
    createdAt: null,
    updatedAt: null,
    remoteData: wire,
  };
}

/** Display name used by the `name` filter: as the record's `name`. */
export function displayName(wire: LogiSenseContact): string {
  return [blank(wire.firstName), blank(wire.lastName)].filter(Boolean).join(' ');
}
