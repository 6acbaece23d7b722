import type { EntityDef, FieldDef } from './entities';
import { entityDef, isModelled } from './entities';
import { invalidParameter } from './errors';
import { scalarValue, type FieldTree, type RenderContext } from './records';
import type { Row } from './store';
import { formatTimestamp, parseDateOnly, parseTimestamp } from './time';

/**
 * List-endpoint parameters (vendor notes §4): `filter[f]` + `filter-op[f]`, `order-by`,
 * cursor paging with `first`/`after`/`last`/`before`, `load-only`, `expand`,
 * `include-deleted`, and the legacy `limit`/`offset` (spec: page_info is then omitted).
 */

export const DEFAULT_PAGE_SIZE = 30;
export const MAX_PAGE_SIZE = 100;

export type OversizePage = 'clamp' | 'error';

export const FILTER_OPS = [
  'eq',
  'ieq',
  'not-eq',
  'not-ieq',
  'contains',
  'starts',
  'ends',
  'icontains',
  'istarts',
  'iends',
  'null',
  'not-null',
  'empty',
  'not-empty',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
] as const;
export type FilterOp = (typeof FILTER_OPS)[number];
const VALUELESS_OPS = new Set<FilterOp>(['null', 'not-null', 'empty', 'not-empty']);
/**
 * Operators that match text (case folding, parts of a value). The spec lists the operators
 * without saying which field types take them; these are refused on anything but text, as a
 * database refuses a LIKE on a number or a uuid column.
 */
export const TEXT_OPS: ReadonlySet<FilterOp> = new Set<FilterOp>([
  'ieq',
  'not-ieq',
  'contains',
  'starts',
  'ends',
  'icontains',
  'istarts',
  'iends',
]);

interface Filter {
  field: FieldDef;
  op: FilterOp;
  values: unknown[];
}

interface SortKey {
  field: FieldDef;
  desc: boolean;
}

export interface ListQuery {
  filters: Filter[];
  order: SortKey[];
  first: number | null;
  last: number | null;
  after: unknown[] | null;
  before: unknown[] | null;
  legacy: { limit: number; offset: number } | null;
  includeDeleted: boolean;
  expand: FieldTree | undefined;
  only: FieldTree | undefined;
}

const SCALAR_KINDS = new Set(['text', 'int', 'number', 'bool', 'date', 'datetime', 'fk']);

function scalarField(def: EntityDef, name: string, param: string): FieldDef {
  const f = def.byName.get(name);
  if (!f || !SCALAR_KINDS.has(f.kind)) {
    throw invalidParameter(`Unknown field '${name}' of ${def.name} in parameter '${param}'.`);
  }
  return f;
}

export function parseBool(text: string | null): boolean {
  return text !== null && ['true', '1', 'yes'].includes(text.trim().toLowerCase());
}

function parseCount(name: string, text: string | null, oversize: OversizePage): number | null {
  if (text === null) return null;
  if (!/^\d+$/.test(text.trim())) {
    throw invalidParameter(`Parameter '${name}' must be a non-negative integer.`);
  }
  const n = Number(text);
  if (n <= MAX_PAGE_SIZE) return n;
  if (oversize === 'error') {
    throw invalidParameter(`Parameter '${name}' must not be greater than ${MAX_PAGE_SIZE}.`);
  }
  return MAX_PAGE_SIZE;
}

/** Parses a comma list of dotted names into a tree, checking each step against the catalogue. */
export function parseFieldTree(
  def: EntityDef,
  text: string | null,
  param: 'expand' | 'load-only',
): FieldTree | undefined {
  if (text === null || text.trim() === '') return undefined;
  const root: FieldTree = new Map();
  for (const raw of text.split(',')) {
    const path = raw.trim();
    if (!path) continue;
    let node = root;
    let current: EntityDef | null = def;
    for (const name of path.split('.')) {
      const f: FieldDef | undefined = current?.byName.get(name);
      const relation: boolean = f !== undefined && (f.kind === 'link' || f.kind === 'many');
      if (!f || (param === 'expand' && !relation)) {
        throw invalidParameter(
          `Unknown ${param === 'expand' ? 'relation' : 'field'} '${path}' in parameter '${param}'.`,
        );
      }
      let child = node.get(name);
      if (!child) node.set(name, (child = new Map<string, FieldTree>()));
      node = child;
      current = relation && isModelled(f.target) ? entityDef(f.target) : null;
    }
  }
  return root;
}

