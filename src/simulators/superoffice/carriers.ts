import { formatDate, type DateContext } from './dates';
import type { AddressRec, AssociateRec, ContactRec, ElementRec, PersonRec, SaleRec, Store, StructuredAddressRec } from './store';

/**
 * Small carriers embedded in entities and the slim `/Simple` carriers, shaped as the Swagger
 * definitions with the same names (Associate, Contact, Person, Sale, EntityElement, Address,
 * list items). Values follow the request samples of the vendor notes (e.g. list items answer
 * `TableRight: null, FieldProperties: {}`; a missing Position is an item with Id 0).
 */
export interface RenderContext {
  store: Store;
  dates: DateContext;
  /** `{origin}/{tenant}/api/v1`, for `_Links`. */
  apiBase: string;
}

type Json = Record<string, unknown>;

export const FULL_RIGHTS = { Mask: 'Select, Update, Insert, Delete', Reason: '' };

export function associateCarrier(a: AssociateRec | undefined): Json | null {
  if (!a) return null;
  const fullName = `${a.firstName} ${a.lastName}`;
  return {
    AssociateId: a.id,
    Name: a.initials,
    PersonId: a.personId,
    Rank: a.rank,
    Tooltip: '',
    Type: a.type,
    GroupIdx: a.groupIdx,
    FullName: fullName,
    FormalName: fullName,
    Deleted: a.deleted,
    EjUserId: 0,
    UserName: a.userName,
    ExtraFields: {},
    CustomFields: {},
    TableRight: { Mask: 'Select', Reason: '' },
    FieldProperties: {},
  };
}

/** Business, Position, Currency, Rating, SaleType carriers: `{Id, Value, Tooltip}`. */
export function listItemCarrier(id: number, value: string, tooltip = ''): Json {
  return { Id: id, Value: value, Tooltip: tooltip, TableRight: null, FieldProperties: {} };
}

export function categoryCarrier(ctx: RenderContext, id: number): Json {
  const c = ctx.store.category(id);
  return {
    Id: c?.id ?? 0,
    Value: c?.value ?? '',
    Tooltip: c?.tooltip ?? '',
    CategoryGroup: c?.group ?? 'Unknown',
    EnableLeadStatus: false,
    Rank: c?.rank ?? 0,
    Deleted: c?.deleted ?? false,
    TableRight: null,
    FieldProperties: {},
  };
}

export function countryCarrier(ctx: RenderContext, id: number): Json {
  const c = ctx.store.country(id);
  return {
    CountryId: c?.id ?? 0,
    Name: c?.name ?? '',
    CurrencyId: c?.currencyId ?? 0,
    EnglishName: c?.englishName ?? '',
    TwoLetterISOCountry: c?.iso2 ?? '',
    ThreeLetterISOCountry: c?.iso3 ?? '',
    ImageDescription: null,
    OrgNrText: c?.orgNrText ?? '',
    InterAreaPrefix: '0',
    DialInPrefix: c?.dialInPrefix ?? '',
    ZipPrefix: c?.iso2 ?? '',
    DomainName: c?.iso2 ?? '',
    AddressLayoutId: 1,
    DomesticAddressLayoutId: 1,
    ForeignAddressLayoutId: 1,
    Rank: c?.rank ?? 0,
    Tooltip: c?.name ?? '',
    Deleted: false,
    TableRight: null,
    FieldProperties: {},
  };
}

/** EntityElement: `StrippedValue` is digits only for phones, the value itself otherwise (vendor notes §2). */
export function elements(items: ElementRec[], kind: 'phone' | 'text'): Json[] {
  return items.map((e) => ({
    Value: e.value,
    StrippedValue: kind === 'phone' ? e.value.replace(/\D/g, '') : e.value,
    Description: e.description,
    TableRight: null,
    FieldProperties: {},
  }));
}

type AddressKind = 'contact' | 'person';

