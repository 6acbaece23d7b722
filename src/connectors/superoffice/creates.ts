import type { CallContext } from '../../core/call';
import type {
  CreateAccountCommand,
  CreateContactCommand,
  CreateOpportunityCommand,
  CreateResult,
  PlanResult,
} from '../../core/connector';
import { InputRejected, type UserError } from '../../core/errors';
import type { AccountRecord, ContactRecord, OpportunityRecord } from '../../core/records';
import {
  CONTACT_FIELDS,
  PERSON_FIELDS,
  SALE_FIELDS,
  streetLines,
  toSuperOfficeContactCreate,
  toSuperOfficePersonCreate,
  toSuperOfficeSaleCreate,
} from './bodies';
import { LIMITS, checkEach, checkLength, given } from './checks';
import { createPath, type SuperOfficeClient } from './client';
import type { SuperOfficeSourceConfig } from './config';
import { numericId } from './ids';
import { fromSuperOfficeContact, fromSuperOfficePerson, fromSuperOfficeSale } from './map';
import type { SuperOfficeReads } from './reads';
import type { SuperOfficeReference } from './reference';
import { resolveSalePerson, unlinkedWarning, type SalePerson } from './salePerson';
import { resolveSaleTarget, type SaleTarget } from './saleTarget';
import { superOfficeContactEntity, superOfficePersonEntity, superOfficeSaleEntity } from './wire';

/**
 * Creates with SuperOffice's own semantics (vendor notes §2): Account → `POST /Contact`,
 * Contact → `POST /Person` linked by `Contact: {ContactId}`, Opportunity → `POST /Sale`. Every
 * rule SuperOffice documents is checked before the POST — referenced records exist, a sale's
 * person works at the sale's company, a stage belongs to the sale type, column sizes — so input
 * it would refuse is answered with userErrors and nothing is written; a refused save that still
 * comes back is mapped onto the input fields too.
 */
export class SuperOfficeCreates {
  constructor(
    private readonly config: SuperOfficeSourceConfig,
    private readonly client: SuperOfficeClient,
    private readonly reference: SuperOfficeReference,
    private readonly reads: SuperOfficeReads,
  ) {}

  async createAccount(cmd: CreateAccountCommand, call: CallContext): Promise<CreateResult<AccountRecord>> {
    const body = await this.accountBody(cmd, call);
    const created = await this.client.create('Contact', body, superOfficeContactEntity, CONTACT_FIELDS, call);
    return { record: fromSuperOfficeContact(this.config.id, created), warnings: [] };
  }

  /** The `POST /Contact` body for `cmd` (checks, owner and country looked up), or InputRejected. */
  async accountBody(cmd: CreateAccountCommand, call: CallContext): Promise<Record<string, unknown>> {
    const errors: UserError[] = [];
    const name = cmd.name.trim();
    if (!name) errors.push({ field: ['name'], message: 'name cannot be empty', code: 'REQUIRED' });
    checkLength(errors, name, LIMITS.companyName, ['name']);
    checkEach(errors, cmd.emails, LIMITS.email, 'emails');
    checkEach(errors, cmd.phones, LIMITS.phone, 'phones');
    checkLength(errors, given(cmd.website), LIMITS.url, ['website']);
    checkAddress(cmd.address, errors);
    // Each lookup reports into its own list, so the answer lists problems in input order.
    const ownerErrors: UserError[] = [];
    const countryErrors: UserError[] = [];
    const [ownerId, countryId] = await Promise.all([
      this.owner(cmd.ownerId, ownerErrors, call),
      this.country(given(cmd.address?.country), countryErrors, call),
    ]);
    errors.push(...countryErrors, ...ownerErrors);
    if (errors.length > 0 || ownerId === null) throw new InputRejected(errors);
    return toSuperOfficeContactCreate(cmd, { ownerId, countryId });
  }

  /**
   * A person at a company mirrors the company's owner (PersonEntity.Associate is read-only with
   * `[SR_ACCESS_PERSONONCOMPANY]`, vendor notes §2), so an `ownerId` other than the company's is
   * a conflict; a person without a company gets the named or default owner.
   */
  async createContact(cmd: CreateContactCommand, call: CallContext): Promise<CreateResult<ContactRecord>> {
    const body = await this.personBody(cmd, call);
    const created = await this.client.create('Person', body, superOfficePersonEntity, PERSON_FIELDS, call);
    return { record: fromSuperOfficePerson(this.config.id, created), warnings: [] };
  }

