import { MESSAGES, QueryError } from './errors';
import type { ModelSpec } from './models';
import { sortRows, parseOrder } from './ordering';
import { compileWhere, type Row } from './predicate';
import { parseFields, project } from './projection';
import type { Cin7Switches } from './switches';
import { parseWhere } from './where';

/** Paging defaults (vendor notes §2 "Paging"): page 1, 50 rows, at most 250. */
export const DEFAULT_ROWS = 50;
export const MAX_ROWS = 250;

/** A query parameter by name, case-insensitively (ASP.NET binds `Where=` like `where=`). */
export function queryParam(query: URLSearchParams, name: string): string | null {
  const wanted = name.toLowerCase();
  for (const [k, v] of query) if (k.toLowerCase() === wanted) return v;
  return null;
}

/**
 * One list GET: `where` → `order` → `page`/`rows` → `fields`, the same five parameters on every
 * list (vendor notes §2, §3). The answer is a bare array with no total; past the last page it is
 * `[]`. Unknown parameters are ignored. Throws `QueryError` for a bad argument.
 */
export function runListQuery<T extends object>(
  rows: readonly T[],
  query: URLSearchParams,
  model: ModelSpec,
  switches: Cin7Switches,
  toWire: (row: T) => Row,
): Row[] {
  const { page, size } = readPaging(query, switches);
  const whereText = queryParam(query, 'where');
  const where =
    whereText === null || whereText.trim() === ''
      ? null
      : compileWhere(parseWhere(whereText, { parentheses: switches.whereParentheses }), model, { dateRange: switches.whereDateRange });
  const order = parseOrder(queryParam(query, 'order'), model, switches.defaultOrderDirection);
  const fields = parseFields(queryParam(query, 'fields'), model, { unknownFields: switches.unknownFields });
  // Stored rows already carry wire keys and values, so they are filtered and sorted as they are.
  const stored = rows as unknown as readonly Row[];
  const matched = where ? stored.filter(where) : stored;
  const start = (page - 1) * size;
  return sortRows(matched, order)
    .slice(start, start + size)
    .map((row) => project(toWire(row as unknown as T), model, fields, switches.unrequestedFields));
}

function readPaging(query: URLSearchParams, switches: Cin7Switches): { page: number; size: number } {
  const page = readInt(query, 'page', 1);
  const rows = readInt(query, 'rows', DEFAULT_ROWS);
  if (page < 1) throw new QueryError(MESSAGES.pageOutOfRange, 'paging');
  if (rows < 1) throw new QueryError(MESSAGES.rowsOutOfRange, 'paging');
  if (rows > MAX_ROWS) {
    if (switches.rowsAboveMax === 'reject') throw new QueryError(MESSAGES.rowsAboveMax(MAX_ROWS), 'paging');
    return { page, size: MAX_ROWS };
  }
  return { page, size: rows };
}

/** An `int` action parameter: blank = default; anything but a whole number fails model binding. */
function readInt(query: URLSearchParams, name: string, fallback: number): number {
  const raw = queryParam(query, name);
  if (raw === null || raw.trim() === '') return fallback;
  if (!/^\s*[-+]?\d{1,10}\s*$/.test(raw) || Math.abs(Number(raw)) > 2147483647) {
    throw new QueryError('The request is invalid.', 'binding');
  }
  return Number(raw);
}
