import type { EntityDef } from './entities';
import {
  ApiError,
  invalidJson,
  invalidParameter,
  recordNotFound,
  ValidationErrors,
  type PipelinerError,
} from './errors';
import { HOOKS, type WriteContext } from './hooks';
import { opportunitiesInStep } from './nested';
import { newRow, saveRow, softDelete } from './rows';
import type { Row } from './store';
import { checkKnownFields, checkReferences, checkRequired, coerceInto, isPlainObject } from './validation';

/**
 * Create, update, delete and the two batch endpoints (vendor notes §2, §5, checklist 6, 12).
 * Every write is validated completely before anything is stored, then stored as one unit.
 */

export type { WriteContext } from './hooks';

function write(ctx: WriteContext, def: EntityDef, existing: Row | undefined, body: unknown): Row {
  if (!isPlainObject(body)) throw invalidJson();
  checkKnownFields(def, body);
  const id = existing?.id ?? ctx.store.ids.timeOrdered(ctx.now);
  const errs = new ValidationErrors(def.name, id);
  const row: Record<string, unknown> = existing ? { ...existing } : newRow(def, id, ctx.now);
  const hooks = HOOKS[def.plural] ?? {};
  coerceInto(def, body, row, errs, ctx.validationLevel, new Set(hooks.own ?? []));
  const plans = hooks.prepare?.({ ctx, def, row, body, existing, errs }) ?? [];
  checkRequired(def, row, body, !existing, errs);
  checkReferences(ctx.store, def, row, body, ctx.validationLevel, errs);
  if (!errs.empty) throw errs.toError();
  return ctx.store.atomically(() => {
    const saved = saveRow(ctx.store, def.plural, row, ctx.now);
    for (const plan of plans) plan.apply(saved);
    hooks.afterSave?.(ctx, def, saved);
    return ctx.store.get(def.plural, id) ?? saved;
  });
}

/** POST /entities/{Plural}: the stored row (answered with 201). */
export function createRecord(ctx: WriteContext, def: EntityDef, body: unknown): Row {
  return write(ctx, def, undefined, body);
}

/** PATCH /entities/{Plural}/{id}: a partial update of a live row, 404 otherwise. */
export function updateRecord(ctx: WriteContext, def: EntityDef, id: string, body: unknown): Row {
  const existing = ctx.store.live(def.plural, id);
  if (!existing) throw recordNotFound(def.name, id);
  return write(ctx, def, existing, body);
}

/** Rows that go with their owner when it is deleted (relation rows, a pipeline's steps, …). */
const CASCADES: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {
  Contacts: [
    ['ContactAccountRelations', 'contact_id'],
    ['LeadOpptyContactRelations', 'contact_id'],
  ],
  Accounts: [
    ['ContactAccountRelations', 'account_id'],
    ['LeadOpptyAccountRelations', 'account_id'],
  ],
  Opportunities: [
    ['LeadOpptyAccountRelations', 'lead_oppty_id'],
    ['LeadOpptyContactRelations', 'lead_oppty_id'],
  ],
  Pipelines: [
    ['Steps', 'pipeline_id'],
    ['OpportunityTypes', 'pipeline_id'],
  ],
  Currencies: [['CurrencyExchangeRates', 'currency_id']],
  CurrencyExchangeRatesLists: [['CurrencyExchangeRates', 'currency_exchange_rate_list_id']],
};

function label(row: Row): string {
  for (const key of ['name', 'code', 'email']) {
    const v = row[key];
    if (typeof v === 'string' && v !== '') return v;
  }
  return row.id;
}

/** DELETE /entities/{Plural}/{id}: soft delete; refused for protected or still-used rows. */
export function deleteRecord(ctx: WriteContext, def: EntityDef, id: string): void {
  const { store, now } = ctx;
  const row = store.live(def.plural, id);
  if (!row) throw recordNotFound(def.name, id);
  const errs = new ValidationErrors(def.name, id);
  if (row['is_delete_protected'] === true) {
    // e.g. the base currency, which "cannot be deleted" (vendor notes §3.7).
    errs.entityError(`${def.name} '${label(row)}' is protected against deletion.`);
  }
  const steps =
    def.plural === 'Steps' ? [row] : def.plural === 'Pipelines' ? store.referencing('Steps', 'pipeline_id', id) : [];
  for (const step of steps) {
    const n = opportunitiesInStep(ctx, step.id);
    if (n > 0) errs.entityError(`Step '${label(step)}' cannot be removed: ${n} opportunities are in it.`);
  }
  if (def.plural === 'Currencies') {
    const n = store
      .rows('Opportunities')
      .filter((o) => isPlainObject(o['value']) && o['value']['currency_id'] === id).length;
    if (n > 0) errs.entityError(`Currency '${label(row)}' cannot be deleted: ${n} opportunities use it.`);
  }
  if (!errs.empty) throw errs.toError();
  store.atomically(() => {
    softDelete(store, def.plural, row, now);
    for (const [plural, fk] of CASCADES[def.plural] ?? []) {
      for (const child of store.referencing(plural, fk, id)) softDelete(store, plural, child, now);
    }
  });
}

/** `rollback-method`: 0 (default) = all or nothing, 1 = keep the items that succeed. */
export function parseRollbackMethod(text: string | null): 0 | 1 {
  if (text === null || text.trim() === '' || text.trim() === '0') return 0;
  if (text.trim() === '1') return 1;
  throw invalidParameter("Parameter 'rollback-method' must be 0 or 1.");
}

/** A batch item's error carries its position when its body has room for it (422 bodies). */
function atIndex(err: ApiError, index: number): ApiError {
  return 'entity_index' in err.body ? new ApiError({ ...err.body, entity_index: index }) : err;
}

type BatchResult = (string | PipelinerError)[];

/**
 * Runs one batch. Mode 0: the first failing item aborts the whole batch, nothing is kept, and
 * that item's error is the answer (with `entity_index`). Mode 1: each item stands alone and
 * failing items appear inline in `data` as Error objects.
 */
function runBatch(ctx: WriteContext, items: unknown, rollback: 0 | 1, one: (item: unknown) => string): BatchResult {
  if (!Array.isArray(items)) throw invalidJson();
  if (rollback === 0) {
    return ctx.store.atomically(() =>
      items.map((item, i) => {
        try {
          return one(item);
        } catch (err) {
          throw err instanceof ApiError ? atIndex(err, i) : err;
        }
      }),
    );
  }
  return items.map((item, i) => {
    try {
      return ctx.store.atomically(() => one(item));
    } catch (err) {
      if (err instanceof ApiError) return atIndex(err, i).body;
      throw err;
    }
  });
}

/** POST …/batch-modify: items with `id` update that record, items without create one. */
export function batchModify(ctx: WriteContext, def: EntityDef, items: unknown, rollback: 0 | 1): BatchResult {
  return runBatch(ctx, items, rollback, (item) => {
    if (!isPlainObject(item)) throw invalidJson();
    const id = item['id'];
    if (id === undefined || id === null || id === '') return createRecord(ctx, def, item).id;
    if (typeof id !== 'string') throw invalidParameter("Batch item 'id' must be a string.");
    return updateRecord(ctx, def, id, item).id;
  });
}

/** POST …/batch-delete: an array of ids. */
export function batchDelete(ctx: WriteContext, def: EntityDef, ids: unknown, rollback: 0 | 1): BatchResult {
  return runBatch(ctx, ids, rollback, (id) => {
    if (typeof id !== 'string') throw invalidParameter('Batch delete expects an array of ids.');
    deleteRecord(ctx, def, id);
    return id;
  });
}
