import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The contract fixtures (test/fixtures/cin7, derived from the research field table and vendor
 * notes). Tests compare the simulator's answers with these files, never with its own code.
 */
const DIR = join(__dirname, '..', '..', '..', 'fixtures', 'cin7');

export function fixture<T = ModelFixture>(file: string): T {
  return JSON.parse(readFileSync(join(DIR, file), 'utf8')) as T;
}

export interface FieldFact {
  name: string;
  type: string;
  maxLength?: number;
  range?: [number, number];
  values?: string[];
  required?: boolean;
  readOnly?: boolean;
  items?: string;
  fields?: string[];
}

export interface ModelFixture {
  model: string;
  complete: boolean;
  fields: Record<string, FieldFact>;
}

export interface WireFixture {
  routes: Record<string, { collection: string[]; item: string[] }>;
  contentType: string;
  dates: { pattern: string };
  listParams: string[];
  paging: {
    firstPage: number;
    defaultRows: number;
    maxRows: number;
    rowsAboveMax: { status: number; body: string };
    pageBelowOne: { status: number; bodyStartsWith: string };
  };
  batch: {
    limit: number;
    overLimit: { status: number; body: string };
    malformed: { status: number; body: string };
    failedItem: { success: boolean; id: number; code: string };
  };
  errors: Record<'401' | '403' | '404' | '429', string>;
  rateLimits: { scope: string; perSecond: number; perMinute: number; perDay: number };
}

export const wire = (): WireFixture => fixture<WireFixture>('wire.json');

/**
 * Every way `value` breaks `fx`: a documented field missing, a value of the wrong type or too
 * long, an enum value outside the list, and, for a complete model, any undocumented key. Null is
 * allowed except for required fields and `id`.
 */
export function modelProblems(value: unknown, fx: ModelFixture, label = fx.model): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${label}: not an object`];
  const obj = value as Record<string, unknown>;
  const out: string[] = [];
  const datePattern = new RegExp(wire().dates.pattern);
  for (const [key, fact] of Object.entries(fx.fields)) {
    if (!(key in obj)) {
      out.push(`${label}.${key}: missing`);
      continue;
    }
    const v = obj[key];
    if (v === null) {
      if (fact.required || key === 'id') out.push(`${label}.${key}: null`);
      continue;
    }
    if (!typeOk(v, fact.type, datePattern)) out.push(`${label}.${key}: expected ${fact.type}, got ${JSON.stringify(v)}`);
    if (fact.values && !fact.values.includes(v as string)) out.push(`${label}.${key}: ${JSON.stringify(v)} not in ${fact.values.join('|')}`);
    if (fact.maxLength !== undefined && typeof v === 'string' && v.length > fact.maxLength) out.push(`${label}.${key}: longer than ${fact.maxLength}`);
    if (fact.range && typeof v === 'number' && (v < fact.range[0] || v > fact.range[1])) out.push(`${label}.${key}: outside ${fact.range.join('–')}`);
    if (fact.fields && typeof v === 'object') {
      for (const sub of fact.fields) if (!(sub in v)) out.push(`${label}.${key}.${sub}: missing`);
    }
  }
  if (fx.complete) for (const key of Object.keys(obj)) if (!(key in fx.fields)) out.push(`${label}.${key}: not a documented field`);
  return out;
}

function typeOk(v: unknown, type: string, datePattern: RegExp): boolean {
  switch (type) {
    case 'string':
    case 'enum':
      return typeof v === 'string';
    case 'integer':
      return Number.isInteger(v);
    case 'decimal':
      return typeof v === 'number';
    case 'boolean':
      return typeof v === 'boolean';
    case 'datetime-utc':
      return typeof v === 'string' && datePattern.test(v);
    case 'object':
      return typeof v === 'object' && !Array.isArray(v);
    case 'array':
      return Array.isArray(v);
    case 'array<string>':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
    default:
      return false;
  }
}
