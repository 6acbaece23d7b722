import {
  FULL_RIGHTS,
  addressCarrier,
  associateCarrier,
  categoryCarrier,
  contactCarrier,
  countryCarrier,
  elements,
  fullName,
  listItemCarrier,
  personCarrier,
  type RenderContext,
} from './carriers';
import { formatDate } from './dates';
import { renderStakeholders } from './stakeholders';
import { structured } from './seed';
import type { ContactRec, PersonRec, SaleRec } from './store';
import type { Rules } from './validation';

/**
 * ContactEntity, PersonEntity and SaleEntity as the WebAPI sends them: every property of the
 * Swagger definition present, PascalCase, enums as strings, empty dates as
 * `0001-01-01T00:00:00`, plus `_Links` on the `…WithLinks` answers (GET/POST/PUT/PATCH);
 * `/default` answers the plain entity (its 200 schema has no `_Links`).
 */

type Json = Record<string, unknown>;
const EMPTY = null;

/** FieldRight of a field the tenant flags mandatory (vendor notes §2: `[SR_MANDATORY_FIELD_1281]`). */
function mandatory(fieldType: string, length: number): Json {
  return {
    FieldRight: { Mask: 'Update, UIHintMandatory', Reason: '[SR_MANDATORY_FIELD_1281]' },
    FieldType: fieldType,
    FieldLength: length,
  };
}

export function renderContact(ctx: RenderContext, c: ContactRec, rules: Rules, withLinks: boolean): Json {
  const s = ctx.store;
  const d = (ms: number | null): string => formatDate(ms, ctx.dates);
  const fieldProps: Json = { Name: mandatory('System.String', 220) };
  if (rules.mandatoryFields === 'tenantFixture') {
    fieldProps.Number2 = mandatory('System.String', 40);
    fieldProps.Business = mandatory('SuperOffice.CRM.Services.Business', 0);
    fieldProps.Category = mandatory('SuperOffice.CRM.Services.Category', 0);
  }
  const out: Json = {
    ContactId: c.id,
    Name: c.name,
    Department: c.department,
    OrgNr: c.orgNr,
    Number1: c.number1,
    Number2: c.number2,
    UpdatedDate: d(c.updatedDate),
    CreatedDate: d(c.createdDate),
    Emails: elements(c.emails, 'text'),
    Interests: [],
    Urls: elements(c.urls, 'text'),
    Phones: elements(c.phones, 'phone'),
    Faxes: elements(c.faxes, 'phone'),
    Description: c.description,
    UpdatedBy: associateCarrier(s.associate(c.updatedById)),
    CreatedBy: associateCarrier(s.associate(c.createdById)),
    Associate: associateCarrier(s.associate(c.associateId)),
    Business: listItemCarrier(c.businessId, s.business(c.businessId)?.value ?? ''),
    Category: categoryCarrier(ctx, c.categoryId),
    Country: countryCarrier(ctx, c.countryId),
    Persons: s.personsOf(c.id).map((p) => personCarrier(ctx, p)),
    NoMailing: c.noMailing,
    Kananame: '',
    Xstop: c.xstop,
    ActiveInterests: 0,
    GroupId: s.associate(c.associateId)?.groupIdx ?? 0,
    ActiveStatusMonitorId: 0,
    SupportAssociate: EMPTY,
    TicketPriority: EMPTY,
    CustomerLanguage: EMPTY,
    Deleted: 0,
    DbiAgentId: 0,
    DbiLastSyncronized: d(null),
    DbiKey: '',
    DbiLastModified: d(null),
    SupportPerson: EMPTY,
    Address: addressCarrier(c.address, 'contact'),
    Source: 0,
    ActiveErpLinks: 0,
    BounceEmails: [],
    Domains: [],
    UtmParameters: EMPTY,
    UserDefinedFields: {},
    ExtraFields: {},
    CustomFields: { ...c.customFields },
    TableRight: FULL_RIGHTS,
    FieldProperties: fieldProps,
  };
  if (withLinks) {
    out._Links = {
      Self: `${ctx.apiBase}/Contact/${c.id}`,
      'Self.Simple': `${ctx.apiBase}/Contact/${c.id}/Simple`,
      Archive: `${ctx.apiBase}/Contact`,
      Persons: `${ctx.apiBase}/Contact/${c.id}/Persons`,
      Sales: `${ctx.apiBase}/Contact/${c.id}/Sales`,
      'Associate.List': `${ctx.apiBase}/MDOList/associate`,
      'Business.List': `${ctx.apiBase}/MDOList/business`,
      'Category.List': `${ctx.apiBase}/MDOList/category`,
      'Country.List': `${ctx.apiBase}/MDOList/country`,
    };
  }
  return out;
}

