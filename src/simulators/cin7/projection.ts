import { QueryError } from './errors';
import type { ModelSpec } from './models';
import type { Row } from './predicate';

/**
 * `fields`: a comma list of field names, case-insensitive, with a child selection for list fields
 * written `child(a,b)` (vendor notes §3, easify's `id,reference,lineItems(code)`). Keys keep the
 * model's camelCase and order whatever the request's spelling. Keys not asked for are left out,
 * or sent as null with `unrequestedFields: 'null'` (Q6).
 */
export type Projection = Map<string, Projection | null>;

export interface ProjectionOptions {
  unknownFields: 'reject' | 'ignore';
}

const invalidFields = (detail: string) => new QueryError(`The fields argument is invalid: ${detail}.`);

/** Null when `text` selects nothing (absent or blank): the whole record is sent. */
export function parseFields(text: string | null, model: ModelSpec, options: ProjectionOptions): Projection | null {
  if (text === null || text.trim() === '') return null;
  const projection = parseList(text, model, options);
  return projection.size === 0 ? null : projection;
}

function parseList(text: string, model: ModelSpec, options: ProjectionOptions): Projection {
  const out: Projection = new Map();
  for (const part of splitTopLevel(text)) {
    const item = part.trim();
    if (item === '') continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?$/s.exec(item);
    if (!m) throw invalidFields(`'${item}' is not a field name`);
    const name = m[1] ?? '';
    const spec = model.byLowerName.get(name.toLowerCase());
    if (!spec) {
      if (options.unknownFields === 'ignore') continue;
      throw invalidFields(`'${name}' is not a field of ${model.name}`);
    }
    const inner = m[2];
    if (inner === undefined) {
      out.set(spec.wire, null);
      continue;
    }
    if (!spec.items) throw invalidFields(`'${name}' has no child fields`);
    const child = parseList(inner, spec.items, options);
    out.set(spec.wire, child.size === 0 ? null : child);
  }
  return out;
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charAt(i);
    if (c === '(') depth += 1;
    else if (c === ')') {
      depth -= 1;
      if (depth < 0) throw invalidFields(`unbalanced ')' at position ${i + 1}`);
    } else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) throw invalidFields("unbalanced '('");
  parts.push(text.slice(start));
  return parts;
}

/** The wire object for `row` under `projection` (null projection = everything). */
export function project(row: Row, model: ModelSpec, projection: Projection | null, unrequested: 'omit' | 'null'): Row {
  if (projection === null) return row;
  const out: Row = {};
  for (const spec of model.fields) {
    if (!projection.has(spec.wire)) {
      if (unrequested === 'null') out[spec.wire] = null;
      continue;
    }
    const child = projection.get(spec.wire) ?? null;
    const value = row[spec.wire];
    out[spec.wire] =
      child !== null && spec.items && Array.isArray(value)
        ? value.map((v) => project(v as Row, spec.items as ModelSpec, child, unrequested))
        : value;
  }
  return out;
}
