import { entityDef } from './entities';
import { CODE, type ValidationErrors } from './errors';
import type { NestedContext, NestedPlan } from './relations';
import { newRow, saveRow, softDelete } from './rows';
import type { Row } from './store';
import { checkKnownFields, coerceValue, isPlainObject } from './validation';

/**
 * The other nested arrays: `Pipeline.steps` and the `currency_exchange_rates` of a Currency or
 * of an exchange-rate list (vendor notes §3.6, §3.7).
 */

function blank(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

/** Live opportunities standing in a step; a step with any cannot be removed. */
export function opportunitiesInStep(ctx: NestedContext, stepId: string): number {
  return ctx.store.referencing('Opportunities', 'step_id', stepId).length;
}

/**
 * `Pipeline.steps`: the array order is the step order, so `sort_order` (read-only, 1-based) and
 * `pipeline_id` are set by the server (2024 spec: batchStepInput has no sort_order; a
 * `sort_order` sent by newer clients is accepted and ignored). Items with `id` update that
 * step, items without create one, steps left out are removed (refused while opportunities
 * stand in them).
 */
export function planSteps(
  ctx: NestedContext,
  pipelineId: string,
  value: unknown,
  errs: ValidationErrors,
): NestedPlan | null {
  const { store, now } = ctx;
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) {
    errs.missing('steps');
    return null;
  }
  if (!Array.isArray(value)) {
    errs.invalid('steps', "Value of field 'steps' must be an array.");
    return null;
  }
  const stepDef = entityDef('Steps');
  const existing = store.referencing('Steps', 'pipeline_id', pipelineId);
  const rows: Record<string, unknown>[] = [];
  value.forEach((item: unknown, index) => {
    if (!isPlainObject(item)) {
      errs.invalid('steps', `Item ${index} of 'steps' must be an object.`);
      return;
    }
    checkKnownFields(stepDef, item, 'steps item');
    let base: Row | undefined;
    if (!blank(item['id'])) {
      base = existing.find((s) => s.id === item['id']);
      if (!base) {
        errs.invalid('steps', `Step with id '${String(item['id'])}' is not a step of this pipeline.`);
        return;
      }
    }
    const stepId = base?.id ?? store.ids.timeOrdered(now);
    const row: Record<string, unknown> = base ? { ...base } : newRow(stepDef, stepId, now);
    for (const [key, raw] of Object.entries(item)) {
      const f = stepDef.byName.get(key);
      if (!f || f.ro) continue;
      const c = coerceValue(f, raw);
      if (c.ok) row[key] = c.value;
      else errs.invalid('steps', c.message);
    }
    if (blank(row['name'])) {
      errs.add('steps', CODE.PARAMETER_MISSING, 'ERROR_PARAMETER_MISSING', errs.missingMessage('name', 'Step', stepId));
    }
    row['sort_order'] = index + 1;
    rows.push(row);
  });
  const listed = new Set(rows.map((r) => r['id']));
  const dropped = existing.filter((s) => !listed.has(s.id));
  for (const step of dropped) {
    const n = opportunitiesInStep(ctx, step.id);
    if (n > 0) errs.entityError(`Step '${String(step['name'])}' cannot be removed: ${n} opportunities are in it.`);
  }
  return {
    apply(pipeline: Row): void {
      for (const row of rows) saveRow(store, 'Steps', { ...row, pipeline_id: pipeline.id }, now);
      for (const step of dropped) softDelete(store, 'Steps', step, now);
    },
  };
}

/**
 * `currency_exchange_rates` nested in a Currency (items name their list) or in a rate list
 * (items name their currency). Rates are upserted per (list, currency); none are removed, since
 * every list is meant to price every currency.
 */
export function planRates(
  ctx: NestedContext,
  owner: 'Currencies' | 'CurrencyExchangeRatesLists',
  ownerId: string,
  value: unknown,
  errs: ValidationErrors,
): NestedPlan | null {
  const { store, now } = ctx;
  const field = 'currency_exchange_rates';
  if (!Array.isArray(value)) {
    errs.invalid(field, `Value of field '${field}' must be an array.`);
    return null;
  }
  const rateDef = entityDef('CurrencyExchangeRates');
  const ownerFk = owner === 'Currencies' ? 'currency_id' : 'currency_exchange_rate_list_id';
  const otherFk = owner === 'Currencies' ? 'currency_exchange_rate_list_id' : 'currency_id';
  const otherPlural = owner === 'Currencies' ? 'CurrencyExchangeRatesLists' : 'Currencies';
  const existing = store.referencing('CurrencyExchangeRates', ownerFk, ownerId);
  const rows: Record<string, unknown>[] = [];
  value.forEach((item: unknown, index) => {
    if (!isPlainObject(item)) {
      errs.invalid(field, `Item ${index} of '${field}' must be an object.`);
      return;
    }
    checkKnownFields(rateDef, item, `${field} item`);
    const other = typeof item[otherFk] === 'string' ? String(item[otherFk]).toLowerCase() : undefined;
    const base =
      existing.find((r) => !blank(item['id']) && r.id === item['id']) ??
      existing.find((r) => other !== undefined && r[otherFk] === other);
    const rateId = base?.id ?? store.ids.timeOrdered(now);
    const row: Record<string, unknown> = base ? { ...base } : newRow(rateDef, rateId, now);
    for (const [key, raw] of Object.entries(item)) {
      const f = rateDef.byName.get(key);
      if (!f || f.ro || key === ownerFk) continue;
      const c = coerceValue(f, raw);
      if (c.ok) row[key] = c.value;
      else errs.invalid(field, c.message);
    }
    const otherId = row[otherFk];
    if (typeof otherId !== 'string') {
      errs.add(
        field,
        CODE.PARAMETER_MISSING,
        'ERROR_PARAMETER_MISSING',
        errs.missingMessage(otherFk, rateDef.name, rateId),
      );
    } else if (!store.live(otherPlural, otherId)) {
      errs.invalid(field, `${entityDef(otherPlural).name} with id '${otherId}' not found.`);
    }
    const rate = row['exchange_rate'];
    if (typeof rate !== 'number') {
      errs.add(
        field,
        CODE.PARAMETER_MISSING,
        'ERROR_PARAMETER_MISSING',
        errs.missingMessage('exchange_rate', rateDef.name, rateId),
      );
    } else if (rate <= 0) {
      errs.invalid(field, "Value of field 'exchange_rate' must be greater than 0.");
    }
    rows.push(row);
  });
  return {
    apply(ownerRow: Row): void {
      for (const row of rows) saveRow(store, 'CurrencyExchangeRates', { ...row, [ownerFk]: ownerRow.id }, now);
    },
  };
}
