import type { ArchiveEnv, ColumnDef } from './columns';
import { parseDate, startOfLocalDay, type DateContext } from './dates';
import { SoError, badRequest } from './errors';
import type { FilterExpr, Literal } from './filter';

/**
 * Turns a parsed `$filter` into a row predicate, per column kind (see columns.ts): numbers and
 * ids, list items and associates by id, strings case-insensitively (SQL Server's default
 * collation), booleans, and dates by day, by instant or by unary period in the request's zone.
 * An operator that does not fit the column is a 400, as is a value of the wrong type.
 */
export interface PredicateSettings {
  dates: DateContext;
  now: number;
  currentAssociateId: number;
  failUndocumentedOperators: boolean;
}

type Pred<R> = (row: R, env: ArchiveEnv) => boolean;

const DAY = 86_400_000;

/** The official request collection marks these as failing although the docs list them. */
const FAILING_OPS = new Set(['le', 'ge', 'notends']);

export function compile<R>(e: FilterExpr, column: (n: string, w: string) => ColumnDef<R>, s: PredicateSettings): Pred<R> {
  if (e.kind === 'and' || e.kind === 'or') {
    const l = compile(e.left, column, s);
    const r = compile(e.right, column, s);
    return e.kind === 'and' ? (row, env) => l(row, env) && r(row, env) : (row, env) => l(row, env) || r(row, env);
  }
  if (e.kind === 'func') {
    const c = column(e.column, '$filter');
    if (c.kind !== 'string') throw badRequest(`$filter: ${e.name} needs a string column, '${e.column}' is ${c.kind}`);
    const needle = e.value.toLowerCase();
    const test =
      e.name === 'startswith'
        ? (v: string) => v.startsWith(needle)
        : e.name === 'endswith'
          ? (v: string) => v.endsWith(needle)
          : (v: string) => v.includes(needle);
    return (row, env) => stringValues(c, row, env).some((v) => test(v.toLowerCase()));
  }
  if (e.kind !== 'cmp') throw badRequest('$filter: malformed expression');
  const c = column(e.column, '$filter');
  const op = e.op === '=' ? 'eq' : e.op;
  if (s.failUndocumentedOperators && FAILING_OPS.has(op)) {
    throw new SoError(400, 'ArgumentException', `$filter: operator '${e.op}' is not supported`);
  }
  switch (c.kind) {
    case 'int':
    case 'decimal':
    case 'list':
    case 'associate':
      return numeric(c, op, e.args, s);
    case 'string':
      return text(c, op, e.args);
    case 'bool':
      return boolean(c, op, e.args);
    case 'date':
      return dates(c, op, e.args, s);
  }
}

function unsupported(op: string, c: { name: string; kind: string }): SoError {
  return badRequest(`$filter: operator '${op}' does not apply to ${c.kind} column '${c.name}'`);
}

function arity(op: string, args: Literal[], n: number): void {
  if (args.length !== n) throw badRequest(`$filter: operator '${op}' takes ${n} value(s), got ${args.length}`);
}

function toNumber(v: Literal, column: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw badRequest(`$filter: '${String(v)}' is not a number (column '${column}')`);
}

