import type { SimResponse } from '../kit';
import { parseVendorDate } from './dates';
import { ErrorCode, errorAnswer, ok, type Problem } from './envelopes';
import { pageSlice, readPageObject, type PageRequest } from './paging';
import type { LogiSenseSwitches } from './switches';
import { isObject, type EntitySpec } from './validation';

/**
 * `POST {Entity}/Search` (v4 and later, vendor notes §4): body
 * `{"query": {top, fields, search: [{name, operator, value}], orderBy: [{name, direction}], pagination}}`.
 * `top` defaults to 100 and must be 1..10000 (0, "all", is refused); search items are joined
 * with AND; extension fields cannot be searched one by one. Text compares ignore case, as the
 * vendor's SQL Server collation does [inferred]. The answer is the list envelope, `totalCount`
 * counting every match before `top` and paging.
 */

const OPERATORS = ['eq', 'notEq', 'lt', 'ltEq', 'gt', 'gtEq', 'contains', 'startsWith'] as const;
type Operator = (typeof OPERATORS)[number];

interface Condition { name: string; operator: Operator; value: unknown }
interface Order { name: string; direction: 'asc' | 'desc' }

export function search(
  spec: EntitySpec,
  rows: readonly Record<string, unknown>[],
  body: unknown,
  switches: LogiSenseSwitches,
): SimResponse {
  const problems: Problem[] = [];
  const query = isObject(body) ? body['query'] : undefined;
  if (!isObject(query)) {
    return errorAnswer(400, 'search', [{ code: ErrorCode.malformedRequest, message: 'The body must be {"query": {...}}.' }]);
  }
  const property = propertyResolver(spec);
  const top = readTop(query['top'], problems);
  const fields = readFields(query['fields'], property, problems);
  const conditions = readConditions(query['search'], spec, property, problems);
  const orderBy = readOrderBy(query['orderBy'], property, problems);
  const rawPage = query['pagination'];
  let page: PageRequest | null = null;
  if (rawPage !== undefined && rawPage !== null) {
    if (isObject(rawPage)) page = readPageObject(rawPage, 'query.pagination', switches, problems);
    else problems.push({ code: ErrorCode.invalidValue, message: 'query.pagination must be an object.' });
  }
  if (problems.length > 0) return errorAnswer(400, 'search', problems);

  const matches = rows.filter((row) => conditions.every((c) => test(row[c.name], c, spec)));
  const sorted = [...matches].sort((a, b) => {
    for (const o of orderBy) {
      const kind = spec[o.name]?.kind ?? 'string';
      const d = compare(toComparable(a[o.name], kind), toComparable(b[o.name], kind));
      if (d !== 0) return o.direction === 'asc' ? d : -d;
    }
    return 0;
  });
  const capped = sorted.slice(0, top);
  const items = (page ? pageSlice(capped, page) : capped).map((row) =>
    fields ? Object.fromEntries(fields.map((f) => [f, row[f] ?? null])) : row,
  );
  return ok({ totalCount: matches.length, items });
}

/** Property names match case-insensitively (.NET) and come back in their documented spelling. */
function propertyResolver(spec: EntitySpec): (name: unknown) => string | undefined {
  const byLower = new Map(Object.keys(spec).map((k) => [k.toLowerCase(), k]));
  return (name) => (typeof name === 'string' ? byLower.get(name.toLowerCase()) : undefined);
}

function readTop(raw: unknown, problems: Problem[]): number {
  if (raw === undefined || raw === null) return 100;
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 10000) return n;
  problems.push({
    code: ErrorCode.invalidValue,
    message: `query.top must be a whole number from 1 to 10000 (0 for "all" is not allowed); got ${JSON.stringify(raw)}.`,
  });
  return 100;
}

function readFields(raw: unknown, property: (n: unknown) => string | undefined, problems: Problem[]): string[] | null {
  if (raw === undefined || raw === null) return null;
  if (!Array.isArray(raw)) {
    problems.push({ code: ErrorCode.invalidValue, message: 'query.fields must be an array of property names.' });
    return null;
  }
  const out: string[] = [];
  raw.forEach((name: unknown, i) => {
    const p = property(name);
    if (p) out.push(p);
    else problems.push({ code: ErrorCode.invalidValue, message: `query.fields[${i}] ${JSON.stringify(name)} is not a property.` });
  });
  return out.length > 0 ? out : null;
}

