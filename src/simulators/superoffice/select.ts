import { EMPTY_DATE } from './dates';
import { DATE_PROPERTIES, ENUM_DEFAULTS } from './entities';

/**
 * `$select` on single-entity calls (vendor notes §1): a comma list of property names,
 * case-insensitive, nested with `/` (`category/id`). Properties not selected stay in the body
 * and are "nulled out" (spec parameter text) — reference types become null; .NET value types
 * can't be null, so numbers become 0, booleans false, dates `0001-01-01T00:00:00` and enums
 * their first member. `_Links` is the controller's addition and is kept.
 */

type Json = Record<string, unknown>;
type Tree = Map<string, Tree | true>;

export function applySelect(entity: Json, select: string | null): Json {
  if (select === null || select.trim() === '') return entity;
  const tree: Tree = new Map();
  for (const raw of select.split(',')) {
    const parts = raw.trim().split('/').filter(Boolean).map((p) => p.toLowerCase());
    if (parts.length === 0) continue;
    let node = tree;
    parts.forEach((p, i) => {
      const last = i === parts.length - 1;
      const existing = node.get(p);
      if (existing === true) return;
      if (last) node.set(p, true);
      else {
        const next: Tree = existing ?? (new Map() as Tree);
        node.set(p, next);
        node = next;
      }
    });
  }
  return prune(entity, tree, true);
}

function prune(obj: Json, tree: Tree, top: boolean): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(obj)) {
    const sel = tree.get(key.toLowerCase());
    if (top && key === '_Links') out[key] = value;
    else if (sel === true) out[key] = value;
    else if (sel instanceof Map) out[key] = pruneValue(value, sel);
    else out[key] = emptyOf(key, value);
  }
  return out;
}

function pruneValue(value: unknown, tree: Tree): unknown {
  if (Array.isArray(value)) return value.map((v) => pruneValue(v, tree));
  if (value !== null && typeof value === 'object') return prune(value as Json, tree, false);
  return value;
}

function emptyOf(key: string, value: unknown): unknown {
  if (DATE_PROPERTIES.has(key)) return EMPTY_DATE;
  const enumDefault = ENUM_DEFAULTS[key];
  if (enumDefault !== undefined && typeof value === 'string') return enumDefault;
  if (typeof value === 'number') return 0;
  if (typeof value === 'boolean') return false;
  return null;
}
