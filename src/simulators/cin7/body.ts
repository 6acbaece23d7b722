import { parseWireDate, wireDate } from './dates';
import type { FieldSpec, ModelSpec } from './models';

/**
 * Reading write bodies the way the vendor's .NET stack does (vendor notes §1, §2):
 * - the body must be a JSON array of objects, even for one record;
 * - property names match case-insensitively (`Company`, `company`, `COMPANY`); an unknown one is
 *   a member error (`unknownMembers: 'reject'`, Newtonsoft's MissingMemberHandling.Error
 *   wording) or ignored; of two spellings of one name the last wins, as Newtonsoft populates in order;
 * - values convert like Newtonsoft: `"12"` reads as 12, `12` as `"12"`, `"true"` as true, enum
 *   names in any case; anything else is a conversion error in Newtonsoft's wording.
 */
export type BodyResult = { ok: true; items: Record<string, unknown>[] } | { ok: false };

export function readArrayBody(raw: string): BodyResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false };
  }
  if (!Array.isArray(parsed)) return { ok: false };
  if (!parsed.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))) return { ok: false };
  return { ok: true, items: parsed as Record<string, unknown>[] };
}

/** One item's known fields by wire name (values converted), plus its conversion errors. */
export interface ReadItem {
  values: Map<string, unknown>;
  errors: string[];
}

export interface ReadOptions {
  unknownMembers: 'reject' | 'ignore';
}

export function readItem(item: Record<string, unknown>, model: ModelSpec, path: string, options: ReadOptions): ReadItem {
  const values = new Map<string, unknown>();
  const errors: string[] = [];
  for (const [key, raw] of Object.entries(item)) {
    const spec = model.byLowerName.get(key.toLowerCase());
    if (!spec) {
      if (options.unknownMembers === 'reject') errors.push(`Could not find member '${key}' on object of type '${model.name}'. Path '${path}.${key}'.`);
      continue;
    }
    const converted = convert(raw, spec, `${path}.${key}`, options);
    if (converted.ok) values.set(spec.wire, converted.value);
    else errors.push(...converted.errors);
  }
  return { values, errors };
}

type Converted = { ok: true; value: unknown } | { ok: false; errors: string[] };

function convert(raw: unknown, spec: FieldSpec, path: string, options: ReadOptions): Converted {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  // Newtonsoft reads "" as null for nullable value types; only text keeps it (PUT: "" clears).
  if (raw === '' && spec.kind !== 'string') return { ok: true, value: null };
  const fail = (): Converted => ({
    ok: false,
    errors: [`Error converting value ${shown(raw)} to type '${dotNetType(spec)}'. Path '${path}'.`],
  });
  switch (spec.kind) {
    case 'string':
      if (typeof raw === 'string') return { ok: true, value: raw };
      if (typeof raw === 'boolean') return { ok: true, value: raw ? 'True' : 'False' }; // .NET Boolean.ToString()
      return typeof raw === 'number' ? { ok: true, value: String(raw) } : fail();
    case 'integer': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : NaN;
      return Number.isInteger(n) && Math.abs(n) <= 2147483647 ? { ok: true, value: n } : fail();
    }
    case 'decimal': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : NaN;
      return Number.isFinite(n) ? { ok: true, value: n } : fail();
    }
    case 'boolean':
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      if (raw === 0 || raw === 1) return { ok: true, value: raw === 1 };
      if (typeof raw === 'string' && /^(true|false)$/i.test(raw.trim())) return { ok: true, value: raw.trim().toLowerCase() === 'true' };
      return fail();
    case 'datetime': {
      const ms = typeof raw === 'string' ? parseWireDate(raw) : null;
      return ms === null ? fail() : { ok: true, value: wireDate(ms) };
    }
    case 'enum': {
      const match = typeof raw === 'string' ? spec.values?.find((v) => v.toLowerCase() === raw.trim().toLowerCase()) : undefined;
      return match === undefined ? fail() : { ok: true, value: match };
    }
    case 'object':
      return typeof raw === 'object' && !Array.isArray(raw) ? { ok: true, value: raw } : fail();
    case 'array': {
      if (!Array.isArray(raw) || !spec.items) return fail();
      const items: ReadItem[] = [];
      const errors: string[] = [];
      raw.forEach((child, i) => {
        if (typeof child !== 'object' || child === null || Array.isArray(child)) {
          errors.push(`Error converting value ${shown(child)} to type '${spec.items?.name ?? 'Object'}'. Path '${path}[${i}]'.`);
          return;
        }
        const read = readItem(child as Record<string, unknown>, spec.items as ModelSpec, `${path}[${i}]`, options);
        errors.push(...read.errors);
        items.push(read);
      });
      return errors.length > 0 ? { ok: false, errors } : { ok: true, value: items };
    }
  }
}

function shown(raw: unknown): string {
  return typeof raw === 'string' ? `"${raw}"` : JSON.stringify(raw);
}

function dotNetType(spec: FieldSpec): string {
  switch (spec.kind) {
    case 'string':
      return 'System.String';
    case 'integer':
      return 'System.Nullable`1[System.Int32]';
    case 'decimal':
      return 'System.Nullable`1[System.Decimal]';
    case 'boolean':
      return 'System.Nullable`1[System.Boolean]';
    case 'datetime':
      return 'System.Nullable`1[System.DateTime]';
    case 'enum':
      return spec.typeName ?? spec.name;
    case 'object':
      return 'System.Collections.Generic.Dictionary`2[System.String,System.Object]';
    case 'array':
      return `System.Collections.Generic.List\`1[${spec.items?.name ?? 'Object'}]`;
  }
}
