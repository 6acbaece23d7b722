import { rateFor, roundMoney } from './currency';
import type { EntityDef } from './entities';
import { CODE, invalidParameter, type ValidationErrors } from './errors';
import { planRates, planSteps } from './nested';
import {
  clearOtherPrimaries,
  CONTACT_ACCOUNT_RELATIONS,
  OPPTY_ACCOUNT_RELATIONS,
  OPPTY_CONTACT_RELATIONS,
  planRelationArray,
  primaryRelationAfter,
  type NestedContext,
  type NestedPlan,
} from './relations';
import { saveRow } from './rows';
import { isUuid } from './ids';
import type { Row } from './store';
import { isPlainObject, VALIDATION_LEVEL, type Body } from './validation';

/**
 * What each entity adds to the generic write: defaults the server fills in, values it derives,
 * and nested arrays it turns into rows of other entities (vendor notes §3, checklist 7–10).
 */

export interface WriteContext extends NestedContext {
  validationLevel: number;
}

export interface HookArgs {
  ctx: WriteContext;
  def: EntityDef;
  /** The row being built (existing values merged with the body's plain fields). */
  row: Record<string, unknown>;
  body: Body;
  existing: Row | undefined;
  errs: ValidationErrors;
}

export interface EntityHooks {
  /** Body fields the entity handles itself instead of the generic coercion. */
  own?: string[];
  /** Fills defaults, derives values and plans nested rows; problems go to `errs`. */
  prepare?(a: HookArgs): NestedPlan[];
  /** Runs inside the write's unit of work, after the row and its plans are stored. */
  afterSave?(ctx: WriteContext, def: EntityDef, saved: Row): void;
}

/** Vendor notes §3.1/§3.3: without `unit_id` the server uses the owner's default unit. */
function defaultUnitFromOwner({ ctx, row }: HookArgs): void {
  if (row['unit_id'] !== null && row['unit_id'] !== undefined) return;
  const ownerId = row['owner_id'];
  const owner = typeof ownerId === 'string' ? ctx.store.live('Clients', ownerId) : undefined;
  if (owner && typeof owner['default_unit_id'] === 'string') row['unit_id'] = owner['default_unit_id'];
}

function prepareContact(a: HookArgs): NestedPlan[] {
  const { ctx, row, body, errs } = a;
  defaultUnitFromOwner(a);
  // Create-contact tutorial (notes §3.1): at least one of first_name / last_name.
  if (!row['first_name'] && !row['last_name']) {
    const message = "At least one of fields 'first_name', 'last_name' must be filled.";
    errs.add('first_name', CODE.PARAMETER_MISSING, 'ERROR_PARAMETER_MISSING', message);
    errs.add('last_name', CODE.PARAMETER_MISSING, 'ERROR_PARAMETER_MISSING', message, null);
  }
  const plans: NestedPlan[] = [];
  const relations =
    'account_relations' in body
      ? planRelationArray(ctx, CONTACT_ACCOUNT_RELATIONS, String(row['id']), body['account_relations'], errs)
      : null;
  if (relations) plans.push(relations);

  // `account_position` is the job title at the primary account, else the quick position.
  if ('account_position' in body) {
    const position = body['account_position'] ?? '';
    if (typeof position !== 'string') {
      errs.invalid('account_position', "Value of field 'account_position' must be a string.");
    } else {
      const primary = primaryRelationAfter(ctx.store, CONTACT_ACCOUNT_RELATIONS, String(row['id']), relations);
      if (!primary) {
        row['position'] = position;
      } else if (relations && relations.rows.includes(primary)) {
        primary['position'] = position;
      } else {
        plans.push({
          apply: () => void saveRow(ctx.store, 'ContactAccountRelations', { ...primary, position }, ctx.now),
        });
      }
    }
  }
  return plans;
}

