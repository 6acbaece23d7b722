import type { EntitySpec } from './validation';

/*
 * Writable and read-only fields per entity, from the v6 field lists (seed 004 for Contact and its
 * Detail children; vendor notes §2.1 for Account, §2.2 for ContactPoint). Every `xxxId` has a
 * read-only `xxxName`; `identity`, owner fields and `created` are read-only (notes §2, §8).
 * Which fields are required is not documented; the choices are in the README.
 */

export const ACCOUNT_SPEC: EntitySpec = {
  identity: { kind: 'id', readOnly: true },
  currencyId: { kind: 'id' },
  currencyName: { kind: 'string', readOnly: true },
  ownerId: { kind: 'id', readOnly: true },
  ownerName: { kind: 'string', readOnly: true },
  name: { kind: 'string', required: true },
  created: { kind: 'date', readOnly: true },
  accountStatusTypeId: { kind: 'id' },
  accountStatusTypeName: { kind: 'string', readOnly: true },
  billGroupId: { kind: 'id' },
  billGroupName: { kind: 'string', readOnly: true },
  actingOwnerId: { kind: 'id', readOnly: true },
  actingOwnerName: { kind: 'string', readOnly: true },
  // Server-maintained here: v8 made its successor `updated` read-only (notes §7).
  lastUpdate: { kind: 'date', readOnly: true },
  effectiveCancel: { kind: 'date', nullable: true },
  // In the truncated part of the v6 page; name inferred (notes §2.1).
  accountTypeId: { kind: 'id' },
  accountTypeName: { kind: 'string', readOnly: true },
};

export const CONTACT_SPEC: EntitySpec = {
  identity: { kind: 'id', readOnly: true },
  contactTypeId: { kind: 'id', required: true },
  contactTypeName: { kind: 'string', readOnly: true },
  title: { kind: 'string', nullable: true },
  firstName: { kind: 'string', nullable: true },
  lastName: { kind: 'string', nullable: true },
  isUsedForTax: { kind: 'boolean' },
};

export const CONTACT_POINT_SPEC: EntitySpec = {
  identity: { kind: 'id', readOnly: true },
  contactPointTypeId: { kind: 'id', required: true },
  contactPointTypeName: { kind: 'string', readOnly: true },
  value: { kind: 'string', required: true },
  contactId: { kind: 'id' },
};

export const ADDRESS_SPEC: EntitySpec = {
  identity: { kind: 'id', readOnly: true },
  address1: { kind: 'string', nullable: true },
  address2: { kind: 'string', nullable: true },
  stateId: { kind: 'id', nullable: true },
  stateName: { kind: 'string', readOnly: true },
  countryId: { kind: 'id', required: true },
  countryName: { kind: 'string', readOnly: true },
  zipCode: { kind: 'string', nullable: true },
  latitude: { kind: 'number', nullable: true },
  longitude: { kind: 'number', nullable: true },
  cityName: { kind: 'string', nullable: true },
  taxJurisdictionCodeUpdated: { kind: 'date', readOnly: true },
  isIncorporated: { kind: 'boolean' },
  stateCode: { kind: 'string', readOnly: true },
  countryCode: { kind: 'string', readOnly: true },
};
