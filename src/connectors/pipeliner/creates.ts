import type { CallContext } from '../../core/call';
import type {
  CreateAccountCommand,
  CreateContactCommand,
  CreateOpportunityCommand,
  CreateResult,
  PlanResult,
} from '../../core/connector';
import { InputRejected, type UserError } from '../../core/errors';
import type { AccountRecord, ContactRecord, CurrencyRecord, OpportunityRecord, StageRecord } from '../../core/records';
import type { PipelinerClient } from './client';
import type { PipelinerSourceConfig } from './config';
import type { FieldMap } from './errors';
import { fromPipelinerAccount, fromPipelinerContact } from './map';
import type { PipelinerReads } from './reads';
import type { PipelinerReference } from './reference';
import { pipelinerAccount, pipelinerContact, pipelinerOpportunity } from './wire';

/** Pipeliner keeps five e-mail and five phone slots per record (`email1`…`email5`). */
const SLOTS = 5;

/**
 * Creates with Pipeliner's own semantics (vendor notes §3, seeds "Create Contact" and "Create
 * Opportunity"). Every documented rule is checked before the POST, so input Pipeliner would
 * refuse is answered with userErrors and nothing is written; a 422 that still comes back is
 * mapped onto the input fields too.
 */
export class PipelinerCreates {
  constructor(
    private readonly config: PipelinerSourceConfig,
    private readonly client: PipelinerClient,
    private readonly reference: PipelinerReference,
    private readonly reads: PipelinerReads,
  ) {}

  async createAccount(cmd: CreateAccountCommand, call: CallContext): Promise<CreateResult<AccountRecord>> {
    const body = await this.accountBody(cmd, call);
    const created = await this.client.create('Accounts', pipelinerAccount, body, ACCOUNT_FIELDS, call);
    return { record: fromPipelinerAccount(this.config.id, created), warnings: [] };
  }

  /** The `createAccountInput` body for `cmd`, or InputRejected naming every problem. */
  async accountBody(cmd: CreateAccountCommand, call: CallContext): Promise<Record<string, unknown>> {
    const errors: UserError[] = [];
    if (!cmd.name.trim()) errors.push({ field: ['name'], message: 'name cannot be empty', code: 'REQUIRED' });
    checkSlots(cmd, errors);
    const ownerId = await this.owner(cmd.ownerId, errors, call);
    if (errors.length > 0 || !ownerId) throw new InputRejected(errors);
    const a = cmd.address;
    return withoutEmpty({
      name: cmd.name.trim(),
      owner_id: ownerId,
      ...slotFields('email', cmd.emails),
      ...slotFields('phone', cmd.phones),
      home_page: cmd.website,
      address: a?.street,
      city: a?.city,
      state_province: a?.state,
      zip_code: a?.postalCode,
      country: a?.country,
    });
  }

  /**
   * A contact linked to its account through one primary `account_relations` item, the job
   * title as `account_position`; unlinked, the job title goes to `position` (seed "Create
   * Contact": Quick Account Position). The unit follows from the owner on Pipeliner's side.
   */
  async createContact(cmd: CreateContactCommand, call: CallContext): Promise<CreateResult<ContactRecord>> {
    const body = await this.contactBody(cmd, call);
    const created = await this.client.create('Contacts', pipelinerContact, body, CONTACT_FIELDS, call);
    return { record: fromPipelinerContact(this.config.id, created), warnings: [] };
  }

  /** The `createContactInput` body for `cmd`, or InputRejected naming every problem. */
  async contactBody(cmd: CreateContactCommand, call: CallContext): Promise<Record<string, unknown>> {
    const errors: UserError[] = [];
    if (!cmd.firstName?.trim() && !cmd.lastName?.trim()) {
      errors.push({ field: ['lastName'], message: 'Pipeliner needs a first or a last name; both are empty', code: 'REQUIRED' });
    }
    checkSlots(cmd, errors);
    const [ownerId, account] = await Promise.all([
      this.owner(cmd.ownerId, errors, call),
      cmd.accountId ? this.client.get('Accounts', pipelinerAccount, cmd.accountId, [], call) : null,
    ]);
    if (cmd.accountId && !account) {
      errors.push({ field: ['accountId'], message: `no account ${cmd.accountId} in source "${this.config.id}"`, code: 'NOT_FOUND' });
    }
    if (errors.length > 0 || !ownerId) throw new InputRejected(errors);
    return withoutEmpty({
      owner_id: ownerId,
      first_name: cmd.firstName?.trim(),
      middle_name: cmd.middleName?.trim(),
      last_name: cmd.lastName?.trim(),
      title: cmd.title,
      ...slotFields('email', cmd.emails),
      ...slotFields('phone', cmd.phones),
      ...(cmd.accountId
        ? { account_relations: [{ account_id: cmd.accountId, is_primary: true }], account_position: cmd.jobTitle }
        : { position: cmd.jobTitle }),
    });
  }