function numeric<R>(c: ColumnDef<R>, op: string, args: Literal[], s: PredicateSettings): Pred<R> {
  const value = (row: R, env: ArchiveEnv): number => Number(c.raw(row, env) ?? 0);
  const nums = args.map((a) => toNumber(a, c.name));
  const one = (): number => {
    arity(op, args, 1);
    return nums[0] as number;
  };
  const isList = c.kind === 'list' || c.kind === 'associate';
  switch (op) {
    case 'eq':
    case 'equals': {
      const n = one();
      return (r, env) => value(r, env) === n;
    }
    case 'set':
      if (nums.length === 0) return (r, env) => value(r, env) !== 0;
      return (r, env) => value(r, env) === one();
    case 'ne':
    case 'unequals': {
      const n = one();
      return (r, env) => value(r, env) !== n;
    }
    case 'in':
    case 'oneof':
    case 'associateisoneof':
      if (op === 'associateisoneof' && c.kind !== 'associate') throw unsupported(op, c);
      return (r, env) => nums.includes(value(r, env));
    case 'notoneof':
    case 'associateisnotoneof':
      if (op === 'associateisnotoneof' && c.kind !== 'associate') throw unsupported(op, c);
      return (r, env) => !nums.includes(value(r, env));
    case 'currentassociate':
      if (c.kind !== 'associate') throw unsupported(op, c);
      return (r, env) => value(r, env) === s.currentAssociateId;
  }
  if (isList) throw unsupported(op, c);
  switch (op) {
    case 'lt':
    case 'less': {
      const n = one();
      return (r, env) => value(r, env) < n;
    }
    case 'gt':
    case 'greater': {
      const n = one();
      return (r, env) => value(r, env) > n;
    }
    case 'le': {
      const n = one();
      return (r, env) => value(r, env) <= n;
    }
    case 'ge': {
      const n = one();
      return (r, env) => value(r, env) >= n;
    }
    case 'between': {
      arity(op, args, 2);
      const [lo, hi] = nums as [number, number];
      return (r, env) => value(r, env) >= lo && value(r, env) <= hi;
    }
  }
  throw unsupported(op, c);
}

function stringValues<R>(c: ColumnDef<R>, row: R, env: ArchiveEnv): string[] {
  if (c.all) return c.all(row, env);
  return [String(c.raw(row, env) ?? '')];
}

function text<R>(c: ColumnDef<R>, op: string, args: Literal[]): Pred<R> {
  const strs = args.map((a) => String(a).toLowerCase());
  const one = (): string => {
    arity(op, args, 1);
    return strs[0] as string;
  };
  // SQL Server's default collation: comparisons ignore case. Multi-valued columns match if any value does.
  const any = (test: (v: string) => boolean): Pred<R> => (r, env) => stringValues(c, r, env).some((v) => test(v.toLowerCase()));
  const none = (test: (v: string) => boolean): Pred<R> => (r, env) => !stringValues(c, r, env).some((v) => test(v.toLowerCase()));
  switch (op) {
    case 'eq':
    case 'is':
    case 'equals': {
      const s = one();
      return any((v) => v === s);
    }
    case 'ne':
    case 'isnot':
    case 'unequals': {
      const s = one();
      return none((v) => v === s);
    }
    case 'begins': {
      const s = one();
      return any((v) => v.startsWith(s));
    }
    case 'notbegins': {
      const s = one();
      return none((v) => v.startsWith(s));
    }
    case 'contains': {
      const s = one();
      return any((v) => v.includes(s));
    }
    case 'notcontains': {
      const s = one();
      return none((v) => v.includes(s));
    }
    case 'ends': {
      const s = one();
      return any((v) => v.endsWith(s));
    }
    case 'notends': {
      const s = one();
      return none((v) => v.endsWith(s));
    }
    case 'in':
    case 'oneof':
      return any((v) => strs.includes(v));
    case 'notoneof':
      return none((v) => strs.includes(v));
    case 'between': {
      arity(op, args, 2);
      const [lo, hi] = strs as [string, string];
      return any((v) => v.localeCompare(lo, 'en') >= 0 && v.localeCompare(hi, 'en') <= 0);
    }
    case 'set':
      return any((v) => v !== '');
  }
  throw unsupported(op, c);
}

function boolean<R>(c: ColumnDef<R>, op: string, args: Literal[]): Pred<R> {
  const want = (): boolean => {
    if (args.length === 0) return true;
    arity(op, args, 1);
    const a = args[0];
    if (a === true || a === 1 || a === '1' || a === 'true') return true;
    if (a === false || a === 0 || a === '0' || a === 'false') return false;
    throw badRequest(`$filter: '${String(a)}' is not a boolean (column '${c.name}')`);
  };
  const value = (r: R, env: ArchiveEnv): boolean => c.raw(r, env) === true;
  switch (op) {
    case 'set':
    case 'eq':
    case 'equals': {
      const w = want();
      return (r, env) => value(r, env) === w;
    }
    case 'ne':
    case 'unequals': {
      const w = want();
      return (r, env) => value(r, env) !== w;
    }
  }
  throw unsupported(op, c);
}