function readConditions(raw: unknown, spec: EntitySpec, property: (n: unknown) => string | undefined, problems: Problem[]): Condition[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    problems.push({ code: ErrorCode.invalidValue, message: 'query.search must be an array.' });
    return [];
  }
  const out: Condition[] = [];
  raw.forEach((item: unknown, i) => {
    const path = `query.search[${i}]`;
    if (!isObject(item)) {
      problems.push({ code: ErrorCode.invalidValue, message: `${path} must be an object.` });
      return;
    }
    const rawName = item['name'];
    const name = property(rawName);
    if (typeof rawName === 'string' && /^extensions\./i.test(rawName)) {
      problems.push({ code: ErrorCode.invalidValue, message: `${path}.name: individual extension fields cannot be searched.` });
    } else if (!name) {
      problems.push({ code: ErrorCode.invalidValue, message: `${path}.name ${JSON.stringify(rawName)} is not a searchable property.` });
    }
    const operator = OPERATORS.find((o) => typeof item['operator'] === 'string' && o.toLowerCase() === item['operator'].toLowerCase());
    if (!operator) {
      problems.push({
        code: ErrorCode.invalidValue,
        message: `${path}.operator ${JSON.stringify(item['operator'])} is not one of ${OPERATORS.join(', ')}.`,
      });
    }
    const condition = item['condition'];
    if (condition !== undefined && condition !== null && (typeof condition !== 'string' || condition.toLowerCase() !== 'and')) {
      problems.push({ code: ErrorCode.invalidValue, message: `${path}.condition must be "and"; search items are combined with AND.` });
    }
    const field = name ? spec[name] : undefined;
    if (field && operator && (operator === 'contains' || operator === 'startsWith') && field.kind !== 'string') {
      problems.push({ code: ErrorCode.invalidValue, message: `${path}.operator ${operator} applies to text properties only.` });
    }
    if (field && item['value'] !== null && toComparable(item['value'], field.kind) === undefined) {
      problems.push({ code: ErrorCode.invalidValue, message: `${path}.value ${JSON.stringify(item['value'])} does not fit ${name}.` });
    }
    if (name && operator) out.push({ name, operator, value: item['value'] });
  });
  return out;
}

function readOrderBy(raw: unknown, property: (n: unknown) => string | undefined, problems: Problem[]): Order[] {
  if (raw === undefined || raw === null) return [{ name: 'identity', direction: 'asc' }];
  if (!Array.isArray(raw)) {
    problems.push({ code: ErrorCode.invalidValue, message: 'query.orderBy must be an array.' });
    return [];
  }
  const out: Order[] = [];
  raw.forEach((item: unknown, i) => {
    const name = isObject(item) ? property(item['name']) : undefined;
    const given = isObject(item) ? (item['direction'] ?? 'asc') : 'asc';
    // Anything but text is no direction: refused below like an unknown word.
    const direction = typeof given === 'string' ? given.toLowerCase() : '';
    if (!name) problems.push({ code: ErrorCode.invalidValue, message: `query.orderBy[${i}].name is not a property.` });
    if (direction !== 'asc' && direction !== 'desc') {
      problems.push({ code: ErrorCode.invalidValue, message: `query.orderBy[${i}].direction must be asc or desc.` });
    }
    if (name && (direction === 'asc' || direction === 'desc')) out.push({ name, direction });
  });
  return [...out, { name: 'identity', direction: 'asc' }];
}

/** A value in comparable form: numbers, epoch ms for dates, lower-case text, booleans. */
function toComparable(value: unknown, kind: string): number | string | boolean | undefined {
  if (value === null || value === undefined) return undefined;
  switch (kind) {
    case 'id':
    case 'number': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
    }
    case 'date':
      return typeof value === 'string' ? (parseVendorDate(value) ?? undefined) : undefined;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      return value === 'true' || value === 'false' ? value === 'true' : undefined;
    default:
      return typeof value === 'string' || typeof value === 'number' ? String(value).toLowerCase() : undefined;
  }
}

function test(actual: unknown, c: Condition, spec: EntitySpec): boolean {
  const kind = spec[c.name]?.kind ?? 'string';
  if (c.value === null) return c.operator === 'eq' ? actual === null : c.operator === 'notEq' ? actual !== null : false;
  const a = toComparable(actual, kind);
  const v = toComparable(c.value, kind);
  if (a === undefined || v === undefined) return c.operator === 'notEq';
  switch (c.operator) {
    case 'eq':
      return a === v;
    case 'notEq':
      return a !== v;
    case 'lt':
      return a < v;
    case 'ltEq':
      return a <= v;
    case 'gt':
      return a > v;
    case 'gtEq':
      return a >= v;
    case 'contains':
      return String(a).includes(String(v));
    case 'startsWith':
      return String(a).startsWith(String(v));
  }
}

/** Nulls first, as SQL Server orders them. */
function compare(a: number | string | boolean | undefined, b: number | string | boolean | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}