/** Opportunity `value`: base and foreign amounts kept consistent through the rate in force. */
function prepareValue({ ctx, row, body, existing, errs }: HookArgs): void {
  const given = body['value'];
  // Required on every write: left out of a PATCH it stays, sent as null it is refused as on POST.
  if (given === undefined || given === null) {
    if (!existing || given === null) errs.missing('value');
    return;
  }
  if (!isPlainObject(given)) {
    errs.invalid('value', "Value of field 'value' must be an object.");
    return;
  }
  for (const key of Object.keys(given)) {
    if (!['base_value', 'currency_id', 'value_foreign'].includes(key)) {
      throw invalidParameter(`Unknown field '${key}' in Opportunity.value.`);
    }
  }
  const stored = existing?.['value'];
  const prev = isPlainObject(stored) ? stored : undefined;
  const currencyId = given['currency_id'] ?? prev?.['currency_id'];
  const base = given['base_value'];
  const foreign = given['value_foreign'];
  for (const [name, v] of [
    ['base_value', base],
    ['value_foreign', foreign],
  ] as const) {
    if (v !== undefined && v !== null && (typeof v !== 'number' || !Number.isFinite(v))) {
      errs.invalid('value', `Value of field 'value.${name}' must be a number.`);
      return;
    }
  }
  if (currencyId === undefined || currencyId === null || currencyId === '') {
    errs.add('value', CODE.PARAMETER_MISSING, 'ERROR_PARAMETER_MISSING', errs.missingMessage('value.currency_id'));
    return;
  }
  if (!isUuid(currencyId)) {
    errs.invalid('value', "Value of field 'value.currency_id' must be a UUID.");
    return;
  }
  const currency = ctx.store.live('Currencies', currencyId.toLowerCase());
  if (!currency) {
    errs.invalid('value', `Currency with id '${currencyId}' not found.`);
    return;
  }
  const rate = rateFor(ctx.store, currency.id, ctx.now);
  if (!rate) {
    errs.invalid(
      'value',
      `No exchange rate for currency '${String(currency['code'])}' in the exchange rates list in force.`,
    );
    return;
  }
  // The docs: give the base or the foreign value and the server computes the other. Given
  // both, the foreign amount (what the salesperson typed, in that currency) wins.
  let baseValue: number;
  let foreignValue: number;
  if (typeof foreign === 'number') {
    foreignValue = foreign;
    baseValue = rate.rate === 1 ? foreign : roundMoney(foreign / rate.rate);
  } else if (typeof base === 'number') {
    baseValue = base;
    foreignValue = rate.rate === 1 ? base : roundMoney(base * rate.rate);
  } else if (typeof prev?.['base_value'] === 'number') {
    baseValue = prev['base_value'];
    foreignValue = roundMoney(baseValue * rate.rate);
  } else {
    errs.add('value', CODE.PARAMETER_MISSING, 'ERROR_PARAMETER_MISSING', errs.missingMessage('value.base_value'));
    return;
  }
  row['value'] = { base_value: baseValue, currency_id: currency.id, value_foreign: foreignValue };
}

function prepareOpportunity(a: HookArgs): NestedPlan[] {
  const { ctx, row, body, existing, errs } = a;
  defaultUnitFromOwner(a);
  prepareValue(a);
  const stepId = row['step_id'];
  if (!existing || existing['step_id'] !== stepId) row['_step_changed'] = ctx.now;
  if (!existing && row['oppty_type_id'] === null && typeof stepId === 'string') {
    // An opportunity type belongs to a pipeline; default to the first of the step's pipeline.
    const pipelineId = ctx.store.live('Steps', stepId)?.['pipeline_id'];
    const type =
      typeof pipelineId === 'string'
        ? ctx.store.referencing('OpportunityTypes', 'pipeline_id', pipelineId)[0]
        : undefined;
    if (type) row['oppty_type_id'] = type.id;
  }
  if (!existing && row['product_currency_id'] === null && isPlainObject(row['value'])) {
    row['product_currency_id'] = row['value']['currency_id'] ?? null;
  }
  if ('status' in body && (ctx.validationLevel & VALIDATION_LEVEL.ALLOW_READONLY_OVERRIDE) !== 0) {
    const status = row['status'];
    if (status !== 1 && status !== 2 && status !== 3) {
      errs.invalid('status', "Value of field 'status' must be 1 (Open), 2 (Lost) or 3 (Won).");
    }
    if (status === 3 && row['won_date'] === null) row['won_date'] = ctx.now;
    if (status === 2 && row['lost_date'] === null) row['lost_date'] = ctx.now;
  }
  const plans: NestedPlan[] = [];
  const id = String(row['id']);
  if ('account_relations' in body) {
    const p = planRelationArray(ctx, OPPTY_ACCOUNT_RELATIONS, id, body['account_relations'], errs);
    if (p) plans.push(p);
  }
  if ('contact_relations' in body) {
    const p = planRelationArray(ctx, OPPTY_CONTACT_RELATIONS, id, body['contact_relations'], errs);
    if (p) plans.push(p);
  }
  return plans;
}

