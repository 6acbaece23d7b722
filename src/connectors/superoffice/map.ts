import type {
  AccountRecord,
  AddressRecord,
  ContactRecord,
  CurrencyRecord,
  OpportunityRecord,
  OpportunityStatus,
  PipelineRecord,
  StageRecord,
  UserRecord,
} from '../../core/records';
import { fromSuperOfficeDate, fromSuperOfficeDateTime } from './dates';
import { toStageId } from './ids';
import { versionOf } from './version';
import { baseAmountOf, decimal, exchangeRateOf, type BaseAmountFormula } from './money';
import type {
  SuperOfficeContactEntity,
  SuperOfficeCurrencyEntity,
  SuperOfficePersonEntity,
  SuperOfficeSaleEntity,
  SuperOfficeSaleTypeEntity,
  SuperOfficeStructuredAddress,
} from './wire';
import { blank } from '../kit/blank';
import { contactIdsOfSale } from './stakeholders';

/*
 * Pure mappers SuperOffice entity → unified record (vendor notes §2). Mind the names: a
 * SuperOffice Contact is our Account, a Person our Contact, a Sale our Opportunity, a SaleType
 * our Pipeline, an Associate our User. SuperOffice sends "" and 0 for unset values: both become
 * null here, so "no value" reads the same for every vendor.
 */

/** A non-zero id as a remote id string; 0 and absent are "none". */
export function ref(id: number | null | undefined): string | null {
  return id ? String(id) : null;
}

function values(list: Array<{ Value?: string | null | undefined }> | null | undefined): string[] {
  return (list ?? []).map((e) => blank(e.Value)).filter((v): v is string => v !== null);
}

/** StructuredAddress → unified address; null when every part is empty. */
export function addressOf(
  a: SuperOfficeStructuredAddress | null | undefined,
  country: string | null,
): AddressRecord | null {
  const street = [a?.Address1, a?.Address2, a?.Address3].map(blank).filter(Boolean).join('\n');
  const out: AddressRecord = {
    street: street || null,
    city: blank(a?.City),
    state: blank(a?.State),
    postalCode: blank(a?.Zipcode),
    country,
  };
  return out.street || out.city || out.state || out.postalCode ? out : null;
}

/** A SuperOffice Contact (a company) → Account. The address is the postal one, else the street one. */
export function fromSuperOfficeContact(source: string, wire: SuperOfficeContactEntity): AccountRecord {
  const country = blank(wire.Country?.Name);
  return {
    entity: 'ACCOUNT',
    source,
    remoteId: String(wire.ContactId),
    name: wire.Name ?? '',
    emails: values(wire.Emails),
    phones: values(wire.Phones),
    website: values(wire.Urls)[0] ?? null,
    address: addressOf(wire.Address?.Postal, country) ?? addressOf(wire.Address?.Street, country),
    ownerId: ref(wire.Associate?.AssociateId),
    createdAt: fromSuperOfficeDateTime(wire.CreatedDate),
    updatedAt: fromSuperOfficeDateTime(wire.UpdatedDate),
    version: versionOf(wire.UpdatedDate, wire.CreatedDate),
    remoteData: wire,
  };
}

/**
 * A SuperOffice Person → Contact. `Mrmrs` is the title, `Title` the job title (vendor notes §2);
 * the owner is the person's own associate (B2C), else its company's (a person at a company
 * mirrors the company's owner).
 */
export function fromSuperOfficePerson(source: string, wire: SuperOfficePersonEntity): ContactRecord {
  const accountId = ref(wire.Contact?.ContactId);
  const jobTitle = blank(wire.Title);
  const parts = [wire.Firstname, wire.MiddleName, wire.Lastname].map(blank).filter(Boolean).join(' ');
  return {
    entity: 'CONTACT',
    source,
    remoteId: String(wire.PersonId),
    firstName: blank(wire.Firstname),
    middleName: blank(wire.MiddleName),
    lastName: blank(wire.Lastname),
    name: blank(wire.FullName) ?? (parts || null),
    title: blank(wire.Mrmrs),
    jobTitle,
    emails: values(wire.Emails),
    phones: [
      ...values(wire.OfficePhones),
      ...values(wire.MobilePhones),
      ...values(wire.PrivatePhones),
      ...values(wire.OtherPhones),
    ],
    primaryAccountId: accountId,
    accounts: accountId ? [{ source, accountId, isPrimary: true, jobTitle }] : [],
    ownerId: ref(wire.Associate?.AssociateId) ?? ref(wire.Contact?.AssociateId),
    createdAt: fromSuperOfficeDateTime(wire.CreatedDate),
    updatedAt: fromSuperOfficeDateTime(wire.UpdatedDate),
    version: versionOf(wire.UpdatedDate, wire.CreatedDate),
    remoteData: wire,
  };
}

/** Sale status: enum names on the entity, DB codes 1–4 in archive raw values (vendor notes §2). */
const STATUS_BY_NAME: Record<string, OpportunityStatus> = {
  open: 'OPEN',
  sold: 'WON',
  lost: 'LOST',
  stalled: 'STALLED',
};
export const STATUS_BY_CODE: Record<number, OpportunityStatus> = { 1: 'OPEN', 2: 'WON', 3: 'LOST', 4: 'STALLED' };
export const STATUS_CODE: Record<OpportunityStatus, number> = { OPEN: 1, WON: 2, LOST: 3, STALLED: 4 };

