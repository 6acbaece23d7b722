import { parseVendorDate } from './dates';
import { ErrorCode, type Problem } from './envelopes';
import type { LogiSenseSwitches } from './switches';

/**
 * Field-level reading of write bodies: type coercion as the vendor does it (a string "5" sent for
 * a number is stored as 5, vendor notes §3), read-only fields ignored or rejected (notes §8), and
 * every problem collected rather than the first (notes §5).
 */

export type FieldKind = 'id' | 'number' | 'string' | 'boolean' | 'date';

export interface FieldSpec {
  kind: FieldKind;
  /** Must be present on create. */
  required?: boolean;
  /** Accepts null (clears the value). */
  nullable?: boolean;
  /** Server-maintained or derived (`identity`, `xxxName`, `created`, owner fields). */
  readOnly?: boolean;
}

export type EntitySpec = Record<string, FieldSpec>;

export interface ReadContext {
  switches: LogiSenseSwitches;
  problems: Problem[];
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the writable fields of `body` against `spec`. On `create`, required fields must be
 * present. Keys in `handled` belong to the caller (children, `patchType`, …) and are skipped.
 * Returns only the fields that were supplied, coerced; problems go to `ctx.problems`.
 */
export function readFields(
  spec: EntitySpec,
  body: Record<string, unknown>,
  mode: 'create' | 'update',
  path: string,
  ctx: ReadContext,
  handled: ReadonlySet<string> = new Set(),
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const invalid = new Set<string>();
  for (const [key, raw] of Object.entries(body)) {
    if (handled.has(key)) continue;
    const field = spec[key];
    if (!field) {
      if (ctx.switches.extraFields === 'reject') {
        ctx.problems.push({ code: ErrorCode.unknownField, message: `${at(path, key)} is not a property of this object.` });
      }
      continue;
    }
    if (field.readOnly) {
      if (ctx.switches.extraFields === 'reject') {
        ctx.problems.push({ code: ErrorCode.readOnlyField, message: `${at(path, key)} is read-only.` });
      }
      continue;
    }
    const value = coerce(field, raw);
    if (value === INVALID) {
      invalid.add(key);
      ctx.problems.push({
        code: ErrorCode.invalidValue,
        message: `${at(path, key)} must be ${describe(field)}; got ${JSON.stringify(raw)}.`,
      });
      continue;
    }
    out[key] = value;
  }
  if (mode === 'create') {
    for (const [key, field] of Object.entries(spec)) {
      if (field.required && !invalid.has(key) && isMissing(out[key])) {
        ctx.problems.push({ code: ErrorCode.required, message: `${at(path, key)} is required.` });
      }
    }
  }
  return out;
}

export function at(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

const INVALID = Symbol('invalid');

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function coerce(field: FieldSpec, raw: unknown): unknown {
  if (raw === null) return field.nullable ? null : INVALID;
  switch (field.kind) {
    case 'id': {
      const n = toNumber(raw);
      return n !== null && Number.isInteger(n) && n > 0 ? n : INVALID;
    }
    case 'number': {
      const n = toNumber(raw);
      return n === null ? INVALID : n;
    }
    case 'string':
      if (typeof raw === 'string') return raw;
      return typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : INVALID;
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      return INVALID;
    case 'date': {
      if (typeof raw !== 'string') return INVALID;
      const ms = parseVendorDate(raw);
      return ms === null ? INVALID : ms;
    }
  }
}

function toNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  return null;
}

function describe(field: FieldSpec): string {
  const base = {
    id: 'a positive whole number',
    number: 'a number',
    string: 'a string',
    boolean: 'true or false',
    date: 'an ISO-8601 date',
  }[field.kind];
  return field.nullable ? `${base} or null` : base;
}