export function addressCarrier(addr: AddressRec, kind: AddressKind): Json {
  const street = structuredCarrier(addr.street, kind === 'contact' ? 'ContactStreetAddress' : 'PersonPrivateAddress');
  const postal = kind === 'contact' ? structuredCarrier(addr.postal, 'ContactPostalAddress') : null;
  const primary = kind === 'contact' ? addr.postal : addr.street;
  return {
    Wgs84Latitude: addr.latitude,
    Wgs84Longitude: addr.longitude,
    LocalizedAddress: localized(addr, kind),
    Street: street,
    Postal: postal,
    Formatted: formatAddress(primary),
    TableRight: FULL_RIGHTS,
    FieldProperties: {},
  };
}

function structuredCarrier(s: StructuredAddressRec, atype: string): Json {
  return {
    AtypeIdx: atype,
    Address1: s.address1,
    Address2: s.address2,
    Address3: s.address3,
    City: s.city,
    County: s.county,
    State: s.state,
    Zipcode: s.zipcode,
    Formatted: formatAddress(s),
  };
}

/** Lines × fields, named like the vendor notes' examples ("PostalAddress1", "StreetZipcode"). */
function localized(addr: AddressRec, kind: AddressKind): Json[][] {
  const field = (prefix: string, name: string, value: string, length: number, atype: string): Json => ({
    Name: `${prefix}${name}`,
    Value: value,
    Tooltip: '',
    Label: `SR_AL_${name.toUpperCase()}`,
    ValueLength: length,
    AddressType: atype,
    TableRight: null,
    FieldProperties: {},
  });
  const lines = (prefix: string, s: StructuredAddressRec, atype: string): Json[][] => [
    [field(prefix, 'Address1', s.address1, 80, atype)],
    [field(prefix, 'Address2', s.address2, 80, atype)],
    [field(prefix, 'Address3', s.address3, 80, atype)],
    [field(prefix, 'Zipcode', s.zipcode, 12, atype), field(prefix, 'City', s.city, 80, atype)],
  ];
  if (kind === 'person') return lines('', addr.street, 'PersonPrivateAddress');
  return [...lines('Postal', addr.postal, 'ContactPostalAddress'), ...lines('Street', addr.street, 'ContactStreetAddress')];
}

export function formatAddress(s: StructuredAddressRec): string {
  const cityLine = [s.zipcode, s.city].filter(Boolean).join(' ');
  return [s.address1, s.address2, s.address3, cityLine].filter(Boolean).join('\n');
}

export function fullName(p: Pick<PersonRec, 'firstname' | 'middleName' | 'lastname'>): string {
  return [p.firstname, p.middleName, p.lastname].filter(Boolean).join(' ');
}

function assocFullName(a: AssociateRec | undefined): string {
  return a ? `${a.firstName} ${a.lastName}` : '';
}

/** The slim `Contact` carrier (PersonEntity.Contact, SaleEntity.Contact, `/Contact/{id}/Simple`). */
export function contactCarrier(ctx: RenderContext, c: ContactRec | undefined): Json | null {
  if (!c) return null;
  const s = ctx.store;
  const assoc = s.associate(c.associateId);
  return {
    ContactId: c.id,
    Name: c.name,
    OrgNr: c.orgNr,
    Department: c.department,
    URL: c.urls[0]?.value ?? '',
    City: c.address.postal.city || c.address.street.city,
    DirectPhone: c.phones[0]?.value ?? '',
    AssociateId: c.associateId,
    CountryId: c.countryId,
    EmailAddress: c.emails[0]?.value ?? '',
    Kananame: '',
    EmailAddressName: c.emails[0]?.description ?? '',
    URLName: c.urls[0]?.description ?? '',
    AssociateFullName: assocFullName(assoc),
    BusinessName: s.business(c.businessId)?.value ?? '',
    CategoryName: s.category(c.categoryId)?.value ?? '',
    CountryName: s.country(c.countryId)?.name ?? '',
    Address: addressCarrier(c.address, 'contact'),
    FormattedAddress: formatAddress(c.address.postal),
    FullName: c.department ? `${c.name} ${c.department}` : c.name,
    IsOwnerContact: c.isOwner,
    ActiveErpLinks: 0,
    Number1: c.number1,
    Number2: c.number2,
    TableRight: FULL_RIGHTS,
    FieldProperties: {},
  };
}

