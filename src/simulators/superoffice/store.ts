/**
 * The simulator's in-memory tenant. Records are SuperOffice's own tables in spirit (contact,
 * person, sale, associate, currency, prob = sale stages, saletype), never the wire shapes:
 * entities.ts renders them, writes.ts reads request bodies into them.
 */

export interface ElementRec {
  value: string;
  description: string;
}

export interface StructuredAddressRec {
  address1: string;
  address2: string;
  address3: string;
  city: string;
  county: string;
  state: string;
  zipcode: string;
}

export interface AddressRec {
  street: StructuredAddressRec;
  postal: StructuredAddressRec;
  latitude: number;
  longitude: number;
}

export interface ListItemRec {
  id: number;
  value: string;
  tooltip: string;
  rank: number;
  deleted: boolean;
}

export type CategoryGroup = 'Unknown' | 'Customer' | 'PotentialCustomer' | 'Partner' | 'Lost' | 'Other';

export interface CategoryRec extends ListItemRec {
  group: CategoryGroup;
}

export interface CountryRec {
  id: number;
  name: string;
  englishName: string;
  iso2: string;
  iso3: string;
  currencyId: number;
  dialInPrefix: string;
  orgNrText: string;
  rank: number;
}

export type AssociateType = 'InternalAssociate' | 'ResourceAssociate' | 'ExternalAssociate' | 'SystemAssociate';

export interface AssociateRec {
  id: number;
  /** Initials; the carrier's `Name` and the archive display value of associate columns. */
  initials: string;
  firstName: string;
  lastName: string;
  personId: number;
  type: AssociateType;
  groupIdx: number;
  userName: string;
  email: string;
  deleted: boolean;
  rank: number;
}

export interface CurrencyRec {
  id: number;
  name: string;
  tooltip: string;
  rank: number;
  rate: number;
  units: number;
  deleted: boolean;
}

/** A sale stage: DB table `prob`, REST list `Rating` (vendor notes §2 "Pipeline"). */
export interface StageRec {
  id: number;
  name: string;
  tooltip: string;
  probability: number;
  rank: number;
  deleted: boolean;
}

export interface SaleTypeRec {
  id: number;
  name: string;
  tooltip: string;
  rank: number;
  /** The stages selected for this type, in pipeline order. */
  stageIds: number[];
  saleDuration: number;
  durationUnit: 'Day' | 'Week' | 'Month';
  deleted: boolean;
  /** `SaleTypeEntity.HasStakeholders`: sales of this type carry `SaleStakeholders`. */
  hasStakeholders: boolean;
}

/** A sale stakeholder (table salestakeholder): a person with a role on a sale. */
export interface StakeholderRec {
  /** 0 until the sale is saved. */
  id: number;
  personId: number;
  /** 0 = no role (the simulator's tenant has no stakeholder roles). */
  roleId: number;
  comment: string;
}

export interface ContactRec {
  id: number;
  name: string;
  department: string;
  orgNr: string;
  /** "code" in the archive. */
  number1: string;
  /** "number" in the archive; /default pre-fills the next one. */
  number2: string;
  description: string;
  associateId: number;
  businessId: number;
  categoryId: number;
  countryId: number;
  emails: ElementRec[];
  phones: ElementRec[];
  faxes: ElementRec[];
  urls: ElementRec[];
  address: AddressRec;
  noMailing: boolean;
  xstop: boolean;
  isOwner: boolean;
  createdDate: number | null;
  updatedDate: number | null;
  createdById: number;
  updatedById: number;
  customFields: Record<string, string>;
}

export interface PersonRec {
  id: number;
  /** 0 = a person without a company. */
  contactId: number;
  firstname: string;
  middleName: string;
  lastname: string;
  mrmrs: string;
  /** Free-text job title ("Title"), unlike the Position list. */
  title: string;
  positionId: number;
  description: string;
  personNumber: string;
  salutation: string;
  emails: ElementRec[];
  officePhones: ElementRec[];
  mobilePhones: ElementRec[];
  privatePhones: ElementRec[];
  otherPhones: ElementRec[];
  faxes: ElementRec[];
  urls: ElementRec[];
  birthDate: number | null;
  retired: boolean;
  /** The person's own owner; usually 0 (the company's owner applies). */
  associateId: number;
  countryId: number;
  noMailing: boolean;
  createdDate: number | null;
  updatedDate: number | null;
  createdById: number;
  updatedById: number;
  customFields: Record<string, string>;
}

export type SaleStatus = 'Open' | 'Sold' | 'Lost' | 'Stalled';

export interface SaleRec {
  id: number;
  heading: string;
  /** 0 = no company. */
  contactId: number;
  /** 0 = no person. */
  personId: number;
  associateId: number;
  currencyId: number;
  saleTypeId: number;
  /** The Rating (sale stage) id. */
  stageId: number;
  probability: number;
  status: SaleStatus;
  saledate: number | null;
  amount: number;
  earning: number;
  earningPercent: number;
  number: string;
  saleText: string;
  postit: string;
  completed: 'NotStarted' | 'Started' | 'Completed';
  nextDueDate: number | null;
  reopenDate: number | null;
  createdDate: number | null;
  updatedDate: number | null;
  createdById: number;
  updatedById: number;
  customFields: Record<string, string>;
  /** In the order given (`Rank` 1, 2, …). */
  stakeholders: StakeholderRec[];
}