  /**
   * An opportunity in the first step of the chosen (or default) pipeline, in the base currency
   * unless another is named, with one primary account and exactly one primary contact among
   * its contacts (seed "Create Opportunity"). `value` carries all three fields the spec
   * requires, the base value computed with the exchange-rate list in force.
   */
  async createOpportunity(cmd: CreateOpportunityCommand, call: CallContext): Promise<CreateResult<OpportunityRecord>> {
    const { body, currencies, pipelines, primaryContact } = await this.opportunityDraft(cmd, call);
    const created = await this.client.create('Opportunities', pipelinerOpportunity, body, OPPORTUNITY_FIELDS, call);
    const record = this.reads.toOpportunity(created, {
      codes: new Map(currencies.map((c) => [c.remoteId, c.code])),
      stages: new Map(pipelines.flatMap((p) => p.stages).map((s) => [s.remoteId, s])),
    });
    // The answer lists relation rows as URLs; the contacts are those Pipeliner just accepted.
    const ordered = primaryContact ? [primaryContact, ...cmd.contactIds.filter((id) => id !== primaryContact)] : [];
    return {
      record: {
        ...record,
        accountId: record.accountId ?? cmd.accountId ?? null,
        primaryContactId: record.primaryContactId ?? primaryContact ?? null,
        contactIds: ordered,
      },
      warnings: [],
    };
  }

  /** The `createOpportunityInput` body for `cmd` with what it was built from, or InputRejected. */
  async opportunityDraft(cmd: CreateOpportunityCommand, call: CallContext) {
    const errors: UserError[] = [];
    if (!cmd.name.trim()) errors.push({ field: ['name'], message: 'name cannot be empty', code: 'REQUIRED' });
    if (cmd.probability !== undefined) {
      errors.push({
        field: ['probability'],
        message: 'Pipeliner keeps no probability per opportunity; it follows the stage (step percent)',
        code: 'UNSUPPORTED',
      });
    }
    const [ownerId, pipelines, currencies, account, contacts] = await Promise.all([
      this.owner(cmd.ownerId, errors, call),
      this.reference.pipelines(call),
      this.reference.currencies(call),
      cmd.accountId ? this.client.get('Accounts', pipelinerAccount, cmd.accountId, [], call) : null,
      Promise.all(cmd.contactIds.map((id) => this.client.get('Contacts', pipelinerContact, id, [], call))),
    ]);
    const stage = this.stageFor(cmd, pipelines, errors);
    const currency = currencyFor(cmd, currencies, errors);
    if (cmd.accountId && !account) {
      errors.push({ field: ['accountId'], message: `no account ${cmd.accountId} in source "${this.config.id}"`, code: 'NOT_FOUND' });
    }
    contacts.forEach((c, i) => {
      if (!c) errors.push({ field: ['contactIds', String(i)], message: `no contact ${cmd.contactIds[i]} in source "${this.config.id}"`, code: 'NOT_FOUND' });
    });
    if (errors.length > 0 || !ownerId || !stage || !currency) throw new InputRejected(errors);

    const amount = Number(cmd.value.amount);
    const rate = currency.isBase ? 1 : (currency.exchangeRate as number);
    const primaryContact = cmd.primaryContactId ?? cmd.contactIds[0];
    const body = withoutEmpty({
      name: cmd.name.trim(),
      owner_id: ownerId,
      step_id: stage.remoteId,
      closing_date: cmd.closingDate,
      value: { base_value: round2(amount / rate), currency_id: currency.remoteId, value_foreign: amount },
      description: cmd.description,
      account_relations: cmd.accountId ? [{ account_id: cmd.accountId, is_primary: true }] : undefined,
      contact_relations:
        cmd.contactIds.length > 0
          ? cmd.contactIds.map((id) => ({ contact_id: id, is_primary: id === primaryContact }))
          : undefined,
    });
    return { body, currencies, pipelines, primaryContact };
  }

  /** Dry runs: the request each create would send (vendor notes §3), checked the same way. */
  async planAccount(cmd: CreateAccountCommand, call: CallContext): Promise<PlanResult> {
    return planned('/entities/Accounts', await this.accountBody(cmd, call));
  }

  async planContact(cmd: CreateContactCommand, call: CallContext): Promise<PlanResult> {
    return planned('/entities/Contacts', await this.contactBody(cmd, call));
  }

  async planOpportunity(cmd: CreateOpportunityCommand, call: CallContext): Promise<PlanResult> {
    return planned('/entities/Opportunities', (await this.opportunityDraft(cmd, call)).body);
  }

  /** The owner id to send: the named client (which must exist) or the default owner. */
  private async owner(named: string | undefined, errors: UserError[], call: CallContext): Promise<string | null> {
    if (named) {
      const clients = await this.reference.clients(call);
      if (clients.some((c) => c.id === named)) return named;
      errors.push({ field: ['ownerId'], message: `no user ${named} in source "${this.config.id}"`, code: 'NOT_FOUND' });
      return null;
    }
    const owner = await this.reference.defaultOwner(this.config.options.defaultOwnerId, call);
    if (owner) return owner.id;
    errors.push({
      field: ['ownerId'],
      message: `source "${this.config.id}" has no default owner (configured owner missing or no active user); pass ownerId`,
      code: 'REQUIRED',
    });
    return null;
  }

