import type { CreateAccountCommand, CreateContactCommand } from '../../core/connector';
import { toSuperOfficeDate } from './dates';
import type { FieldMap } from '../kit/fieldMap';
import { given } from './checks';
import { withoutUndefined } from '../kit/body';

/*
 * Create bodies, minimal as in SuperOffice's own request collection (vendor notes §2
 * "Creating": `POST /v1/Person {"Firstname","Lastname","Contact":{"ContactId":"5"},"Emails":[…]}`):
 * the properties we set, PascalCase, references as `{Id}` / `{ContactId}` / `{PersonId}` /
 * `{AssociateId}`, e-mails and phones as EntityElements with `Value` only. The tenant fills
 * the rest from its defaults.
 */

type Body = Record<string, unknown>;

function elements(values: readonly string[]): Array<{ Value: string }> {
  return values.map((v) => ({ Value: v }));
}

/** Street text → `Address1..3`, one per line. */
export function streetLines(street: string | undefined): string[] {
  return (street ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Account → `POST /Contact` body (ContactEntity). The address is written as the postal address. */
export function toSuperOfficeContactCreate(
  cmd: CreateAccountCommand,
  refs: { ownerId: number; countryId: number | null },
): Body {
  const a = cmd.address;
  const lines = streetLines(a?.street);
  const postal = a
    ? withoutUndefined({
        Address1: lines[0],
        Address2: lines[1],
        Address3: lines[2],
        City: given(a.city),
        State: given(a.state),
        Zipcode: given(a.postalCode),
      })
    : {};
  return withoutUndefined({
    Name: cmd.name.trim(),
    Emails: cmd.emails.length > 0 ? elements(cmd.emails) : undefined,
    Phones: cmd.phones.length > 0 ? elements(cmd.phones) : undefined,
    Urls: given(cmd.website) ? elements([given(cmd.website) as string]) : undefined,
    Address: Object.keys(postal).length > 0 ? { Postal: postal } : undefined,
    Country: refs.countryId ? { CountryId: refs.countryId } : undefined,
    Associate: { AssociateId: refs.ownerId },
  });
}

/**
 * Contact → `POST /Person` body (PersonEntity): linked to its company by `Contact: {ContactId}`,
 * the job title in `Title`, the salutation in `Mrmrs`, phones as office phones. The owner is
 * written only for a person without a company (one at a company mirrors the company's).
 */
export function toSuperOfficePersonCreate(
  cmd: CreateContactCommand,
  refs: { accountId: number | null; ownerId: number | null },
): Body {
  return withoutUndefined({
    Firstname: given(cmd.firstName),
    MiddleName: given(cmd.middleName),
    Lastname: given(cmd.lastName),
    Mrmrs: given(cmd.title),
    Title: given(cmd.jobTitle),
    Emails: cmd.emails.length > 0 ? elements(cmd.emails) : undefined,
    OfficePhones: cmd.phones.length > 0 ? elements(cmd.phones) : undefined,
    Contact: refs.accountId ? { ContactId: refs.accountId } : undefined,
    Associate: refs.ownerId ? { AssociateId: refs.ownerId } : undefined,
  });
}

export interface SaleCreate {
  heading: string;
  closingDate: string;
  amount: number;
  currencyId: number;
  saleTypeId: number;
  ratingId: number;
  probability: number;
  ownerId: number;
  companyId: number | null;
  personId: number | null;
  /** Further persons, as stakeholders: only on a sale type that has them. */
  stakeholderIds: readonly number[];
  description: string | undefined;
}

/**
 * Opportunity → `POST /Sale` body (SaleEntity, vendor notes §2): `Heading`, `Saledate`,
 * `Amount` in the sale's `Currency`, `SaleType` (pipeline), `Rating` (stage), `Probability`,
 * `Associate` (owner), `Contact` (company), `Person` (primary contact) and, on a sale type with
 * stakeholders, `SaleStakeholders` as `[{PersonId}]` (the Swagger marks no property of
 * SaleStakeholder required; role and comment stay unset, as the input carries neither).
 */
export function toSuperOfficeSaleCreate(s: SaleCreate): Body {
  return withoutUndefined({
    Heading: s.heading,
    Saledate: toSuperOfficeDate(s.closingDate),
    Amount: s.amount,
    Currency: { Id: s.currencyId },
    SaleType: { Id: s.saleTypeId },
    Rating: { Id: s.ratingId },
    Probability: s.probability,
    Status: 'Open',
    Associate: { AssociateId: s.ownerId },
    Contact: s.companyId ? { ContactId: s.companyId } : undefined,
    Person: s.personId ? { PersonId: s.personId } : undefined,
    SaleStakeholders: s.stakeholderIds.length > 0 ? s.stakeholderIds.map((id) => ({ PersonId: id })) : undefined,
    SaleText: given(s.description),
  });
}

/** Entity property → unified input field, for mapping a refused save's `Field: message` parts. */
export const CONTACT_FIELDS: FieldMap = {
  Name: ['name'],
  Emails: ['emails'],
  Phones: ['phones'],
  Urls: ['website'],
  Address: ['address'],
  Country: ['address', 'country'],
  Associate: ['ownerId'],
};

export const PERSON_FIELDS: FieldMap = {
  Firstname: ['firstName'],
  MiddleName: ['middleName'],
  Lastname: ['lastName'],
  Mrmrs: ['title'],
  Title: ['jobTitle'],
  Emails: ['emails'],
  OfficePhones: ['phones'],
  Contact: ['accountId'],
  Associate: ['ownerId'],
};

export const SALE_FIELDS: FieldMap = {
  Heading: ['name'],
  Saledate: ['closingDate'],
  Amount: ['value', 'amount'],
  Currency: ['value', 'currencyCode'],
  SaleType: ['pipelineId'],
  Rating: ['stageId'],
  Probability: ['probability'],
  Associate: ['ownerId'],
  Contact: ['accountId'],
  Person: ['primaryContactId'],
  SaleStakeholders: ['contactIds'],
  SaleText: ['description'],
};