  /** The `POST /Person` body for `cmd` (checks, company or owner looked up), or InputRejected. */
  async personBody(cmd: CreateContactCommand, call: CallContext): Promise<Record<string, unknown>> {
    const errors: UserError[] = [];
    if (!given(cmd.firstName) && !given(cmd.lastName)) {
      errors.push({
        field: ['lastName'],
        message: 'SuperOffice needs a first or a last name; both are empty',
        code: 'REQUIRED',
      });
    }
    checkLength(errors, given(cmd.firstName), LIMITS.firstName, ['firstName']);
    checkLength(errors, given(cmd.middleName), LIMITS.middleName, ['middleName']);
    checkLength(errors, given(cmd.lastName), LIMITS.lastName, ['lastName']);
    checkLength(errors, given(cmd.title), LIMITS.mrmrs, ['title']);
    checkLength(errors, given(cmd.jobTitle), LIMITS.jobTitle, ['jobTitle']);
    checkEach(errors, cmd.emails, LIMITS.email, 'emails');
    checkEach(errors, cmd.phones, LIMITS.phone, 'phones');
    const companyErrors: UserError[] = [];
    const ownerErrors: UserError[] = [];
    const [company, ownerId] = await Promise.all([
      cmd.accountId ? this.company(cmd.accountId, companyErrors, call) : null,
      cmd.accountId ? null : this.owner(cmd.ownerId, ownerErrors, call),
    ]);
    errors.push(...companyErrors, ...ownerErrors);
    if (company && cmd.ownerId && company.ownerId !== cmd.ownerId) {
      errors.push({
        field: ['ownerId'],
        message: `a person at a company has the company's owner in SuperOffice (user ${company.ownerId ?? 'none'} for "${company.name}"); leave ownerId out or name that user`,
        code: 'CONFLICT',
      });
    }
    if (errors.length > 0) throw new InputRejected(errors);
    return toSuperOfficePersonCreate(cmd, { accountId: company ? Number(company.remoteId) : null, ownerId });
  }

  /**
   * A sale in the chosen (or default) sale type at the chosen (or first) stage, in the named
   * (or base) currency, owned by the named (or default) associate. SuperOffice holds one Person
   * per sale, who must work at the sale's company; further contacts are reported as warnings.
   */
  async createOpportunity(cmd: CreateOpportunityCommand, call: CallContext): Promise<CreateResult<OpportunityRecord>> {
    const { body, target, person } = await this.saleDraft(cmd, call);
    const created = await this.client.create('Sale', body, superOfficeSaleEntity, SALE_FIELDS, call);
    const record = fromSuperOfficeSale(this.config.id, created, {
      currency: (id) => target.currencies.get(id) ?? null,
      stage: (id) => target.pipelines.flatMap((p) => p.stages).find((s) => s.remoteId === id) ?? null,
      formula: this.config.options.baseAmountFormula,
    });
    return { record, warnings: unlinkedWarning(person) };
  }

  /**
   * The `POST /Sale` body for `cmd` with what it was built from (the sale target, for mapping
   * the answer; the sale's person, for the warnings), or InputRejected naming every problem.
   */
  async saleDraft(
    cmd: CreateOpportunityCommand,
    call: CallContext,
  ): Promise<{ body: Record<string, unknown>; target: SaleTarget; person: SalePerson }> {
    const errors: UserError[] = [];
    const heading = cmd.name.trim();
    if (!heading) errors.push({ field: ['name'], message: 'name cannot be empty', code: 'REQUIRED' });
    checkLength(errors, heading, LIMITS.heading, ['name']);
    const amount = Number(cmd.value.amount);
    if (!Number.isFinite(amount))
      errors.push({
        field: ['value', 'amount'],
        message: `amount ${cmd.value.amount} is not a number`,
        code: 'INVALID',
      });
    const targetErrors: UserError[] = [];
    const companyErrors: UserError[] = [];
    const ownerErrors: UserError[] = [];
    const [target, ownerId, company, persons] = await Promise.all([
      resolveSaleTarget(cmd, this.reference, targetErrors, this.config.id, call),
      this.owner(cmd.ownerId, ownerErrors, call),
      cmd.accountId ? this.company(cmd.accountId, companyErrors, call) : null,
      cmd.contactIds.length > 0 ? this.reads.getPersons(cmd.contactIds, call) : [],
    ]);
    errors.push(...companyErrors, ...targetErrors, ...ownerErrors);

    const person = resolveSalePerson(cmd, persons, company, errors, this.config.id);
    if (errors.length > 0 || !target || ownerId === null) throw new InputRejected(errors);

    const body = toSuperOfficeSaleCreate({
      heading,
      closingDate: cmd.closingDate,
      amount,
      currencyId: target.currencyId,
      saleTypeId: Number(target.pipeline.remoteId),
      ratingId: target.ratingId,
      probability: cmd.probability ?? target.stage.probability ?? 0,
      ownerId,
      companyId: person.companyId,
      personId: person.primary ? Number(person.primary.remoteId) : null,
      description: cmd.description,
    });
    return { body, target, person };
  }

