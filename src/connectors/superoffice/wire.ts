import { z } from 'zod';
import { fields, optionalFlag, optionalNumber, text, texts } from '../kit/wireFields';
import { wireRecord } from '../kit/wireRecord';

/*
 * SuperOffice WebAPI REST v1 wire shapes, as far as crmgraph reads them (official Swagger
 * `definitions`; vendor notes §2–§4). PascalCase as on the wire. Loose objects: the vendor
 * sends many more properties, kept in `remoteData` (`wireRecord`: checked, not copied). Reference types may be null (.NET
 * serialises unset carriers and strings as null), so every text and carrier is nullish.
 */

const int = z.number().int();

/** Every entity's `CreatedDate` and `UpdatedDate`. */
const stamps = texts('CreatedDate', 'UpdatedDate');

/** What every list item (MDO item) carries besides its id and name: its rank and whether it is deleted. */
const listed = { Rank: int.nullish(), Deleted: optionalFlag };

/** EntityElement: `{Value, StrippedValue, Description}` in Emails, Phones, Urls (vendor notes §2). */
export const superOfficeElement = wireRecord(texts('Value', 'StrippedValue', 'Description'));
const elements = z.array(superOfficeElement).nullish();

/** Associate carrier (a user): `Name` is the initials, `FullName` the person's name. */
export const superOfficeAssociate = wireRecord({
  AssociateId: int,
  ...texts('Name', 'FullName'),
  PersonId: int.nullish(),
});

/** The tail of a company and a person entity: its owner, then its instants. */
const owned = { Associate: superOfficeAssociate.nullish(), ...stamps };

/** List item carriers (Currency, SaleType, Rating, Position…): `{Id, Value, Tooltip}`. */
export const superOfficeListItem = wireRecord({ Id: int, Value: text });

export const superOfficeCountry = wireRecord({ CountryId: int, Name: text, EnglishName: text });

/** The slim Contact carrier inside Person and Sale entities. */
export const superOfficeContactCarrier = wireRecord({ ContactId: int, Name: text, AssociateId: int.nullish() });

/** The slim Person carrier inside Sale entities. */
export const superOfficePersonCarrier = wireRecord({ PersonId: int, ContactId: int.nullish(), FullName: text });

export const superOfficeStructuredAddress = wireRecord(
  texts('Address1', 'Address2', 'Address3', 'City', 'State', 'Zipcode'),
);
export type SuperOfficeStructuredAddress = z.infer<typeof superOfficeStructuredAddress>;

export const superOfficeAddress = wireRecord({
  Street: superOfficeStructuredAddress.nullish(),
  Postal: superOfficeStructuredAddress.nullish(),
});

/** ContactEntity(WithLinks): a company (our Account). */
export const superOfficeContactEntity = wireRecord({
  ContactId: int,
  ...texts('Name', 'Department'),
  ...fields(elements, 'Emails', 'Phones', 'Urls'),
  Address: superOfficeAddress.nullish(),
  Country: superOfficeCountry.nullish(),
  ...owned,
});
export type SuperOfficeContactEntity = z.infer<typeof superOfficeContactEntity>;

/** PersonEntity(WithLinks): a person (our Contact); `Contact` is null without a company. */
export const superOfficePersonEntity = wireRecord({
  PersonId: int,
  ...texts('Firstname', 'MiddleName', 'Lastname', 'FullName', 'Mrmrs', 'Title'),
  ...fields(elements, 'Emails', 'OfficePhones', 'MobilePhones', 'PrivatePhones', 'OtherPhones'),
  Contact: superOfficeContactCarrier.nullish(),
  ...owned,
});
export type SuperOfficePersonEntity = z.infer<typeof superOfficePersonEntity>;

/** SaleStakeholder inside a sale: a further person of the sale, ranked. */
export const superOfficeSaleStakeholder = wireRecord({ SaleStakeholderId: int.nullish(), PersonId: int, Rank: int.nullish() });