  /** The step: the named one (in the named pipeline, if any), else the pipeline's first. */
  private stageFor(
    cmd: CreateOpportunityCommand,
    pipelines: Awaited<ReturnType<PipelinerReference['pipelines']>>,
    errors: UserError[],
  ): StageRecord | null {
    const pipelineId = cmd.pipelineId ?? this.config.options.defaultPipelineId;
    const pipeline = pipelineId ? pipelines.find((p) => p.remoteId === pipelineId) : pipelines[0];
    if (!pipeline) {
      errors.push({
        field: ['pipelineId'],
        message: pipelineId ? `no pipeline ${pipelineId} in source "${this.config.id}"` : `source "${this.config.id}" has no pipeline`,
        code: 'NOT_FOUND',
      });
      return null;
    }
    if (!cmd.stageId) {
      const first = pipeline.stages[0];
      if (!first) errors.push({ field: ['pipelineId'], message: `pipeline "${pipeline.name}" has no stages`, code: 'INVALID' });
      return first ?? null;
    }
    const stage = pipelines.flatMap((p) => p.stages).find((s) => s.remoteId === cmd.stageId);
    if (!stage) {
      errors.push({ field: ['stageId'], message: `no stage ${cmd.stageId} in source "${this.config.id}"`, code: 'NOT_FOUND' });
      return null;
    }
    if (cmd.pipelineId && stage.pipelineId !== cmd.pipelineId) {
      errors.push({
        field: ['stageId'],
        message: `stage "${stage.name}" belongs to another pipeline than pipeline "${pipeline.name}"`,
        code: 'CONFLICT',
      });
      return null;
    }
    return stage;
  }
}

function planned(path: string, body: Record<string, unknown>): PlanResult {
  return { requests: [{ method: 'POST', path, body }], warnings: [] };
}

function currencyFor(cmd: CreateOpportunityCommand, currencies: CurrencyRecord[], errors: UserError[]): CurrencyRecord | null {
  const code = cmd.value.currencyCode;
  const currency = code ? currencies.find((c) => c.code.toUpperCase() === code) : currencies.find((c) => c.isBase);
  if (!currency) {
    const known = currencies.map((c) => c.code).join(', ');
    errors.push({
      field: ['value', 'currencyCode'],
      message: code ? `currency ${code} is not set up in this source (it has ${known})` : 'this source has no base currency',
      code: 'NOT_FOUND',
    });
    return null;
  }
  if (!currency.isBase && !(currency.exchangeRate && currency.exchangeRate > 0)) {
    errors.push({ field: ['value', 'currencyCode'], message: `currency ${currency.code} has no exchange rate in force`, code: 'INVALID' });
    return null;
  }
  return currency;
}

function checkSlots(cmd: { emails: string[]; phones: string[] }, errors: UserError[]): void {
  if (cmd.emails.length > SLOTS) {
    errors.push({ field: ['emails'], message: `Pipeliner keeps at most ${SLOTS} e-mail addresses, got ${cmd.emails.length}`, code: 'INVALID' });
  }
  if (cmd.phones.length > SLOTS) {
    errors.push({ field: ['phones'], message: `Pipeliner keeps at most ${SLOTS} phone numbers, got ${cmd.phones.length}`, code: 'INVALID' });
  }
}

function slotFields(prefix: 'email' | 'phone', values: string[]): Record<string, string> {
  return Object.fromEntries(values.slice(0, SLOTS).map((v, i) => [`${prefix}${i + 1}`, v]));
}

/** Leaves out absent and empty values: Pipeliner reads a missing field as "not set". */
function withoutEmpty(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function slotMap(prefix: 'email' | 'phone', field: string): FieldMap {
  return Object.fromEntries(Array.from({ length: SLOTS }, (_, i) => [`${prefix}${i + 1}`, [field, String(i)]]));
}

/** Pipeliner api_name → unified input field, for mapping a 422's `field_errors`. */
export const ACCOUNT_FIELDS: FieldMap = {
  name: ['name'],
  owner_id: ['ownerId'],
  home_page: ['website'],
  address: ['address', 'street'],
  city: ['address', 'city'],
  state_province: ['address', 'state'],
  zip_code: ['address', 'postalCode'],
  country: ['address', 'country'],
  ...slotMap('email', 'emails'),
  ...slotMap('phone', 'phones'),
};

export const CONTACT_FIELDS: FieldMap = {
  owner_id: ['ownerId'],
  first_name: ['firstName'],
  middle_name: ['middleName'],
  last_name: ['lastName'],
  title: ['title'],
  position: ['jobTitle'],
  account_position: ['jobTitle'],
  account_relations: ['accountId'],
  ...slotMap('email', 'emails'),
  ...slotMap('phone', 'phones'),
};

const OPPORTUNITY_FIELDS: FieldMap = {
  name: ['name'],
  owner_id: ['ownerId'],
  step_id: ['stageId'],
  closing_date: ['closingDate'],
  value: ['value', 'amount'],
  description: ['description'],
  account_relations: ['accountId'],
  contact_relations: ['primaryContactId'],
};