  /*
   * Dry runs: each create is one POST (the company, the person, the sale), built and checked by
   * the same builder as the create, reads included; nothing is written. Every reference in the
   * body is an existing record's id, so nothing in it waits for an id SuperOffice would assign.
   */
  async planAccount(cmd: CreateAccountCommand, call: CallContext): Promise<PlanResult> {
    return planned('Contact', await this.accountBody(cmd, call));
  }

  async planContact(cmd: CreateContactCommand, call: CallContext): Promise<PlanResult> {
    return planned('Person', await this.personBody(cmd, call));
  }

  /** The sale's POST, with the same warnings the create gives (contacts a sale cannot hold). */
  async planOpportunity(cmd: CreateOpportunityCommand, call: CallContext): Promise<PlanResult> {
    const { body, person } = await this.saleDraft(cmd, call);
    return planned('Sale', body, unlinkedWarning(person));
  }

  /** The owner to write: the named associate (which must exist) or the default owner. */
  private async owner(named: string | undefined, errors: UserError[], call: CallContext): Promise<number | null> {
    if (named === undefined) return this.reference.defaultOwnerId(call);
    const id = numericId(named);
    const users = await this.reference.users(call);
    if (id !== null && users.some((u) => u.remoteId === String(id))) return id;
    errors.push({ field: ['ownerId'], message: `no user ${named} in source "${this.config.id}"`, code: 'NOT_FOUND' });
    return null;
  }

  /** The company (SuperOffice Contact) an input links to, which must exist. */
  private async company(accountId: string, errors: UserError[], call: CallContext): Promise<AccountRecord | null> {
    const [found] = numericId(accountId) !== null ? await this.reads.getCompanies([accountId], call) : [null];
    if (!found)
      errors.push({
        field: ['accountId'],
        message: `no account ${accountId} in source "${this.config.id}"`,
        code: 'NOT_FOUND',
      });
    return found ?? null;
  }

  /** The country of an address, by its name in the tenant's country list (`MDOList/country`). */
  private async country(name: string | undefined, errors: UserError[], call: CallContext): Promise<number | null> {
    if (!name) return null;
    const countries = await this.reference.countries(call);
    const hit = countries.find((c) => (c.Name ?? '').toLowerCase() === name.toLowerCase());
    if (hit) return hit.Id;
    const known = countries
      .slice(0, 8)
      .map((c) => c.Name)
      .join(', ');
    errors.push({
      field: ['address', 'country'],
      message: `SuperOffice has no country "${name}" (it has ${known}${countries.length > 8 ? ', …' : ''})`,
      code: 'NOT_FOUND',
    });
    return null;
  }
}

/** The one POST a create sends, on the path `client.create` uses. */
function planned(
  entity: 'Contact' | 'Person' | 'Sale',
  body: Record<string, unknown>,
  warnings: string[] = [],
): PlanResult {
  return { requests: [{ method: 'POST', path: createPath(entity), body }], warnings };
}

/** Address parts against SuperOffice's address columns: three street lines, short state and zip code. */
function checkAddress(address: CreateAccountCommand['address'], errors: UserError[]): void {
  if (!address) return;
  const lines = streetLines(address.street);
  if (lines.length > LIMITS.addressLines) {
    errors.push({
      field: ['address', 'street'],
      message: `SuperOffice keeps ${LIMITS.addressLines} street lines, got ${lines.length}`,
      code: 'INVALID',
    });
  }
  lines.forEach((l) => checkLength(errors, l, LIMITS.addressLine, ['address', 'street']));
  checkLength(errors, given(address.city), LIMITS.city, ['address', 'city']);
  checkLength(errors, given(address.state), LIMITS.state, ['address', 'state']);
  checkLength(errors, given(address.postalCode), LIMITS.zipcode, ['address', 'postalCode']);
}
