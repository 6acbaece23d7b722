import { parseWireDate } from './dates';
import type { FieldSpec, ModelSpec } from './models';
import { invalidWhere, type CompareOp, type Literal, type WhereExpr } from './where';

export type Row = Record<string, unknown>;
export type Predicate = (row: Row) => boolean;

/**
 * Turns a parsed `where` into a row test, checking names and literal types against the model.
 * Semantics are SQL Server's, which the language passes through to (vendor notes §3):
 * - field names are case-insensitive and top-level only — nested (`a.b`), object and list fields
 *   cannot be filtered (vendor notes §3 "top-level fields only");
 * - text compares case-insensitively (the default SQL Server collation), so `email='A@x.com'`
 *   finds `a@x.com`;
 * - a NULL column satisfies no comparison, LIKE or IN, negated or not (ANSI NULLS): only
 *   `IS NULL` finds it;
 * - dates are quoted ISO strings compared as instants (`modifiedDate>='2020-12-31T00:00:00Z'`).
 * - a date outside the column type's range (`dateRange`) cannot be converted: SQL Server
 *   fails the statement, so the request is refused rather than answered.
 * A name or literal that does not fit throws `QueryError`.
 */
export interface WhereOptions {
  /** Range of the date columns' SQL type (switch `whereDateRange`). */
  dateRange: 'datetime' | 'datetime2';
}

/** SQL Server `datetime`: 1753-01-01 to 9999-12-31; `datetime2`: from 0001-01-01. */
const DATE_RANGES = {
  datetime: { min: Date.parse('1753-01-01T00:00:00Z'), shown: '1753-01-01' },
  datetime2: { min: Date.parse('0001-01-01T00:00:00Z'), shown: '0001-01-01' },
} as const;
const DATE_MAX = Date.parse('9999-12-31T23:59:59.999Z');

export function compileWhere(expr: WhereExpr, model: ModelSpec, options: WhereOptions): Predicate {
  switch (expr.kind) {
    case 'and': {
      const l = compileWhere(expr.left, model, options);
      const r = compileWhere(expr.right, model, options);
      return (row) => l(row) && r(row);
    }
    case 'or': {
      const l = compileWhere(expr.left, model, options);
      const r = compileWhere(expr.right, model, options);
      return (row) => l(row) || r(row);
    }
    case 'isNull': {
      const spec = filterable(expr.field, model);
      return (row) => isNull(row[spec.wire]) !== expr.negate;
    }
    case 'compare':
      return compileCompare(filterable(expr.field, model), expr.op, expr.value, options);
    case 'like': {
      const spec = filterable(expr.field, model);
      if (!['string', 'enum', 'integer', 'decimal'].includes(spec.kind)) {
        throw invalidWhere(`LIKE cannot be used on ${spec.kind} field '${expr.field}'`);
      }
      const re = likeToRegExp(expr.pattern);
      return (row) => {
        const v = row[spec.wire];
        if (isNull(v)) return false;
        return re.test(typeof v === 'string' ? v : JSON.stringify(v)) !== expr.negate;
      };
    }
    case 'in': {
      const spec = filterable(expr.field, model);
      const keys = expr.values.map((lit) => (lit.type === 'null' ? null : coerce(spec, lit, expr.field, options)));
      const hasNull = keys.includes(null);
      return (row) => {
        const v = columnKey(spec, row[spec.wire]);
        if (v === null) return false;
        const found = keys.some((k) => k !== null && compareKeys(v, k) === 0);
        if (expr.negate) return !found && !hasNull;
        return found;
      };
    }
  }
}

function filterable(name: string, model: ModelSpec): FieldSpec {
  if (name.includes('.')) throw invalidWhere(`'${name}' is a nested field; only top-level fields can be filtered`);
  const spec = model.byLowerName.get(name.toLowerCase());
  if (!spec) throw invalidWhere(`'${name}' is not a field of ${model.name}`);
  if (spec.kind === 'object' || spec.kind === 'array') throw invalidWhere(`'${name}' cannot be filtered`);
  return spec;
}