/** The slim `Person` carrier (ContactEntity.Persons, SaleEntity.Person, `/Person/{id}/Simple`). */
export function personCarrier(ctx: RenderContext, p: PersonRec | undefined): Json | null {
  if (!p) return null;
  const s = ctx.store;
  const c = s.contacts.get(p.contactId);
  const owner = s.associate(c?.associateId ?? p.associateId);
  const name = fullName(p);
  return {
    Position: s.position(p.positionId)?.value ?? '',
    PersonId: p.id,
    Mrmrs: p.mrmrs,
    Firstname: p.firstname,
    Lastname: p.lastname,
    MiddleName: p.middleName,
    Title: p.title,
    Description: p.description,
    Email: p.emails[0]?.value ?? '',
    FullName: name,
    DirectPhone: p.officePhones[0]?.value ?? '',
    FormalName: [p.mrmrs, name].filter(Boolean).join(' '),
    CountryId: p.countryId,
    ContactId: p.contactId,
    ContactName: c?.name ?? '',
    Retired: p.retired ? 1 : 0,
    Rank: 0,
    ActiveInterests: 0,
    ContactDepartment: c?.department ?? '',
    ContactCountryId: c?.countryId ?? 0,
    ContactOrgNr: c?.orgNr ?? '',
    FaxPhone: p.faxes[0]?.value ?? '',
    MobilePhone: p.mobilePhones[0]?.value ?? '',
    ContactPhone: c?.phones[0]?.value ?? '',
    AssociateName: owner?.initials ?? '',
    AssociateId: owner?.id ?? 0,
    UsePersonAddress: false,
    ContactFax: c?.faxes[0]?.value ?? '',
    Kanafname: '',
    Kanalname: '',
    Post1: '',
    Post2: '',
    Post3: '',
    EmailName: p.emails[0]?.description ?? '',
    ContactFullName: c ? (c.department ? `${c.name} ${c.department}` : c.name) : '',
    ActiveErpLinks: 0,
    TicketPriorityId: 0,
    SupportLanguageId: 0,
    SupportAssociateId: 0,
    CategoryName: s.category(c?.categoryId ?? 0)?.value ?? '',
    PersonNumber: p.personNumber,
    TableRight: FULL_RIGHTS,
    FieldProperties: {},
  };
}

/** The slim `Sale` carrier of `/Sale/{id}/Simple`; note its different names (SaleDate, Title). */
export function saleCarrier(ctx: RenderContext, sale: SaleRec): Json {
  const s = ctx.store;
  const c = s.contacts.get(sale.contactId);
  const p = s.persons.get(sale.personId);
  const type = s.saleType(sale.saleTypeId);
  return {
    ContactName: c?.name ?? '',
    SaleDate: formatDate(sale.saledate, ctx.dates),
    SaleId: sale.id,
    Probability: sale.probability,
    Title: sale.heading,
    Amount: sale.amount,
    Currency: s.currency(sale.currencyId)?.name ?? '',
    ProjectName: '',
    AssociateFullName: assocFullName(s.associate(sale.associateId)),
    Description: sale.saleText,
    Status: sale.status,
    WeightedAmount: (sale.amount * sale.probability) / 100,
    ProjectId: 0,
    EarningPercent: sale.earningPercent,
    Earning: sale.earning,
    ContactId: sale.contactId,
    AssociateId: sale.associateId,
    PersonId: sale.personId,
    SaleTypeId: sale.saleTypeId,
    SaleTypeName: type?.name ?? '',
    PersonFullName: p ? fullName(p) : '',
    Completed: sale.completed,
    ActiveErpLinks: 0,
    NextDueDate: formatDate(sale.nextDueDate, ctx.dates),
    Number: sale.number,
    TableRight: FULL_RIGHTS,
    FieldProperties: {},
  };
}
