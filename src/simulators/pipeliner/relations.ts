import { entityDef } from './entities';
import { CODE, type ValidationErrors } from './errors';
import { newRow, saveRow, softDelete } from './rows';
import type { PipelinerStore, Row } from './store';
import { checkKnownFields, coerceValue, isPlainObject } from './validation';

/**
 * Nested relation writes (vendor notes §3.1, §3.3, checklist 7): `account_relations` on a
 * Contact, `account_relations` / `contact_relations` on an Opportunity. Each item becomes (or
 * updates) a row of the relation entity, readable through its own endpoint. The array is the
 * full new set: rows of the owner that it no longer lists are soft-deleted.
 */

/**
 * What happens when a nested array does not carry exactly one `is_primary` item.
 * - `reject`: 422 on the array's field, "Exactly one 'is_primary' item must be set."
 *   (the error row of the create-contact / create-opportunity tutorials, seeds 000/002);
 * - `auto-clear`: the last primary item wins (the newer spec: setting one primary clears the
 *   others); with none, the first item becomes primary.
 */
export type PrimaryRule = 'reject' | 'auto-clear';

export const PRIMARY_MESSAGE = "Exactly one 'is_primary' item must be set.";

export interface RelationArraySpec {
  field: string;
  relPlural: string;
  ownerFk: string;
  targetFk: string;
  targetPlural: string;
}

export const CONTACT_ACCOUNT_RELATIONS: RelationArraySpec = {
  field: 'account_relations',
  relPlural: 'ContactAccountRelations',
  ownerFk: 'contact_id',
  targetFk: 'account_id',
  targetPlural: 'Accounts',
};

export const OPPTY_ACCOUNT_RELATIONS: RelationArraySpec = {
  field: 'account_relations',
  relPlural: 'LeadOpptyAccountRelations',
  ownerFk: 'lead_oppty_id',
  targetFk: 'account_id',
  targetPlural: 'Accounts',
};

export const OPPTY_CONTACT_RELATIONS: RelationArraySpec = {
  field: 'contact_relations',
  relPlural: 'LeadOpptyContactRelations',
  ownerFk: 'lead_oppty_id',
  targetFk: 'contact_id',
  targetPlural: 'Contacts',
};

/** Which relation rows carry `is_primary` per owner, for the standalone endpoints. */
export const PRIMARY_SCOPES: Readonly<Record<string, string>> = {
  ContactAccountRelations: 'contact_id',
  LeadOpptyAccountRelations: 'lead_oppty_id',
  LeadOpptyContactRelations: 'lead_oppty_id',
};

export interface NestedContext {
  store: PipelinerStore;
  now: number;
  primaryRule: PrimaryRule;
}

/** Work to do once the owner row is stored; planned (and validated) before anything is written. */
export interface NestedPlan {
  apply(owner: Row): void;
}

/** A relation-array plan also exposes the rows it will store (to place `account_position`). */
export interface RelationPlan extends NestedPlan {
  rows: Record<string, unknown>[];
}