function coerce(f: FieldDef, text: string): unknown {
  switch (f.kind) {
    case 'bool': {
      const t = text.trim().toLowerCase();
      if (t === 'true' || t === '1') return true;
      if (t === 'false' || t === '0') return false;
      throw invalidParameter(`Filter value '${text}' of field '${f.name}' is not a boolean.`);
    }
    case 'int':
    case 'number': {
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n)) {
        throw invalidParameter(`Filter value '${text}' of field '${f.name}' is not a number.`);
      }
      return n;
    }
    case 'datetime': {
      const t = parseTimestamp(text);
      if (t === null) throw invalidParameter(`Filter value '${text}' of field '${f.name}' is not a date-time.`);
      return t;
    }
    case 'date': {
      const d = parseDateOnly(text) ?? (parseTimestamp(text) === null ? null : text.slice(0, 10));
      if (d === null) throw invalidParameter(`Filter value '${text}' of field '${f.name}' is not a date.`);
      return d;
    }
    case 'text':
    case 'fk':
    case 'link':
    case 'many':
    case 'object':
    case 'list':
      return text;
  }
}

export function parseListQuery(def: EntityDef, q: URLSearchParams, oversize: OversizePage): ListQuery {
  const filters: Filter[] = [];
  const seen = new Set<string>();
  for (const key of q.keys()) {
    const m = /^filter(-op)?\[([^\]]+)\]$/.exec(key);
    if (!m || !m[2] || seen.has(m[2])) continue;
    const name = m[2];
    seen.add(name);
    const field = scalarField(def, name, `filter[${name}]`);
    const opText = q.get(`filter-op[${name}]`)?.trim().toLowerCase() ?? 'eq';
    if (!(FILTER_OPS as readonly string[]).includes(opText)) {
      throw invalidParameter(`Unknown filter operator '${opText}' for field '${name}'.`);
    }
    const op = opText as FilterOp;
    if (TEXT_OPS.has(op) && field.kind !== 'text') {
      throw invalidParameter(`Filter operator '${op}' does not apply to field '${name}', which is not text.`);
    }
    const raw = q.get(`filter[${name}]`);
    let values: unknown[] = [];
    if (!VALUELESS_OPS.has(op)) {
      if (raw === null) throw invalidParameter(`Missing value 'filter[${name}]' for operator '${op}'.`);
      if (op === 'between') {
        const parts = raw.split(',');
        if (parts.length !== 2) {
          throw invalidParameter(`Operator 'between' of field '${name}' needs two comma-separated values.`);
        }
        values = parts.map((p) => coerce(field, p.trim()));
      } else {
        values = [coerce(field, raw)];
      }
    }
    filters.push({ field, op, values });
  }

  const order: SortKey[] = [];
  const orderText = q.get('order-by');
  if (orderText) {
    for (const part of orderText.split(',')) {
      const t = part.trim();
      if (!t) continue;
      const desc = t.startsWith('-');
      order.push({ field: scalarField(def, desc ? t.slice(1) : t, 'order-by'), desc });
    }
  }

  const limitText = q.get('limit');
  const offsetText = q.get('offset');
  let legacy: ListQuery['legacy'] = null;
  if (limitText !== null || offsetText !== null) {
    const limit = parseCount('limit', limitText, oversize) ?? DEFAULT_PAGE_SIZE;
    if (offsetText !== null && !/^\d+$/.test(offsetText.trim())) {
      throw invalidParameter(`Parameter 'offset' must be a non-negative integer.`);
    }
    legacy = { limit, offset: offsetText === null ? 0 : Number(offsetText) };
  }

  return {
    filters,
    order,
    first: parseCount('first', q.get('first'), oversize),
    last: parseCount('last', q.get('last'), oversize),
    after: decodeCursor(q.get('after'), order.length, 'after'),
    before: decodeCursor(q.get('before'), order.length, 'before'),
    legacy,
    includeDeleted: parseBool(q.get('include-deleted')),
    expand: parseFieldTree(def, q.get('expand'), 'expand'),
    only: parseFieldTree(def, q.get('load-only'), 'load-only'),
  };
}

// ---------------------------------------------------------------- filtering

function asText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

function compareValues(a: unknown, b: unknown): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) return an && bn ? 0 : an ? 1 : -1; // nulls last ascending, as in PostgreSQL
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const as = asText(a);
  const bs = asText(b);
  return as < bs ? -1 : as > bs ? 1 : 0;
}

function matches(filter: Filter, v: unknown): boolean {
  const [x, y] = filter.values;
  const isNull = v === null || v === undefined || (filter.field.kind === 'text' && v === '');
  switch (filter.op) {
    case 'eq':
      return x === '' ? isNull : v === x;
    case 'not-eq':
      return x === '' ? !isNull : v !== x;
    case 'ieq':
      return asText(v).toLowerCase() === asText(x).toLowerCase();
    case 'not-ieq':
      return asText(v).toLowerCase() !== asText(x).toLowerCase();
    case 'contains':
      return asText(v).includes(asText(x));
    case 'icontains':
      return asText(v).toLowerCase().includes(asText(x).toLowerCase());
    case 'starts':
      return asText(v).startsWith(asText(x));
    case 'istarts':
      return asText(v).toLowerCase().startsWith(asText(x).toLowerCase());
    case 'ends':
      return asText(v).endsWith(asText(x));
    case 'iends':
      return asText(v).toLowerCase().endsWith(asText(x).toLowerCase());
    case 'null':
      return isNull;
    case 'not-null':
      return !isNull;
    case 'empty':
      return isNull || (Array.isArray(v) && v.length === 0);
    case 'not-empty':
      return !(isNull || (Array.isArray(v) && v.length === 0));
    case 'gt':
      return !isNull && compareValues(v, x) > 0;
    case 'gte':
      return !isNull && compareValues(v, x) >= 0;
    case 'lt':
      return !isNull && compareValues(v, x) < 0;
    case 'lte':
      return !isNull && compareValues(v, x) <= 0;
    case 'between':
      return !isNull && compareValues(v, x) >= 0 && compareValues(v, y) <= 0;
  }
}

