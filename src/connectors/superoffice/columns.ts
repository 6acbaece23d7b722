/*
 * The archive columns each unified record is read from (vendor notes §3 "Key column names").
 * Always selected explicitly: the columns answered without `$select` are provider-defined and
 * undocumented (open question 9). Read with `$mode=full`, whose `RawValue` carries the ids of
 * list and associate columns (their display value is a name or the initials).
 */

/** `GET /Person` (archive "Person") → Contact. `email/emailAddress` shows the first address only. */
export const PERSON_COLUMNS = [
  'personId',
  'firstName',
  'middleName',
  'lastName',
  'fullName',
  'mrMrs',
  'title',
  'contactId',
  'email/emailAddress',
  'personDirectPhone/formattedNumber',
  'personMobilePhone/formattedNumber',
  'personAssociateId',
  'personContact/associateId',
  'personRegisteredDate',
  'personUpdatedDate',
] as const;

const POSTAL = ['line1', 'line2', 'line3', 'city', 'zip', 'state'] as const;

/** `GET /Contact` (archive "SimpleContact") → Account. */
export const CONTACT_COLUMNS = [
  'contactId',
  'name',
  'email/emailAddress',
  'phone/formattedNumber',
  'url/URLAddress',
  ...POSTAL.map((f) => `postAddress/${f}`),
  ...POSTAL.map((f) => `streetAddress/${f}`),
  'country',
  'associateId',
  'registeredDate',
  'updatedDate',
] as const;

/** `GET /Sale` (archive "FindSale") → Opportunity; the vendor computes `amountInBaseCurrency`. */
export const SALE_COLUMNS = [
  'saleId',
  'heading',
  'amount',
  'amountInBaseCurrency',
  'currency',
  'saleType',
  'stage',
  'probPercent',
  'saleStatus',
  'date',
  'associateId',
  'contactId',
  'personId',
  'registeredDate',
  'updatedDate',
] as const;

/** `GET /User` (archive "AllUsers") → User; `PrimaryKey` is the associate id. */
export const USER_COLUMNS = ['fullName', 'personEmail', 'assocName', 'isActive'] as const;

/** The archive column each unified filter applies to, per provider. */
export const FILTER_COLUMNS = {
  person: {
    id: 'personId',
    email: 'email/emailAddress',
    name: 'fullName',
    accountId: 'contactId',
    updated: 'personUpdatedDate',
  },
  contact: { id: 'contactId', email: 'email/emailAddress', name: 'name', updated: 'updatedDate' },
  sale: {
    id: 'saleId',
    accountId: 'contactId',
    status: 'saleStatus',
    saleType: 'saleType',
    stage: 'stage',
    updated: 'updatedDate',
  },
} as const;