/** Reference lists of the tenant. */
export interface ListsRec {
  businesses: ListItemRec[];
  categories: CategoryRec[];
  positions: ListItemRec[];
  countries: CountryRec[];
  currencies: CurrencyRec[];
  stages: StageRec[];
  saleTypes: SaleTypeRec[];
  associates: AssociateRec[];
}

/** Tenant preferences that drive `/default` (vendor notes §2 "Creating"). */
export interface PreferencesRec {
  currentAssociateId: number;
  baseCurrencyId: number;
  defaultCountryId: number;
  defaultBusinessId: number;
  defaultCategoryId: number;
  defaultSaleTypeId: number;
}

export class Store {
  readonly contacts = new Map<number, ContactRec>();
  readonly persons = new Map<number, PersonRec>();
  readonly sales = new Map<number, SaleRec>();
  private nextIds = { contact: 1, person: 1, sale: 1, stakeholder: 1 };

  constructor(
    readonly lists: ListsRec,
    readonly prefs: PreferencesRec,
  ) {}

  // --- ids ---------------------------------------------------------------

  newContactId(): number {
    return this.nextIds.contact++;
  }
  newPersonId(): number {
    return this.nextIds.person++;
  }
  newSaleId(): number {
    return this.nextIds.sale++;
  }
  /** The Number2 a new company gets, like the tenant's counter. */
  nextContactNumber(): string {
    return String(10000 + this.nextIds.contact);
  }
  nextPersonNumber(): string {
    return String(20000 + this.nextIds.person);
  }
  nextSaleNumber(): string {
    return String(30000 + this.nextIds.sale);
  }

  // --- writes (validation happens before these) ---------------------------

  putContact(rec: ContactRec): void {
    this.contacts.set(rec.id, rec);
    this.nextIds.contact = Math.max(this.nextIds.contact, rec.id + 1);
  }
  putPerson(rec: PersonRec): void {
    this.persons.set(rec.id, rec);
    this.nextIds.person = Math.max(this.nextIds.person, rec.id + 1);
  }
  putSale(rec: SaleRec): void {
    for (const st of rec.stakeholders) if (st.id === 0) st.id = this.nextIds.stakeholder++;
    this.sales.set(rec.id, rec);
    this.nextIds.sale = Math.max(this.nextIds.sale, rec.id + 1);
  }

  /**
   * Deleting a company deletes its persons and sales, as SuperOffice's company delete does
   * (the client asks to confirm exactly that); it is the simplest state that keeps every
   * sale's company real.
   */
  deleteContact(id: number): void {
    this.contacts.delete(id);
    for (const p of [...this.persons.values()]) if (p.contactId === id) this.deletePerson(p.id);
    for (const s of [...this.sales.values()]) if (s.contactId === id) this.sales.delete(s.id);
  }

  /** A deleted person's sales keep their company and lose the person, as its stakeholder too. */
  deletePerson(id: number): void {
    this.persons.delete(id);
    for (const s of this.sales.values()) {
      if (s.personId === id) s.personId = 0;
      s.stakeholders = s.stakeholders.filter((st) => st.personId !== id);
    }
  }

  deleteSale(id: number): void {
    this.sales.delete(id);
  }

  // --- lookups -------------------------------------------------------------

  associate(id: number): AssociateRec | undefined {
    return this.lists.associates.find((a) => a.id === id);
  }
  currency(id: number): CurrencyRec | undefined {
    return this.lists.currencies.find((c) => c.id === id);
  }
  stage(id: number): StageRec | undefined {
    return this.lists.stages.find((s) => s.id === id);
  }
  saleType(id: number): SaleTypeRec | undefined {
    return this.lists.saleTypes.find((t) => t.id === id);
  }
  business(id: number): ListItemRec | undefined {
    return this.lists.businesses.find((b) => b.id === id);
  }
  category(id: number): CategoryRec | undefined {
    return this.lists.categories.find((c) => c.id === id);
  }
  position(id: number): ListItemRec | undefined {
    return this.lists.positions.find((p) => p.id === id);
  }
  country(id: number): CountryRec | undefined {
    return this.lists.countries.find((c) => c.id === id);
  }
  personsOf(contactId: number): PersonRec[] {
    return [...this.persons.values()].filter((p) => p.contactId === contactId);
  }
  associateOfPerson(personId: number): AssociateRec | undefined {
    return this.lists.associates.find((a) => a.personId === personId);
  }
  baseCurrency(): CurrencyRec {
    const c = this.currency(this.prefs.baseCurrencyId);
    if (!c) throw new Error('base currency missing from the seed');
    return c;
  }
}
