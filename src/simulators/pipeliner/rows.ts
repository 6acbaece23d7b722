import type { EntityDef } from './entities';
import type { PipelinerStore, Row } from './store';

/** Row bookkeeping shared by every write: defaults, revision bumps, soft delete. */

/** A fresh row with the spec's unset values: "" for text, null for relations and dates. */
export function newRow(def: EntityDef, id: string, now: number): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const f of def.fields) {
    if (f.derived || f.kind === 'link' || f.kind === 'many') continue;
    row[f.name] = f.def === undefined ? null : structuredClone(f.def);
  }
  row['id'] = id;
  row['is_deleted'] = false;
  row['is_delete_protected'] = false;
  row['created'] = now;
  row['modified'] = now;
  row['revision'] = 0;
  return row;
}

/** Stores a row as one write: `modified` = now, `revision` = the space's next revision. */
export function saveRow(store: PipelinerStore, plural: string, row: Record<string, unknown>, now: number): Row {
  const id = row['id'];
  if (typeof id !== 'string') throw new Error(`row of ${plural} without id`);
  const saved: Row = { ...row, id, modified: now, revision: store.nextRevision() };
  store.put(plural, saved);
  return saved;
}

/** Soft delete: the row stays, flagged, and is hidden unless `include-deleted` is set. */
export function softDelete(store: PipelinerStore, plural: string, row: Row, now: number): void {
  if (row['is_deleted'] === true) return;
  saveRow(store, plural, { ...row, is_deleted: true }, now);
}
