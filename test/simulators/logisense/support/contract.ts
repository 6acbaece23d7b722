import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reads the contract fixtures (derived from the vendor notes and seed 004) and checks answers
 * against them. Tests compare the simulator with these files only, never with its own code.
 */
const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'logisense');

export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T;
}

type FieldType = 'number' | 'string' | 'boolean' | 'date';
export interface EntityFixture {
  entity: string;
  complete: boolean;
  fields: Record<string, { type: FieldType; readOnly?: boolean }>;
  absentFields?: string[];
  detailChildren?: Record<string, { collection: boolean; fields: Record<string, { type: FieldType }> }>;
  routes: string[];
  absentRoutes?: string[];
}

export interface EnvelopeFixture {
  shapes: Record<string, Shape>;
  dates: { pattern: string };
  patchBody: { childrenUnder: string; itemsKey: string; itemKeys: string[]; patchTypes: string[] };
  patchSample: {
    requestKeys: string[];
    details: Record<string, never>;
    childKey: string;
    itemsKey: string;
    answerItemKeys: string[];
    answerItemAbsent: string[];
    answerTotalCount: number;
    createdAction: string;
    createdDtoTypeKey: string;
  };
  pagingRequest: { header: string; keys: string[]; optionalKeys: string[]; firstPage: number };
  errorCodeDigits: number;
}

/** A shape: a type name, `{const: value}`, or an object of shapes (extra keys allowed). */
export type Shape = string | { const: unknown } | { [key: string]: Shape };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const datePattern = () => new RegExp(fixture<EnvelopeFixture>('envelopes.json').dates.pattern);

/** Every way `value` fails `shape`, as readable lines; empty when it conforms. */
export function shapeProblems(value: unknown, shape: Shape, path = '$'): string[] {
  if (typeof shape === 'string') return typeProblem(value, shape, path);
  if ('const' in shape && Object.keys(shape).length === 1) {
    return value === shape.const ? [] : [`${path}: expected ${JSON.stringify(shape.const)}, got ${JSON.stringify(value)}`];
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected an object`];
  const obj = value as Record<string, unknown>;
  return Object.entries(shape as Record<string, Shape>).flatMap(([k, s]) =>
    k in obj ? shapeProblems(obj[k], s, `${path}.${k}`) : [`${path}.${k}: missing`],
  );
}

function typeProblem(value: unknown, type: string, path: string): string[] {
  const ok =
    type === 'guid' ? typeof value === 'string' && GUID.test(value)
    : type === 'array' ? Array.isArray(value)
    : type === 'object' ? typeof value === 'object' && value !== null && !Array.isArray(value)
    : type === 'date' ? typeof value === 'string' && datePattern().test(value)
    : typeof value === type;
  return ok ? [] : [`${path}: expected ${type}, got ${JSON.stringify(value)}`];
}

/**
 * Problems of one entity object against its fixture: each documented field present with its
 * type (null allowed except for identity), no documented-absent field, and, when the fixture is
 * complete, nothing undocumented. With `detail`, the `details` children are checked too.
 */
export function entityProblems(value: unknown, fx: EntityFixture, options: { detail?: boolean } = {}): string[] {
  if (typeof value !== 'object' || value === null) return [`${fx.entity}: not an object`];
  const obj = value as Record<string, unknown>;
  const out = fieldProblems(obj, fx.fields, fx.entity);
  for (const k of fx.absentFields ?? []) if (k in obj) out.push(`${fx.entity}.${k}: must not be present`);
  if (fx.complete) {
    const allowed = new Set([...Object.keys(fx.fields), ...(options.detail ? ['details'] : [])]);
    for (const k of Object.keys(obj)) if (!allowed.has(k)) out.push(`${fx.entity}.${k}: not a documented field`);
  }
  if (options.detail && fx.detailChildren) {
    const details = obj['details'];
    if (typeof details !== 'object' || details === null) return [...out, `${fx.entity}.details: missing`];
    for (const [key, child] of Object.entries(fx.detailChildren)) {
      const v = (details as Record<string, unknown>)[key];
      if (v === undefined) continue; // only populated children appear
      const list = child.collection ? (Array.isArray(v) ? v : [null]) : [v];
      list.forEach((c, i) => {
        if (typeof c !== 'object' || c === null) out.push(`${fx.entity}.details.${key}[${i}]: not an object`);
        else out.push(...fieldProblems(c as Record<string, unknown>, child.fields, `${fx.entity}.details.${key}[${i}]`));
      });
    }
  }
  return out;
}

function fieldProblems(obj: Record<string, unknown>, fields: EntityFixture['fields'], label: string): string[] {
  const out: string[] = [];
  for (const [k, f] of Object.entries(fields)) {
    if (!(k in obj)) {
      out.push(`${label}.${k}: missing`);
      continue;
    }
    const v = obj[k];
    if (v === null && k !== 'identity') continue;
    out.push(...typeProblem(v, f.type, `${label}.${k}`));
  }
  return out;
}