export function renderPerson(ctx: RenderContext, p: PersonRec, rules: Rules, withLinks: boolean): Json {
  const s = ctx.store;
  const d = (ms: number | null): string => formatDate(ms, ctx.dates);
  const company = s.contacts.get(p.contactId);
  const asAssociate = s.associateOfPerson(p.id);
  const name = fullName(p);
  const position = s.position(p.positionId);
  const fieldProps: Json = {};
  if (rules.mandatoryContactOnPerson) fieldProps.Contact = mandatory('SuperOffice.CRM.Services.Contact', 0);
  // Category/Business/Associate of a person at a company belong to the company (vendor notes §2).
  const readOnly = { FieldRight: { Mask: 'Read', Reason: '[SR_ACCESS_PERSONONCOMPANY]' }, FieldType: 'System.Int32', FieldLength: 0 };
  if (company) Object.assign(fieldProps, { Category: readOnly, Business: readOnly, Associate: readOnly });
  const out: Json = {
    PersonId: p.id,
    Firstname: p.firstname,
    MiddleName: p.middleName,
    Lastname: p.lastname,
    Mrmrs: p.mrmrs,
    Title: p.title,
    UpdatedDate: d(p.updatedDate),
    CreatedDate: d(p.createdDate),
    BirthDate: d(p.birthDate),
    CreatedBy: associateCarrier(s.associate(p.createdById)),
    Emails: elements(p.emails, 'text'),
    Description: p.description,
    IsAssociate: asAssociate !== undefined,
    PrivatePhones: elements(p.privatePhones, 'phone'),
    Faxes: elements(p.faxes, 'phone'),
    MobilePhones: elements(p.mobilePhones, 'phone'),
    OfficePhones: elements(p.officePhones, 'phone'),
    OtherPhones: elements(p.otherPhones, 'phone'),
    Position: listItemCarrier(position?.id ?? 0, position?.value ?? ''),
    UpdatedBy: associateCarrier(s.associate(p.updatedById)),
    Contact: contactCarrier(ctx, company),
    Country: countryCarrier(ctx, p.countryId),
    Interests: [],
    PersonNumber: p.personNumber,
    FullName: name,
    NoMailing: p.noMailing,
    UsePersonAddress: false,
    Retired: p.retired,
    Urls: elements(p.urls, 'text'),
    FormalName: [p.mrmrs, name].filter(Boolean).join(' '),
    // Person addresses are not modelled; the skeleton keeps the wire shape.
    Address: addressCarrier({ street: structured('', '', ''), postal: structured('', '', ''), latitude: 0, longitude: 0 }, 'person'),
    Post3: '',
    Post2: '',
    Post1: '',
    Kanalname: '',
    Kanafname: '',
    CorrespondingAssociate: associateCarrier(asAssociate),
    Category: company ? categoryCarrier(ctx, company.categoryId) : categoryCarrier(ctx, 0),
    Business: listItemCarrier(company?.businessId ?? 0, s.business(company?.businessId ?? 0)?.value ?? ''),
    Associate: associateCarrier(s.associate(p.associateId)),
    Salutation: p.salutation,
    ActiveInterests: 0,
    SupportAssociate: EMPTY,
    TicketPriority: EMPTY,
    CustomerLanguage: EMPTY,
    DbiAgentId: 0,
    DbiKey: '',
    DbiLastModified: d(null),
    DbiLastSyncronized: d(null),
    SentInfo: 0,
    ShowContactTickets: 0,
    UserInfo: EMPTY,
    ChatEmails: [],
    InternetPhones: [],
    Source: 0,
    ActiveErpLinks: 0,
    ShipmentTypes: [],
    Consents: [],
    BounceEmails: [],
    ActiveStatusMonitorId: 0,
    CreatedByFormId: 0,
    UtmParameters: EMPTY,
    LeadstatusId: 0,
    Leadstatus: '',
    UserDefinedFields: {},
    ExtraFields: {},
    CustomFields: { ...p.customFields },
    TableRight: FULL_RIGHTS,
    FieldProperties: fieldProps,
  };
  if (withLinks) {
    out._Links = {
      Self: `${ctx.apiBase}/Person/${p.id}`,
      'Self.Simple': `${ctx.apiBase}/Person/${p.id}/Simple`,
      Archive: `${ctx.apiBase}/Person`,
      ...(company ? { Contact: `${ctx.apiBase}/Contact/${company.id}` } : {}),
      'Position.List': `${ctx.apiBase}/MDOList/perspos`,
    };
  }
  return out;
}

