import type { ReadItem } from './body';
import type { ModelSpec } from './models';
import { annotationErrors } from './validation';

/**
 * Child lists inside a write: a contact's `secondaryContacts`, a quote's `lineItems`.
 * - POST (`create`): every child is new; an `id` sent with it is ignored (ids are the server's).
 * - PUT `replace` (default): the array is the full new list — a child with the id of an existing
 *   one updates it (null/missing fields kept, "" clears), one without id is added, and existing
 *   children left out are removed; `[]` removes all. This is the documented behaviour of the one
 *   list-replacing PUT the vendor describes (Cartons, vendor notes §2 sources) applied to lists.
 * - PUT `merge`: as replace, but children left out are kept.
 * An id that is not one of this record's children fails the record.
 * New children carry id 0 until the record is committed, so a failed record consumes no ids.
 */
export type ChildMode = 'create' | 'replace' | 'merge';
export type ChildRow = { id: number };
export type ChildOutcome<T> = { ok: true; rows: T[] } | { ok: false; errors: string[] };

export function applyChildList<T extends ChildRow>(
  existing: readonly T[],
  incoming: readonly ReadItem[],
  mode: ChildMode,
  blank: () => T,
  model: ModelSpec,
  label: string,
): ChildOutcome<T> {
  const errors: string[] = [];
  const touched = new Map<number, T>();
  const added: T[] = [];
  const ordered: T[] = [];
  incoming.forEach((item, i) => {
    const id = mode === 'create' ? null : item.values.get('id');
    let row: T;
    if (typeof id === 'number' && id !== 0) {
      const found = existing.find((c) => c.id === id);
      if (!found) {
        errors.push(`${label}[${i}]: Id ${id} is not one of this record's ${label}.`);
        return;
      }
      row = structuredClone(found);
      touched.set(id, row);
    } else {
      row = blank();
      added.push(row);
    }
    for (const spec of model.fields) {
      if (spec.readOnly || spec.wire === 'id') continue;
      const v = item.values.get(spec.wire);
      if (v !== null && v !== undefined) (row as unknown as Record<string, unknown>)[spec.wire] = v;
    }
    errors.push(...annotationErrors(row, model, `${label}[${i}]: `));
    ordered.push(row);
  });
  if (errors.length > 0) return { ok: false, errors };
  if (mode !== 'merge') return { ok: true, rows: ordered };
  const kept = existing.map((c) => touched.get(c.id) ?? structuredClone(c));
  return { ok: true, rows: [...kept, ...added] };
}