// ---------------------------------------------------------------- ordering and cursors

function sortTuple(ctx: RenderContext, def: EntityDef, order: SortKey[], row: Row): unknown[] {
  return [...order.map((k) => scalarValue(ctx, def, row, k.field)), row.id];
}

function compareTuples(order: SortKey[], a: unknown[], b: unknown[]): number {
  for (let i = 0; i < order.length; i += 1) {
    const c = compareValues(a[i], b[i]);
    if (c !== 0) return order[i]?.desc ? -c : c;
  }
  return compareValues(a[order.length], b[order.length]); // ties broken by id, ascending
}

/**
 * Cursors are base64 of a JSON array of the sort-key values followed by the row id, spaced the
 * way the vendor's examples are (`["01", "b2f0…"]`, vendor notes §4). Datetimes appear in
 * their wire format so the cursor reads like the data.
 */
export function encodeCursor(order: SortKey[], tuple: unknown[]): string {
  const values = tuple.map((v, i) => {
    const f = order[i]?.field;
    return f?.kind === 'datetime' && typeof v === 'number' ? formatTimestamp(v) : v;
  });
  return Buffer.from(`[${values.map((v) => JSON.stringify(v ?? null)).join(', ')}]`, 'utf8').toString('base64');
}

/** Decodes a cursor; it must carry one value per sort key plus the id, else 400. */
function decodeCursor(text: string | null, keys: number, param: string): unknown[] | null {
  if (text === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== keys + 1 || typeof parsed[keys] !== 'string') {
    throw invalidParameter(`Invalid cursor in parameter '${param}'.`);
  }
  return parsed as unknown[];
}

function cursorTuple(order: SortKey[], raw: unknown[]): unknown[] {
  return raw.map((v, i) => {
    const f = order[i]?.field;
    return f?.kind === 'datetime' && typeof v === 'string' ? parseTimestamp(v) : v;
  });
}

export interface PageInfo {
  start_cursor: string | null;
  end_cursor: string | null;
  has_previous_page: boolean;
  has_next_page: boolean;
}

export interface Page {
  rows: Row[];
  total: number;
  pageInfo: PageInfo | null;
}

/**
 * Filters, orders and cuts one page. `total` counts every match regardless of the cursor (the
 * recorded pages all report the full total). `has_previous_page`/`has_next_page` say whether
 * matching rows exist before/after the returned ones; an empty page has both false and null
 * cursors, as in the recorded last page.
 */
export function runListQuery(ctx: RenderContext, def: EntityDef, rows: Row[], query: ListQuery): Page {
  const matching = rows.filter((row) => query.filters.every((f) => matches(f, scalarValue(ctx, def, row, f.field))));
  const keyed = matching.map((row) => ({ row, key: sortTuple(ctx, def, query.order, row) }));
  keyed.sort((a, b) => compareTuples(query.order, a.key, b.key));

  if (query.legacy) {
    const { offset, limit } = query.legacy;
    return { rows: keyed.slice(offset, offset + limit).map((k) => k.row), total: keyed.length, pageInfo: null };
  }

  let start = 0;
  let end = keyed.length;
  if (query.after) {
    const after = cursorTuple(query.order, query.after);
    while (start < end && compareTuples(query.order, keyed[start]!.key, after) <= 0) start += 1;
  }
  if (query.before) {
    const before = cursorTuple(query.order, query.before);
    let cut = start;
    while (cut < end && compareTuples(query.order, keyed[cut]!.key, before) < 0) cut += 1;
    end = cut;
  }
  const first = query.first ?? (query.last === null ? DEFAULT_PAGE_SIZE : null);
  if (first !== null) end = Math.min(end, start + first);
  if (query.last !== null) start = Math.max(start, end - query.last);

  const page = keyed.slice(start, end);
  const firstKey = page[0]?.key;
  const lastKey = page[page.length - 1]?.key;
  return {
    rows: page.map((k) => k.row),
    total: keyed.length,
    pageInfo: {
      start_cursor: firstKey ? encodeCursor(query.order, firstKey) : null,
      end_cursor: lastKey ? encodeCursor(query.order, lastKey) : null,
      has_previous_page: page.length > 0 && start > 0,
      has_next_page: page.length > 0 && end < keyed.length,
    },
  };
}
