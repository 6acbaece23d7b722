import { SoError } from './errors';
import type { StakeholdersWithoutSaleType } from './options';
import type { ContactRec, PersonRec, SaleRec, Store } from './store';

/**
 * Save rules. Only what the vendor notes and the Swagger state is enforced by default
 * (vendor notes §2, §4; open question 8): Contact.Name is mandatory; a Person's Contact must
 * exist (and is required only under `MandatoryContactOnPerson`); a Sale's Person must be
 * registered on the Sale's Contact (SaleEntity.Person in the spec); every sale needs a sale
 * type (the sale admin docs). References to list items and records must exist — an id the
 * tenant does not have is refused rather than stored.
 *
 * A map `{field: message}` is what `POST /{Entity}/Validate` answers; a save with problems
 * answers the error object with status `saveErrorStatus` (open question 2).
 */
export interface Rules {
  mandatoryFields: 'documented' | 'tenantFixture';
  mandatoryContactOnPerson: boolean;
  requireSaleType: boolean;
  stakeholdersWithoutSaleType: StakeholdersWithoutSaleType;
}

export type Problems = Record<string, string>;

/** An id a body named by Value/Name that the tenant doesn't have (see writes.ts). */
export const UNRESOLVED = -1;

export function validateContact(store: Store, c: ContactRec, rules: Rules): Problems {
  const problems: Problems = {};
  if (!c.name.trim()) problems.Name = 'Company name is mandatory';
  ref(problems, 'Associate', c.associateId, (id) => store.associate(id) !== undefined, 'Associate');
  ref(problems, 'Business', c.businessId, (id) => store.business(id) !== undefined, 'Business');
  ref(problems, 'Category', c.categoryId, (id) => store.category(id) !== undefined, 'Category');
  ref(problems, 'Country', c.countryId, (id) => store.country(id) !== undefined, 'Country');
  if (rules.mandatoryFields === 'tenantFixture') {
    if (!c.number2.trim()) problems.Number2 = 'Number is mandatory';
    if (c.businessId === 0) problems.Business = 'Business is mandatory';
    if (c.categoryId === 0) problems.Category = 'Category is mandatory';
  }
  return problems;
}

export function validatePerson(store: Store, p: PersonRec, rules: Rules): Problems {
  const problems: Problems = {};
  if (!p.firstname.trim() && !p.lastname.trim()) problems.Lastname = 'Person needs a first name or a last name';
  if (p.contactId === 0 && rules.mandatoryContactOnPerson) problems.Contact = 'Company is mandatory on a contact person';
  ref(problems, 'Contact', p.contactId, (id) => store.contacts.has(id), 'Contact');
  ref(problems, 'Position', p.positionId, (id) => store.position(id) !== undefined, 'Position');
  ref(problems, 'Country', p.countryId, (id) => store.country(id) !== undefined, 'Country');
  ref(problems, 'Associate', p.associateId, (id) => store.associate(id) !== undefined, 'Associate');
  return problems;
}

export function validateSale(store: Store, s: SaleRec, rules: Rules): Problems {
  const problems: Problems = {};
  if (!s.heading.trim()) problems.Heading = 'Sale heading is mandatory';
  ref(problems, 'Associate', s.associateId, (id) => store.associate(id) !== undefined, 'Associate');
  ref(problems, 'Contact', s.contactId, (id) => store.contacts.has(id), 'Contact');
  ref(problems, 'Currency', s.currencyId, (id) => store.currency(id) !== undefined, 'Currency');
  const type = store.saleType(s.saleTypeId);
  if (s.saleTypeId === 0) {
    if (rules.requireSaleType) problems.SaleType = 'Sale type is mandatory';
  } else if (!type || type.deleted) {
    problems.SaleType = `SaleType id ${s.saleTypeId} not found`;
  }
  if (s.stageId !== 0) {
    if (!store.stage(s.stageId)) problems.Rating = `Sale stage id ${s.stageId} not found`;
    else if (type && !type.stageIds.includes(s.stageId))
      problems.Rating = `Sale stage ${s.stageId} is not a stage of sale type ${type.id}`;
  }
  if (s.personId !== 0) {
    const person = store.persons.get(s.personId);
    if (!person) problems.Person = `Person id ${s.personId} not found`;
    else if (person.contactId !== s.contactId)
      problems.Person = `Person ${s.personId} is not a contact person of company ${s.contactId}`;
  }
  const stakeholders = stakeholderProblem(store, s, rules);
  if (stakeholders) problems.SaleStakeholders = stakeholders;
  if (!Number.isFinite(s.amount)) problems.Amount = 'Amount must be a number';
  if (s.probability < 0 || s.probability > 100) problems.Probability = 'Probability must be between 0 and 100';
  return problems;
}

/**
 * Stakeholders are existing persons, each once, without a role (the simulator's tenant has no
 * stakeholder roles), on a sale type that has stakeholders — unless the switch
 * `stakeholdersWithoutSaleType` says otherwise (undocumented; see the README).
 */
function stakeholderProblem(store: Store, s: SaleRec, rules: Rules): string | null {
  if (s.stakeholders.length === 0) return null;
  const type = store.saleType(s.saleTypeId);
  if (type && !type.hasStakeholders && rules.stakeholdersWithoutSaleType === 'refuse')
    return `Sale type ${type.id} (${type.name}) has no stakeholders`;
  const seen = new Set<number>();
  for (const st of s.stakeholders) {
    if (st.personId === 0) return 'A stakeholder needs a person';
    if (!store.persons.has(st.personId)) return `Person id ${st.personId} not found`;
    if (seen.has(st.personId)) return `Person ${st.personId} is a stakeholder twice`;
    if (st.roleId !== 0) return `Stakeholder role id ${st.roleId} not found`;
    seen.add(st.personId);
  }
  return null;
}

/** Throws the save error when there are problems. */
export function assertValid(entity: string, problems: Problems, status: 400 | 500): void {
  const entries = Object.entries(problems);
  if (entries.length === 0) return;
  const text = entries.map(([field, msg]) => `${field}: ${msg}`).join('; ');
  // ArgumentException: the type the official TS client's own 400 mock uses (vendor notes §4).
  throw new SoError(status, 'ArgumentException', `Cannot save ${entity}. ${text}`);
}

function ref(problems: Problems, field: string, id: number, exists: (id: number) => boolean, what: string): void {
  if (id === 0) return;
  if (id === UNRESOLVED) problems[field] = `${what} not found by name`;
  else if (!exists(id)) problems[field] = `${what} id ${id} not found`;
}
