import type { AccountRecord, ContactRecord, OpportunityRecord } from '../../core/records';
import { fromSuperOfficeDate, fromSuperOfficeDateTime } from './dates';
import { toStageId } from './ids';
import { STATUS_BY_CODE, ref, userRecord } from './map';
import { decimal } from './money';
import type { ArchiveRow } from './rows';
import { versionOf } from './version';

/*
 * Pure mappers archive row → unified record, for the columns in columns.ts. They give the same
 * record the entity mappers give, except what an archive row cannot carry: multi-valued columns
 * show the first value (one e-mail), and phones are the direct and mobile numbers.
 */

function distinct(values: Array<string | null>): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}

/** A Person row → Contact (`GET /Person`). */
export function fromSuperOfficePersonRow(source: string, row: ArchiveRow): ContactRecord {
  const accountId = ref(row.id('contactId'));
  const jobTitle = row.text('title');
  const parts = [row.text('firstName'), row.text('middleName'), row.text('lastName')].filter(Boolean).join(' ');
  return {
    entity: 'CONTACT',
    source,
    remoteId: row.key,
    firstName: row.text('firstName'),
    middleName: row.text('middleName'),
    lastName: row.text('lastName'),
    name: row.text('fullName') ?? (parts || null),
    title: row.text('mrMrs'),
    jobTitle,
    emails: distinct([row.text('email/emailAddress')]),
    phones: distinct([row.text('personDirectPhone/formattedNumber'), row.text('personMobilePhone/formattedNumber')]),
    primaryAccountId: accountId,
    accounts: accountId ? [{ source, accountId, isPrimary: true, jobTitle }] : [],
    ownerId: ref(row.id('personAssociateId')) ?? ref(row.id('personContact/associateId')),
    createdAt: fromSuperOfficeDateTime(row.raw('personRegisteredDate')),
    updatedAt: fromSuperOfficeDateTime(row.raw('personUpdatedDate')),
    version: versionOf(row.raw('personUpdatedDate'), row.raw('personRegisteredDate')),
    remoteData: row.wire,
  };
}

function addressFrom(
  row: ArchiveRow,
  prefix: 'postAddress' | 'streetAddress',
  country: string | null,
): AccountRecord['address'] {
  const street = [row.text(`${prefix}/line1`), row.text(`${prefix}/line2`), row.text(`${prefix}/line3`)]
    .filter(Boolean)
    .join('\n');
  const city = row.text(`${prefix}/city`);
  const state = row.text(`${prefix}/state`);
  const postalCode = row.text(`${prefix}/zip`);
  return street || city || state || postalCode ? { street: street || null, city, state, postalCode, country } : null;
}

/** A SimpleContact row → Account (`GET /Contact`); the postal address, else the street address. */
export function fromSuperOfficeContactRow(source: string, row: ArchiveRow): AccountRecord {
  const country = row.display('country');
  return {
    entity: 'ACCOUNT',
    source,
    remoteId: row.key,
    name: row.text('name') ?? '',
    emails: distinct([row.text('email/emailAddress')]),
    phones: distinct([row.text('phone/formattedNumber')]),
    website: row.text('url/URLAddress'),
    address: addressFrom(row, 'postAddress', country) ?? addressFrom(row, 'streetAddress', country),
    ownerId: ref(row.id('associateId')),
    createdAt: fromSuperOfficeDateTime(row.raw('registeredDate')),
    updatedAt: fromSuperOfficeDateTime(row.raw('updatedDate')),
    version: versionOf(row.raw('updatedDate'), row.raw('registeredDate')),
    remoteData: row.wire,
  };
}

/**
 * A FindSale row → Opportunity (`GET /Sale`). List columns carry their ids in the raw value
 * (currency, saleType, stage = Rating, saleStatus = DB code 1–4); the base amount is the
 * vendor's own `amountInBaseCurrency`. The stage record itself is looked up by `stageId`.
 */
export function fromSuperOfficeSaleRow(source: string, row: ArchiveRow): OpportunityRecord {
  const typeId = row.id('saleType');
  const ratingId = row.id('stage');
  const amount = row.number('amount');
  const code = row.display('currency');
  const base = row.number('amountInBaseCurrency');
  const personId = ref(row.id('personId'));
  const status = row.id('saleStatus');
  return {
    entity: 'OPPORTUNITY',
    source,
    remoteId: row.key,
    name: row.text('heading') ?? '',
    status: status !== null ? (STATUS_BY_CODE[status] ?? null) : null,
    value:
      amount !== null && code
        ? {
            source,
            amount: decimal(amount),
            currencyCode: code.trim().toUpperCase(),
            currencyId: ref(row.id('currency')),
            baseAmount: base === null ? null : decimal(base),
          }
        : null,
    closingDate: fromSuperOfficeDate(row.raw('date')),
    probability: row.number('probPercent'),
    pipelineId: ref(typeId),
    stage: null,
    stageId: typeId && ratingId ? toStageId(typeId, ratingId) : null,
    accountId: ref(row.id('contactId')),
    contactIds: personId ? [personId] : [],
    primaryContactId: personId,
    ownerId: ref(row.id('associateId')),
    createdAt: fromSuperOfficeDateTime(row.raw('registeredDate')),
    updatedAt: fromSuperOfficeDateTime(row.raw('updatedDate')),
    version: versionOf(row.raw('updatedDate'), row.raw('registeredDate')),
    remoteData: row.wire,
  };
}

/** An AllUsers row → User (`GET /User`); `PrimaryKey` is the associate id. */
export function fromSuperOfficeUserRow(source: string, row: ArchiveRow) {
  return userRecord(
    source,
    row.key,
    row.text('fullName') ?? row.display('assocName'),
    row.text('personEmail'),
    row.wire,
  );
}