/** SaleEntity(WithLinks): a sale (our Opportunity). `Rating` is the stage; `Saledate` has a lower-case d. */
export const superOfficeSaleEntity = wireRecord({
  SaleId: int,
  Heading: text,
  Contact: superOfficeContactCarrier.nullish(),
  Person: superOfficePersonCarrier.nullish(),
  Associate: superOfficeAssociate.nullish(),
  ...fields(superOfficeListItem.nullish(), 'Currency', 'SaleType', 'Rating'),
  Probability: optionalNumber,
  ...texts('Status', 'Saledate'),
  Amount: optionalNumber,
  SaleText: text,
  SaleStakeholders: z.array(superOfficeSaleStakeholder).nullish(),
  ...stamps,
});
export type SuperOfficeSaleEntity = z.infer<typeof superOfficeSaleEntity>;

/** SelectableMDOListItem: a stage inside SaleTypeEntity.Stages, `Selected` when the type uses it. */
export const superOfficeSelectableItem = wireRecord({
  Id: int,
  Name: text,
  ...listed,
  Selected: optionalFlag,
  ExtraInfo: text,
});
export type SuperOfficeSelectableItem = z.infer<typeof superOfficeSelectableItem>;

/** `GET List/SaleType/Items` → SaleTypeEntity[] (vendor notes §2 "Pipeline"). */
export const superOfficeSaleTypeEntity = wireRecord({
  SaleTypeId: int,
  Name: text,
  ...listed,
  HasStakeholders: optionalFlag,
  Stages: z.array(superOfficeSelectableItem).nullish(),
});
export type SuperOfficeSaleTypeEntity = z.infer<typeof superOfficeSaleTypeEntity>;

/** `GET List/Rating/Items` → SaleStageEntity[]: the stages with their probability. */
export const superOfficeSaleStageEntity = wireRecord({
  SaleStageId: int,
  Value: text,
  Probability: optionalNumber,
  ...listed,
});
export type SuperOfficeSaleStageEntity = z.infer<typeof superOfficeSaleStageEntity>;

/** `GET List/Currency/Items` → CurrencyEntity[]; `Name` is the code-like name (vendor notes §2 "Currency"). */
export const superOfficeCurrencyEntity = wireRecord({
  CurrencyId: int,
  Name: z.string(),
  Tooltip: text,
  Rank: int.nullish(),
  Rate: z.number(),
  Units: z.number(),
  Deleted: optionalFlag,
});
export type SuperOfficeCurrencyEntity = z.infer<typeof superOfficeCurrencyEntity>;

/** MDOListItem (`GET MDOList/{name}`). */
export const superOfficeMdoItem = wireRecord({
  Id: int,
  Name: text,
  Deleted: optionalFlag,
  ExtraInfo: text,
});
export type SuperOfficeMdoItem = z.infer<typeof superOfficeMdoItem>;

/** One cell of a `$mode=full` archive row: the raw value (ids for list columns) and its display. */
export const superOfficeArchiveCell = wireRecord({ RawValue: z.unknown(), DisplayValue: z.unknown() });
export type SuperOfficeArchiveCell = z.infer<typeof superOfficeArchiveCell>;

/** A `$mode=full` archive row (vendor notes §3 "FULL mode rows"). */
export const superOfficeArchiveRow = wireRecord({
  PrimaryKey: z.union([z.number(), z.string()]),
  EntityName: text,
  Column: z.record(z.string(), superOfficeArchiveCell),
});
export type SuperOfficeArchiveRow = z.infer<typeof superOfficeArchiveRow>;

/** The OData envelope `{odata.metadata, odata.nextLink, value}` (Swagger `ODataSlimResponse`). */
export const superOfficeArchivePage = wireRecord({
  'odata.nextLink': z.string().nullish(),
  value: z.array(z.unknown()),
});

/**
 * The REST error object (vendor notes §4): `{Error, ErrorType, ErrorMessage, ErrorSource}`;
 * the official TS client's mock says `Message` instead (open question 3), and ASP.NET's own
 * answers carry only `Message`.
 */
export const superOfficeError = wireRecord({
  Error: optionalFlag,
  ...texts('ErrorType', 'ErrorMessage', 'Message', 'ErrorSource'),
});
export type SuperOfficeError = z.infer<typeof superOfficeError>;