function preparePipeline({ ctx, row, body, existing, errs }: HookArgs): NestedPlan[] {
  if (existing && !('steps' in body)) return [];
  const plan = planSteps(ctx, String(row['id']), body['steps'], errs);
  return plan ? [plan] : [];
}

function prepareRates(owner: 'Currencies' | 'CurrencyExchangeRatesLists') {
  return ({ ctx, row, body, existing, errs }: HookArgs): NestedPlan[] => {
    const value = body['currency_exchange_rates'];
    if (value === undefined || value === null) {
      if (!existing) errs.missing('currency_exchange_rates');
      return [];
    }
    const plan = planRates(ctx, owner, String(row['id']), value, errs);
    return plan ? [plan] : [];
  };
}

function prepareCurrency(a: HookArgs): NestedPlan[] {
  const { ctx, row, errs } = a;
  const code = row['code'];
  if (typeof code === 'string' && code !== '') {
    const clash = ctx.store
      .rows('Currencies')
      .find((c) => c.id !== row['id'] && String(c['code']).toUpperCase() === code.toUpperCase());
    if (clash) errs.invalid('code', `Currency with code '${code}' already exists.`);
  }
  return prepareRates('Currencies')(a);
}

function prepareExchangeRate({ row, errs }: HookArgs): NestedPlan[] {
  const rate = row['exchange_rate'];
  if (typeof rate === 'number' && rate <= 0) {
    errs.invalid('exchange_rate', "Value of field 'exchange_rate' must be greater than 0.");
  }
  return [];
}

function prepareClient({ row, body, existing, errs }: HookArgs): NestedPlan[] {
  const membership = body['unit_membership'];
  if (membership === undefined || membership === null) {
    if (!existing) errs.missing('unit_membership');
  } else if (!Array.isArray(membership)) {
    errs.invalid('unit_membership', "Value of field 'unit_membership' must be an array.");
  }
  const unit = row['default_unit_id'];
  const members = row['unit_member_ids'];
  if (typeof unit === 'string' && Array.isArray(members) && !members.includes(unit)) {
    row['unit_member_ids'] = [...(members as unknown[]), unit];
  }
  return [];
}

const relationHooks: EntityHooks = {
  afterSave: (ctx, def, saved) => clearOtherPrimaries(ctx.store, def.plural, saved, ctx.now),
};

export const HOOKS: Readonly<Record<string, EntityHooks>> = {
  Contacts: { own: ['account_relations', 'account_position'], prepare: prepareContact },
  Accounts: { prepare: (a) => (defaultUnitFromOwner(a), []) },
  Opportunities: { own: ['account_relations', 'contact_relations', 'value'], prepare: prepareOpportunity },
  Pipelines: { own: ['steps'], prepare: preparePipeline },
  Currencies: { own: ['currency_exchange_rates'], prepare: prepareCurrency },
  CurrencyExchangeRatesLists: { own: ['currency_exchange_rates'], prepare: prepareRates('CurrencyExchangeRatesLists') },
  CurrencyExchangeRates: { prepare: prepareExchangeRate },
  Clients: { own: ['unit_membership'], prepare: prepareClient },
  ContactAccountRelations: relationHooks,
  LeadOpptyAccountRelations: relationHooks,
  LeadOpptyContactRelations: relationHooks,
};