function compileCompare(spec: FieldSpec, op: CompareOp, lit: Literal, options: WhereOptions): Predicate {
  if (lit.type === 'null') return () => false; // `= NULL` is unknown under ANSI NULLS: use IS NULL
  if (spec.kind === 'boolean' && op !== '=' && op !== '<>') throw invalidWhere(`'${op}' cannot compare boolean field '${spec.wire}'`);
  const key = coerce(spec, lit, spec.wire, options);
  return (row) => {
    const v = columnKey(spec, row[spec.wire]);
    if (v === null) return false;
    const c = compareKeys(v, key);
    switch (op) {
      case '=':
        return c === 0;
      case '<>':
        return c !== 0;
      case '>':
        return c > 0;
      case '<':
        return c < 0;
      case '>=':
        return c >= 0;
      case '<=':
        return c <= 0;
    }
  };
}

type Key = string | number;

/** A literal in the column's own terms (lower-cased text, number, 0/1, epoch ms). */
function coerce(spec: FieldSpec, lit: Exclude<Literal, { type: 'null' }>, name: string, options: WhereOptions): Key {
  const shown = lit.type === 'string' ? `'${lit.value}'` : String(lit.value);
  switch (spec.kind) {
    case 'string':
    case 'enum':
      // A bare number makes SQL Server convert the text column to a number, which fails on the
      // first row that holds letters: text is compared with quoted literals only.
      if (lit.type !== 'string') throw invalidWhere(`${shown} is not text for field '${name}'; quote it`);
      return String(lit.value).toLowerCase();
    case 'integer':
    case 'decimal': {
      const n = lit.type === 'number' ? lit.value : lit.type === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(lit.value) ? Number(lit.value) : NaN;
      if (Number.isNaN(n)) throw invalidWhere(`${shown} is not a number for field '${name}'`);
      return n;
    }
    case 'boolean': {
      const text = String(lit.value).toLowerCase();
      if (text === 'true' || text === '1') return 1;
      if (text === 'false' || text === '0') return 0;
      throw invalidWhere(`${shown} is not true or false for field '${name}'`);
    }
    case 'datetime': {
      const ms = lit.type === 'string' ? parseWireDate(lit.value) : null;
      if (ms === null) throw invalidWhere(`${shown} is not a quoted date for field '${name}'`);
      const range = DATE_RANGES[options.dateRange];
      if (ms < range.min || ms > DATE_MAX) throw invalidWhere(`${shown} is outside the dates of field '${name}' (${range.shown} to 9999-12-31)`);
      return ms;
    }
    case 'object':
    case 'array':
      throw invalidWhere(`'${name}' cannot be filtered`);
  }
}

function columnKey(spec: FieldSpec, v: unknown): Key | null {
  if (isNull(v)) return null;
  switch (spec.kind) {
    case 'boolean':
      return v ? 1 : 0;
    case 'datetime':
      return typeof v === 'string' ? parseWireDate(v) : null;
    case 'integer':
    case 'decimal':
      return Number(v);
    case 'string':
    case 'enum':
    case 'object':
    case 'array':
      return (typeof v === 'string' ? v : JSON.stringify(v)).toLowerCase();
  }
}

function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function isNull(v: unknown): boolean {
  return v === null || v === undefined;
}

/**
 * SQL Server's LIKE: `%` any run, `_` one character, `[abc]` / `[a-c]` one of a set or range,
 * `[^abc]` one not in it; case-insensitive, everything else literal. A `[` with no closing `]`
 * makes a pattern that matches nothing (SQL Server answers no rows, not an error). So a client
 * that leaves `[` in a literal finds the wrong rows, as on the real server.
 */
export function likeToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern.charAt(i);
    if (ch === '%') re += '.*';
    else if (ch === '_') re += '.';
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) return /(?!)/;
      re += charClass(pattern.slice(i + 1, close));
      i = close;
    } else re += escapeRegExp(ch);
  }
  try {
    return new RegExp(`^${re}$`, 'is');
  } catch {
    return /(?!)/; // a range written backwards (`[z-a]`) contains nothing
  }
}

/** The inside of a LIKE `[…]` as a regular-expression class; `-` between two characters is a range. */
function charClass(inside: string): string {
  const negate = inside.startsWith('^') && inside.length > 1;
  const body = negate ? inside.slice(1) : inside;
  let out = '';
  for (let i = 0; i < body.length; i += 1) {
    const ch = body.charAt(i);
    if (body.charAt(i + 1) === '-' && i + 2 < body.length) {
      out += `${escapeClass(ch)}-${escapeClass(body.charAt(i + 2))}`;
      i += 2;
    } else out += escapeClass(ch);
  }
  return `[${negate ? '^' : ''}${out}]`;
}

function escapeRegExp(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function escapeClass(ch: string): string {
  return ch.replace(/[\]\\^-]/g, '\\$&');
}