export function renderSale(ctx: RenderContext, sale: SaleRec, rules: Rules, withLinks: boolean): Json {
  const s = ctx.store;
  const d = (ms: number | null): string => formatDate(ms, ctx.dates);
  const stage = s.stage(sale.stageId);
  const type = s.saleType(sale.saleTypeId);
  const fieldProps: Json = { Heading: mandatory('System.String', 40) };
  if (rules.requireSaleType) fieldProps.SaleType = mandatory('SuperOffice.CRM.Services.SaleType', 0);
  const out: Json = {
    Appointment: EMPTY,
    Associate: associateCarrier(s.associate(sale.associateId)),
    UpdatedBy: associateCarrier(s.associate(sale.updatedById)),
    CreatedBy: associateCarrier(s.associate(sale.createdById)),
    Contact: contactCarrier(ctx, s.contacts.get(sale.contactId)),
    Project: EMPTY,
    SaleText: sale.saleText,
    Person: personCarrier(ctx, s.persons.get(sale.personId)),
    Currency: listItemCarrier(sale.currencyId, s.currency(sale.currencyId)?.name ?? ''),
    Competitor: EMPTY,
    Credited: EMPTY,
    Rating: listItemCarrier(sale.stageId, stage?.name ?? ''),
    Reason: EMPTY,
    Source: EMPTY,
    Status: sale.status,
    Saledate: d(sale.saledate),
    Amount: sale.amount,
    SaleId: sale.id,
    Earning: sale.earning,
    EarningPercent: sale.earningPercent,
    Heading: sale.heading,
    Number: sale.number,
    Probability: sale.probability,
    CreatedDate: d(sale.createdDate),
    UpdatedDate: d(sale.updatedDate),
    Completed: sale.completed,
    ActiveLinks: 0,
    Links: [],
    NextDueDate: d(sale.nextDueDate),
    Postit: sale.postit,
    SaleType: listItemCarrier(sale.saleTypeId, type?.name ?? ''),
    ReasonSold: EMPTY,
    ReasonStalled: EMPTY,
    ReopenDate: d(sale.reopenDate),
    SaleStakeholders: renderStakeholders(ctx, sale),
    ActiveErpLinks: 0,
    UserDefinedFields: {},
    ExtraFields: {},
    CustomFields: { ...sale.customFields },
    PublishEventDate: d(null),
    PublishTo: d(null),
    PublishFrom: d(null),
    IsPublished: false,
    VisibleFor: [],
    TableRight: FULL_RIGHTS,
    FieldProperties: fieldProps,
  };
  if (withLinks) {
    out._Links = {
      Self: `${ctx.apiBase}/Sale/${sale.id}`,
      'Self.Simple': `${ctx.apiBase}/Sale/${sale.id}/Simple`,
      Archive: `${ctx.apiBase}/Sale`,
      'Rating.List': `${ctx.apiBase}/MDOList/prob`,
      'SaleType.List': `${ctx.apiBase}/MDOList/saletype`,
      'Currency.List': `${ctx.apiBase}/MDOList/currency`,
    };
  }
  return out;
}

/**
 * Properties that are .NET value types (dates, enums) in the entities: `$select` can't null
 * them, so they fall back to their default instead (see select.ts).
 */
export const DATE_PROPERTIES = new Set([
  'UpdatedDate', 'CreatedDate', 'BirthDate', 'Saledate', 'NextDueDate', 'ReopenDate', 'DbiLastSyncronized',
  'DbiLastModified', 'PublishEventDate', 'PublishTo', 'PublishFrom', 'SaleDate', 'LastChanged',
]);
export const ENUM_DEFAULTS: Record<string, string> = {
  Status: 'Unknown',
  Completed: 'Unknown',
  Type: 'Unknown',
  AtypeIdx: 'Unknown',
  CategoryGroup: 'Unknown',
};
