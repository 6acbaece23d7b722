import { formatVendorDate } from './dates';
import type {
  AccountRow,
  AccountStatusTypeRow,
  AccountTypeRow,
  AddressRow,
  BillGroupRow,
  ContactPointRow,
  ContactPointTypeRow,
  ContactRow,
  ContactTypeRow,
  CountryRow,
  CurrencyRow,
  LogiSenseStore,
  StateRow,
} from './store';
import type { LogiSenseSwitches } from './switches';

/**
 * Store rows → vendor wire objects. Field names and order follow the v6 pages (seed 004 for
 * Contact and its Detail children, vendor notes §2 for the rest); every `xxxId` is followed by
 * its `xxxName`, unset values are `null` as a .NET serializer writes them, dates are vendor text.
 */
type Dto = Record<string, unknown>;

const date = (ms: number | null): string | null => (ms === null ? null : formatVendorDate(ms));

export function accountDto(store: LogiSenseStore, a: AccountRow): Dto {
  return {
    identity: a.identity,
    currencyId: a.currencyId,
    currencyName: store.currencies.get(a.currencyId)?.name ?? null,
    ownerId: store.owner.identity,
    ownerName: store.owner.name,
    name: a.name,
    created: date(a.created),
    accountStatusTypeId: a.accountStatusTypeId,
    accountStatusTypeName: store.accountStatusTypes.get(a.accountStatusTypeId)?.name ?? null,
    billGroupId: a.billGroupId,
    billGroupName: store.billGroups.get(a.billGroupId)?.name ?? null,
    actingOwnerId: store.owner.identity,
    actingOwnerName: store.owner.name,
    lastUpdate: date(a.lastUpdate),
    effectiveCancel: date(a.effectiveCancel),
    accountTypeId: a.accountTypeId,
    accountTypeName: store.accountTypes.get(a.accountTypeId)?.name ?? null,
  };
}

/**
 * Deep detail: the account's contacts under the contact child key, each with its own detail.
 * Inferred from the Detail convention (a Detail embeds the children PATCH manages, seed 004);
 * empty collections are left out ("depends on which related objects have been populated").
 */
export function accountDetailDto(store: LogiSenseStore, a: AccountRow, switches: LogiSenseSwitches): Dto {
  const contacts = store.contactsOf(a).map((c) => contactDetailDto(store, c));
  return { ...accountDto(store, a), details: contacts.length > 0 ? { [switches.accountContactsKey]: contacts } : {} };
}

export function contactDto(store: LogiSenseStore, c: ContactRow): Dto {
  return {
    identity: c.identity,
    contactTypeId: c.contactTypeId,
    contactTypeName: store.contactTypes.get(c.contactTypeId)?.name ?? null,
    title: c.title,
    firstName: c.firstName,
    lastName: c.lastName,
    isUsedForTax: c.isUsedForTax,
  };
}

/** `details.contactPoints` (array) and `details.address` (object), as in seed 004's Detail samples. */
export function contactDetailDto(store: LogiSenseStore, c: ContactRow): Dto {
  const details: Dto = {};
  const points = store.pointsOf(c.identity);
  if (points.length > 0) details['contactPoints'] = points.map((p) => contactPointDto(store, p));
  const address = c.addressId === null ? undefined : store.addresses.get(c.addressId);
  if (address) details['address'] = addressDto(store, address);
  return { ...contactDto(store, c), details };
}

/** As in seed 004: `contactId` without a `contactName`. */
export function contactPointDto(store: LogiSenseStore, p: ContactPointRow): Dto {
  return {
    identity: p.identity,
    contactPointTypeId: p.contactPointTypeId,
    contactPointTypeName: store.contactPointTypes.get(p.contactPointTypeId)?.name ?? null,
    value: p.value,
    contactId: p.contactId,
  };
}

export function addressDto(store: LogiSenseStore, a: AddressRow): Dto {
  const state = a.stateId === null ? undefined : store.states.get(a.stateId);
  const country = store.countries.get(a.countryId);
  return {
    identity: a.identity,
    address1: a.address1,
    address2: a.address2,
    stateId: a.stateId,
    stateName: state?.name ?? null,
    countryId: a.countryId,
    countryName: country?.name ?? null,
    zipCode: a.zipCode,
    latitude: a.latitude,
    longitude: a.longitude,
    cityName: a.cityName,
    taxJurisdictionCodeUpdated: date(a.taxJurisdictionCodeUpdated),
    isIncorporated: a.isIncorporated,
    stateCode: state?.code ?? null,
    countryCode: country?.code ?? null,
  };
}

export function currencyDto(store: LogiSenseStore, c: CurrencyRow): Dto {
  return {
    identity: c.identity,
    name: c.name,
    code: c.code,
    ownerId: store.owner.identity,
    ownerName: store.owner.name,
    symbol: c.symbol,
    isDefault: c.isDefault,
  };
}

export function contactTypeDto(store: LogiSenseStore, t: ContactTypeRow): Dto {
  return {
    identity: t.identity,
    name: t.name,
    ownerId: store.owner.identity,
    ownerName: store.owner.name,
    isRequired: t.isRequired,
    contactTypeTypeId: t.contactTypeTypeId,
    contactTypeTypeName: store.contactTypeTypes.get(t.contactTypeTypeId)?.name ?? null,
    description: t.description,
    sendEmail: t.sendEmail,
    showOnOverview: t.showOnOverview,
    showOnNewAccount: t.showOnNewAccount,
  };
}

export function contactPointTypeDto(store: LogiSenseStore, t: ContactPointTypeRow): Dto {
  return {
    identity: t.identity,
    name: t.name,
    dataTypeId: t.dataTypeId,
    dataTypeName: store.dataTypes.get(t.dataTypeId)?.name ?? null,
    isRequired: t.isRequired,
    contactTypeId: t.contactTypeId,
    contactTypeName: store.contactTypes.get(t.contactTypeId)?.name ?? null,
    allowMultiple: t.allowMultiple,
    isCore: t.isCore,
  };
}

export function accountStatusTypeDto(store: LogiSenseStore, t: AccountStatusTypeRow): Dto {
  return {
    identity: t.identity,
    name: t.name,
    accountStatusTypeTypeId: t.accountStatusTypeTypeId,
    accountStatusTypeTypeName: store.accountStatusTypeTypes.get(t.accountStatusTypeTypeId)?.name ?? null,
    isDefault: t.isDefault,
  };
}

export function accountTypeDto(_store: LogiSenseStore, t: AccountTypeRow): Dto {
  return { identity: t.identity, name: t.name, isDefault: t.isDefault };
}

export function billGroupDto(_store: LogiSenseStore, b: BillGroupRow): Dto {
  return { identity: b.identity, name: b.name, isDefault: b.isDefault };
}

export function countryDto(_store: LogiSenseStore, c: CountryRow): Dto {
  return {
    identity: c.identity,
    name: c.name,
    code: c.code,
    isStateRequired: c.isStateRequired,
    isCityRequired: c.isCityRequired,
    isZipCodeRequired: c.isZipCodeRequired,
  };
}

export function stateDto(store: LogiSenseStore, s: StateRow): Dto {
  return {
    identity: s.identity,
    name: s.name,
    code: s.code,
    countryId: s.countryId,
    countryName: store.countries.get(s.countryId)?.name ?? null,
  };
}