function blank(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

/**
 * A nested item's `id`: the update inputs type it as a URI (the relation row's URL, as
 * responses list them), while batch inputs take the bare uuid; either names the row.
 */
function relationRowId(v: unknown): string {
  const text = String(v);
  const last = text.includes('/') ? text.split('/').filter(Boolean).pop() : text;
  return (last ?? text).toLowerCase();
}

/** Validates a nested relation array and plans its rows; problems go to `errs`. */
export function planRelationArray(
  ctx: NestedContext,
  spec: RelationArraySpec,
  ownerId: string,
  value: unknown,
  errs: ValidationErrors,
): RelationPlan | null {
  const { store, now } = ctx;
  if (!Array.isArray(value)) {
    errs.invalid(spec.field, `Value of field '${spec.field}' must be an array.`);
    return null;
  }
  const relDef = entityDef(spec.relPlural);
  const targetName = entityDef(spec.targetPlural).name;
  const existing = store.referencing(spec.relPlural, spec.ownerFk, ownerId);
  const rows: Record<string, unknown>[] = [];
  const seenTargets = new Set<string>();

  value.forEach((item: unknown, index) => {
    if (!isPlainObject(item)) {
      errs.invalid(spec.field, `Item ${index} of '${spec.field}' must be an object.`);
      return;
    }
    checkKnownFields(relDef, item, `${spec.field} item`);
    let base: Row | undefined;
    if (!blank(item['id'])) {
      const itemId = relationRowId(item['id']);
      base = existing.find((r) => r.id === itemId);
      if (!base) {
        errs.invalid(spec.field, `${relDef.name} with id '${String(item['id'])}' is not a relation of this record.`);
        return;
      }
    } else if (typeof item[spec.targetFk] === 'string') {
      // Re-listing an existing link keeps its relation row (and id) instead of replacing it.
      base = existing.find((r) => r[spec.targetFk] === String(item[spec.targetFk]).toLowerCase());
    }
    const relId = base?.id ?? store.ids.timeOrdered(now);
    const row: Record<string, unknown> = base ? { ...base } : newRow(relDef, relId, now);
    for (const [key, raw] of Object.entries(item)) {
      const f = relDef.byName.get(key);
      if (!f || f.ro || key === spec.ownerFk) continue;
      const c = coerceValue(f, raw);
      if (c.ok) row[key] = c.value;
      else errs.invalid(spec.field, c.message);
    }
    if (blank(item[spec.targetFk]) && !base) {
      errs.add(
        spec.field,
        CODE.PARAMETER_MISSING,
        'ERROR_PARAMETER_MISSING',
        errs.missingMessage(spec.targetFk, relDef.name, relId),
      );
    }
    if (typeof item['is_primary'] !== 'boolean' && !base) {
      errs.add(
        spec.field,
        CODE.PARAMETER_MISSING,
        'ERROR_PARAMETER_MISSING',
        errs.missingMessage('is_primary', relDef.name, relId),
      );
    }
    const targetId = row[spec.targetFk];
    if (typeof targetId === 'string') {
      if (!store.live(spec.targetPlural, targetId)) {
        errs.invalid(spec.field, `${targetName} with id '${targetId}' not found.`);
      } else if (seenTargets.has(targetId)) {
        errs.invalid(spec.field, `${targetName} with id '${targetId}' is listed more than once.`);
      }
      seenTargets.add(targetId);
    }
    rows.push(row);
  });

  const primaries = rows.filter((r) => r['is_primary'] === true);
  if (rows.length > 0 && primaries.length !== 1) {
    if (ctx.primaryRule === 'reject') {
      errs.invalid(spec.field, PRIMARY_MESSAGE);
    } else {
      const keep = primaries[primaries.length - 1] ?? rows[0];
      for (const r of rows) r['is_primary'] = r === keep;
    }
  }

  return {
    rows,
    apply(owner: Row): void {
      const kept = new Set<string>();
      for (const row of rows) {
        row[spec.ownerFk] = owner.id;
        kept.add(saveRow(store, spec.relPlural, row, now).id);
      }
      for (const old of existing) if (!kept.has(old.id)) softDelete(store, spec.relPlural, old, now);
    },
  };
}

/**
 * Standalone relation endpoints: marking one row primary clears the flag on the owner's other
 * rows, as the newer spec describes for ContactAccountRelation (vendor notes §3.2).
 */
export function clearOtherPrimaries(store: PipelinerStore, plural: string, row: Row, now: number): void {
  const scope = PRIMARY_SCOPES[plural];
  const ownerId = scope ? row[scope] : undefined;
  if (!scope || typeof ownerId !== 'string' || row['is_primary'] !== true) return;
  for (const other of store.referencing(plural, scope, ownerId)) {
    if (other.id !== row.id && other['is_primary'] === true) {
      saveRow(store, plural, { ...other, is_primary: false }, now);
    }
  }
}

/**
 * The owner's primary relation row as it will be after the write: from the planned rows when
 * the body sends the array, else the stored primary row.
 */
export function primaryRelationAfter(
  store: PipelinerStore,
  spec: RelationArraySpec,
  ownerId: string,
  plan: RelationPlan | null,
): Record<string, unknown> | undefined {
  if (plan) return plan.rows.find((r) => r['is_primary'] === true);
  return store.referencing(spec.relPlural, spec.ownerFk, ownerId).find((r) => r['is_primary'] === true);
}