/** What a sale needs of its currency: the code and the rate to the base currency. */
export interface CurrencyInfo {
  code: string;
  isBase: boolean;
  rate: number;
  units: number;
}

export interface SaleLookups {
  currency(id: number): CurrencyInfo | null;
  stage(stageId: string): StageRecord | null;
  formula: BaseAmountFormula;
}

/**
 * A SuperOffice Sale → Opportunity. The entity has no base amount, so it is computed from the
 * currency's Rate/Units; the stage comes from the pipelines (`Rating` within `SaleType`).
 * `contactIds` is the sale's Person, then its stakeholders.
 */
export function fromSuperOfficeSale(
  source: string,
  wire: SuperOfficeSaleEntity,
  lookups: SaleLookups,
): OpportunityRecord {
  const typeId = wire.SaleType?.Id ?? 0;
  const ratingId = wire.Rating?.Id ?? 0;
  const stageId = typeId && ratingId ? toStageId(typeId, ratingId) : null;
  const currency = wire.Currency?.Id ? lookups.currency(wire.Currency.Id) : null;
  const code = blank(wire.Currency?.Value) ?? currency?.code ?? null;
  const amount = wire.Amount;
  const base =
    amount == null || !currency ? null : currency.isBase ? amount : baseAmountOf(amount, currency, lookups.formula);
  const personId = ref(wire.Person?.PersonId);
  return {
    entity: 'OPPORTUNITY',
    source,
    remoteId: String(wire.SaleId),
    name: wire.Heading ?? '',
    status: STATUS_BY_NAME[(wire.Status ?? '').toLowerCase()] ?? null,
    value:
      amount != null && code
        ? {
            source,
            amount: decimal(amount),
            currencyCode: code,
            currencyId: ref(wire.Currency?.Id),
            baseAmount: base === null ? null : decimal(base),
          }
        : null,
    closingDate: fromSuperOfficeDate(wire.Saledate),
    probability: wire.Probability ?? null,
    pipelineId: ref(typeId),
    stage: stageId ? lookups.stage(stageId) : null,
    stageId,
    accountId: ref(wire.Contact?.ContactId),
    contactIds: contactIdsOfSale(wire),
    primaryContactId: personId,
    ownerId: ref(wire.Associate?.AssociateId),
    createdAt: fromSuperOfficeDateTime(wire.CreatedDate),
    updatedAt: fromSuperOfficeDateTime(wire.UpdatedDate),
    version: versionOf(wire.UpdatedDate, wire.CreatedDate),
    remoteData: wire,
  };
}

/** `Probability=20` out of an MDO item's ExtraInfo (`IsDeleted=False&Probability=20&…`, vendor notes §2). */
export function probabilityInExtraInfo(extraInfo: string | null | undefined): number | null {
  const m = /(?:^|&)Probability=(\d{1,3})(?:&|$)/.exec(extraInfo ?? '');
  return m ? Number(m[1]) : null;
}

/**
 * A SaleType with its stages → Pipeline. The stages are the `Selected` items of `Stages`, in
 * the order the vendor lists them; each one's probability comes from its ExtraInfo (the items
 * are "salestage" MDO items) or else from `probabilityOf` (the Rating list).
 */
export function fromSuperOfficeSaleType(
  source: string,
  wire: SuperOfficeSaleTypeEntity,
  probabilityOf: (ratingId: number) => number | null,
): PipelineRecord {
  const selected = (wire.Stages ?? []).filter((s) => s.Selected === true && s.Deleted !== true);
  const stages: StageRecord[] = selected.map((s, position) => ({
    source,
    remoteId: toStageId(wire.SaleTypeId, s.Id),
    pipelineId: String(wire.SaleTypeId),
    name: s.Name ?? '',
    position,
    probability: probabilityInExtraInfo(s.ExtraInfo) ?? probabilityOf(s.Id),
  }));
  return {
    entity: 'PIPELINE',
    source,
    remoteId: String(wire.SaleTypeId),
    name: wire.Name ?? '',
    stages,
    createdAt: null,
    updatedAt: null,
    remoteData: wire,
  };
}

export function currencyInfo(wire: SuperOfficeCurrencyEntity, isBase: boolean): CurrencyInfo {
  return { code: wire.Name.trim().toUpperCase(), isBase, rate: wire.Rate, units: wire.Units };
}

/** A CurrencyEntity → Currency; `Name` is the code (the REST entity has no ISO field, vendor notes §2). */
export function fromSuperOfficeCurrency(
  source: string,
  wire: SuperOfficeCurrencyEntity,
  isBase: boolean,
  formula: BaseAmountFormula,
): CurrencyRecord {
  return {
    entity: 'CURRENCY',
    source,
    remoteId: String(wire.CurrencyId),
    code: wire.Name.trim().toUpperCase(),
    name: blank(wire.Tooltip),
    symbol: null,
    isBase,
    exchangeRate: isBase ? 1 : exchangeRateOf({ rate: wire.Rate, units: wire.Units }, formula),
    createdAt: null,
    updatedAt: null,
    remoteData: wire,
  };
}

export function userRecord(
  source: string,
  id: string,
  name: string | null,
  email: string | null,
  remoteData: unknown,
): UserRecord {
  return { entity: 'USER', source, remoteId: id, name, email, createdAt: null, updatedAt: null, remoteData };
}
