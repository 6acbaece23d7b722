import type { EntityDef, FieldDef } from './entities';
import { entityDef, isModelled, LABEL_FLAG, LABEL_FLAGS } from './entities';
import { invalidParameter, type ValidationErrors } from './errors';
import { isUuid } from './ids';
import type { PipelinerStore } from './store';
import { parseDateOnly, parseTimestamp } from './time';

/**
 * Field-level checks shared by every entity write (vendor notes §3, §5, checklist 6): which
 * names a body may carry, the JSON type of each value, required fields (code 119 inside a
 * 40002 field error) and references to records that must exist.
 */

export type Body = Record<string, unknown>;

export function isPlainObject(v: unknown): v is Body {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `validation-level` bits from the spec's write parameters. */
export const VALIDATION_LEVEL = {
  ALLOW_READONLY_OVERRIDE: 8,
  ALLOW_LINK_TO_DELETED: 16,
} as const;

type Coerced = { ok: true; value: unknown } | { ok: false; message: string };

/** Converts one JSON value into its stored form for a field, or says why it cannot. */
export function coerceValue(f: FieldDef, v: unknown): Coerced {
  const bad = (expected: string): Coerced => ({
    ok: false,
    message: `Value of field '${f.name}' must be ${expected}.`,
  });
  switch (f.kind) {
    case 'text':
      if (v === null) return { ok: true, value: '' };
      return typeof v === 'string' ? { ok: true, value: v } : bad('a string');
    case 'int':
      if (v === null) return { ok: true, value: f.def ?? null };
      if (f.name === LABEL_FLAG) return labelFlag(v) ?? bad(`one of ${LABEL_FLAGS.join(', ')}`);
      return Number.isInteger(v) ? { ok: true, value: v } : bad('an integer');
    case 'number':
      if (v === null) return { ok: true, value: null };
      return typeof v === 'number' && Number.isFinite(v) ? { ok: true, value: v } : bad('a number');
    case 'bool':
      if (v === null) return { ok: true, value: f.def ?? false };
      return typeof v === 'boolean' ? { ok: true, value: v } : bad('a boolean');
    case 'date':
      if (v === null) return { ok: true, value: null };
      return typeof v === 'string' && parseDateOnly(v) ? { ok: true, value: v } : bad('a date (YYYY-MM-DD)');
    case 'datetime': {
      if (v === null) return { ok: true, value: null };
      const t = typeof v === 'string' ? parseTimestamp(v) : null;
      return t === null ? bad('a date-time') : { ok: true, value: t };
    }
    case 'fk':
      if (v === null) return { ok: true, value: null };
      return isUuid(v) ? { ok: true, value: v.toLowerCase() } : bad('a UUID');
    case 'object':
      if (v === null) return { ok: true, value: f.def ?? null };
      return isPlainObject(v) ? { ok: true, value: structuredClone(v) } : bad('an object');
    case 'list':
      return Array.isArray(v) ? { ok: true, value: structuredClone(v) } : bad('an array');
    case 'link':
    case 'many':
      return bad('omitted');
  }
}

/**
 * `label_flag` takes the spec's enum values only (1 Priority, 2 Hot, 4 Stalled), as integers
 * or, since the spec declares the field a string, as their digits; null clears it.
 */
function labelFlag(v: unknown): Coerced | null {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && (LABEL_FLAGS as readonly number[]).includes(n) ? { ok: true, value: n } : null;
}

/**
 * Rejects names the entity does not have at all (a typo such as `email` for `email1`) with
 * 400 code 117. Read-only names that exist in the response schema are accepted and ignored, so
 * a client may send back a record it read.
 */
export function checkKnownFields(def: EntityDef, body: Body, where = def.name): void {
  for (const key of Object.keys(body)) {
    if (!def.byName.has(key) && !def.inputOnly.includes(key)) {
      throw invalidParameter(`Unknown field '${key}' in ${where}.`);
    }
  }
}

/** Whether a read-only field may be written under the given validation level. */
function writable(f: FieldDef, validationLevel: number): boolean {
  if (!f.ro) return true;
  if (f.derived || f.kind === 'link' || f.kind === 'many') return false;
  if (['id', 'revision', 'modified', 'is_deleted', 'is_delete_protected'].includes(f.name)) return false;
  return (validationLevel & VALIDATION_LEVEL.ALLOW_READONLY_OVERRIDE) !== 0;
}

/**
 * Copies the body's plain fields into `target` after type checks; `skip` names the fields an
 * entity handles itself (nested relation arrays, `value`, …). Type problems become field errors.
 */
export function coerceInto(
  def: EntityDef,
  body: Body,
  target: Record<string, unknown>,
  errs: ValidationErrors,
  validationLevel: number,
  skip: ReadonlySet<string>,
): void {
  for (const [key, raw] of Object.entries(body)) {
    const f = def.byName.get(key);
    if (!f || skip.has(key) || !writable(f, validationLevel)) continue;
    const c = coerceValue(f, raw);
    if (c.ok) target[key] = c.value;
    else errs.invalid(key, c.message);
  }
}

function blank(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

/** The link field (`owner`) that a relation id (`owner_id`) backs, if any. */
function linkFor(def: EntityDef, fkName: string): string | undefined {
  return def.fields.find((f) => f.kind === 'link' && f.via === fkName)?.name;
}

/**
 * Required scalar fields. A missing relation id is reported twice, for `owner` and
 * `owner_id`, both under field `owner_id`, exactly as in the recorded 422 capture.
 * Arrays and objects that entities handle themselves are checked by those entities.
 */
export function checkRequired(
  def: EntityDef,
  row: Record<string, unknown>,
  body: Body,
  isCreate: boolean,
  errs: ValidationErrors,
): void {
  for (const name of def.required) {
    const f = def.byName.get(name);
    if (!f || f.kind === 'many' || f.kind === 'object') continue;
    const value = f.kind === 'bool' && isCreate ? body[name] : row[name];
    if (!blank(value)) continue;
    const link = f.kind === 'fk' ? linkFor(def, name) : undefined;
    if (link) errs.missing(link, name);
    errs.missing(name);
  }
}

/**
 * Every relation id the body sets must name a live record of a modelled entity (a deleted one
 * only with validation-level 16). Ids of entities the simulator does not model only need to be
 * UUIDs, which `coerceValue` already checked.
 */
export function checkReferences(
  store: PipelinerStore,
  def: EntityDef,
  row: Record<string, unknown>,
  body: Body,
  validationLevel: number,
  errs: ValidationErrors,
): void {
  const allowDeleted = (validationLevel & VALIDATION_LEVEL.ALLOW_LINK_TO_DELETED) !== 0;
  for (const key of Object.keys(body)) {
    const f = def.byName.get(key);
    if (!f || f.kind !== 'fk' || f.name === 'id' || !isModelled(f.target)) continue;
    const id = row[key];
    if (typeof id !== 'string') continue;
    const target = allowDeleted ? store.get(f.target, id) : store.live(f.target, id);
    if (!target) errs.invalid(key, `${entityDef(f.target).name} with id '${id}' not found.`);
  }
}