function dates<R>(c: ColumnDef<R>, op: string, args: Literal[], s: PredicateSettings): Pred<R> {
  const ctx = s.dates;
  const instant = (a: Literal): number => {
    const ms = parseDate(a, ctx);
    if (typeof ms !== 'number') throw badRequest(`$filter: '${String(a)}' is not a date (column '${c.name}')`);
    return ms;
  };
  const value = (r: R, env: ArchiveEnv): number | null => {
    const v = c.raw(r, env);
    return typeof v === 'number' ? v : null;
  };
  const day = (ms: number): number => startOfLocalDay(ms, ctx);
  const within = (from: number, to: number): Pred<R> => (r, env) => {
    const v = value(r, env);
    return v !== null && v >= from && v < to;
  };
  const cmp = (test: (v: number, lit: number) => boolean, granular: 'day' | 'instant'): Pred<R> => {
    arity(op, args, 1);
    const lit = instant(args[0] as Literal);
    const l = granular === 'day' ? day(lit) : Math.floor(lit / 1000);
    return (r, env) => {
      const v = value(r, env);
      if (v === null) return false;
      return test(granular === 'day' ? day(v) : Math.floor(v / 1000), l);
    };
  };
  switch (op) {
    case 'before':
      return cmp((v, l) => v < l, 'day');
    case 'after':
      return cmp((v, l) => v > l, 'day');
    case 'date':
      return cmp((v, l) => v === l, 'day');
    case 'beforeorequal':
      return cmp((v, l) => v <= l, 'day');
    case 'afterorequal':
      return cmp((v, l) => v >= l, 'day');
    case 'datetime':
    case 'eq':
    case 'equals':
      return cmp((v, l) => v === l, 'instant');
    case 'ne':
    case 'unequals':
      return cmp((v, l) => v !== l, 'instant');
    case 'beforetime':
    case 'lt':
    case 'less':
      return cmp((v, l) => v < l, 'instant');
    case 'aftertime':
    case 'gt':
    case 'greater':
      return cmp((v, l) => v > l, 'instant');
    case 'le':
      return cmp((v, l) => v <= l, 'instant');
    case 'ge':
      return cmp((v, l) => v >= l, 'instant');
    case 'between':
    case 'datebetween': {
      arity(op, args, 2);
      const from = day(instant(args[0] as Literal));
      const to = day(instant(args[1] as Literal)) + DAY;
      return within(from, to);
    }
    case 'set':
      return (r, env) => value(r, env) !== null;
  }
  const period = periodOf(op, s.now, ctx);
  if (period) return within(period[0], period[1]);
  throw unsupported(op, c);
}

/** [from, to) of the unary date operators, in the request's zone. */
function periodOf(op: string, now: number, ctx: DateContext): [number, number] | null {
  const offset = ctx.offsetAt(now) * 60_000;
  const local = new Date(now + offset);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const utc = (year: number, month: number, d = 1): number => Date.UTC(year, month, d) - offset;
  const today = utc(y, m, local.getUTCDate());
  const monday = today - ((local.getUTCDay() + 6) % 7) * DAY;
  const q = Math.floor(m / 3) * 3;
  const h = m < 6 ? 0 : 6;
  switch (op) {
    case 'today':
      return [today, today + DAY];
    case 'beforetoday':
      return [-8.64e15, today];
    case 'aftertoday':
      return [today + DAY, 8.64e15];
    case 'lastweek':
      return [monday - 7 * DAY, monday];
    case 'thisweek':
      return [monday, monday + 7 * DAY];
    case 'nextweek':
      return [monday + 7 * DAY, monday + 14 * DAY];
    case 'lastmonth':
      return [utc(y, m - 1), utc(y, m)];
    case 'thismonth':
      return [utc(y, m), utc(y, m + 1)];
    case 'nextmonth':
      return [utc(y, m + 1), utc(y, m + 2)];
    case 'lastquarter':
      return [utc(y, q - 3), utc(y, q)];
    case 'thisquarter':
      return [utc(y, q), utc(y, q + 3)];
    case 'nextquarter':
      return [utc(y, q + 3), utc(y, q + 6)];
    case 'thishalf':
      return [utc(y, h), utc(y, h + 6)];
    case 'thisyear':
      return [utc(y, 0), utc(y + 1, 0)];
  }
  return null;
}
