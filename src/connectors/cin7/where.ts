/**
 * Building `where` arguments (vendor notes §3) that no input can break.
 *
 * - Text is always a quoted literal with `'` doubled (easify `whereValue`); numbers are
 *   integers we parsed ourselves; dates are `yyyy-MM-ddTHH:mm:ssZ` strings we formatted.
 * - LIKE: `%`, `_` and `[` in the user's text would be wildcards (and `[` a character class on
 *   SQL Server). They are replaced by `_` — one character, which matches the character itself
 *   too — so the vendor answers a superset, and the caller checks the exact text locally
 *   (`exact: false`).
 * - No parentheses: whether `where` groups with them is unverified (vendor notes §3, §9 q7).
 *   A condition is kept as OR-of-ANDs and written without them (AND binds tighter than OR).
 * - `%` travels as `%25` because the query string is built with URLSearchParams (vendor notes §3, §7).
 */

/** OR of AND-terms; `[]` matches nothing, `[[]]` matches everything. */
export type Where = string[][];

export const MATCH_ALL: Where = [[]];
export const MATCH_NONE: Where = [];

export function quoted(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function atom(condition: string): Where {
  return [[condition]];
}

export function and(...parts: Where[]): Where {
  return parts.reduce<Where>((acc, part) => acc.flatMap((l) => part.map((r) => [...l, ...r])), MATCH_ALL);
}

export function or(...parts: Where[]): Where {
  return parts.flat();
}

/** The `where` argument, or null when everything matches (no argument is sent). */
export function render(where: Where): string | null {
  if (where.length === 0) throw new Error('render(MATCH_NONE): the caller answers an empty page without asking');
  if (where.some((terms) => terms.length === 0)) return null;
  return where.map((terms) => terms.join(' AND ')).join(' OR ');
}

export interface LikePattern {
  /** The quoted LIKE literal, e.g. `'%o_brien%'`. */
  literal: string;
  /** False when wildcard characters were blurred: check the text locally. */
  exact: boolean;
}

/**
 * Most characters of a request's query string: 2048 is both IIS request filtering's and
 * ASP.NET's default (`maxQueryString`, `maxQueryStringLength`), and the vendor runs ASP.NET Web
 * API; past it IIS answers 404.15, which must never be taken for a wrong base URL.
 */
export const MAX_QUERY_STRING = 2048;
/** Room for an encoded `where`: the rest of a list query (`order`, `page`, `rows`) takes under 60. */
const WHERE_BUDGET = MAX_QUERY_STRING - 100;
/**
 * Longest text put in a LIKE. A name filter may hold 256 characters, and one `'` travels as six
 * (`''`, encoded); a LIKE on its first 40 characters still finds every match (a superset), and
 * the exact text is checked locally.
 */
const LIKE_TEXT_MAX = 40;

/** Length of `where` in a query string, encoded as the client sends it. */
export function encodedLength(where: string): number {
  return new URLSearchParams({ where }).toString().length;
}

/** `field LIKE '%text%'` semantics ("contains", case-insensitive under SQL Server's collation). */
export function containsPattern(text: string): LikePattern {
  const blurred = [...text].slice(0, LIKE_TEXT_MAX).join('').replace(/[%_[\]]/g, '_');
  return { literal: quoted(`%${blurred}%`), exact: blurred === text };
}

export function idIn(ids: readonly number[]): Where {
  return atom(`id IN (${ids.join(',')})`);
}

/** `ids` in order, in chunks of at most `max` whose `id IN (…)` each fits the query string. */
export function idChunks(ids: readonly number[], max: number): number[][] {
  const chunks: number[][] = [];
  let chunk: number[] = [];
  let length = encodedLength('id IN ()');
  for (const id of ids) {
    const cost = String(id).length + encodedLength(',') - 'where='.length;
    if (chunk.length === max || (chunk.length > 0 && length + cost > WHERE_BUDGET)) {
      chunks.push(chunk);
      chunk = [];
      length = encodedLength('id IN ()');
    }
    chunk.push(id);
    length += cost;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/**
 * The dates a `where` literal can name. The vendor keeps dates in SQL Server (its `where` is
 * passed through to it, vendor notes §3); a `datetime` column holds 1753-01-01 to 9999-12-31, and
 * a literal outside fails the whole statement. Its `datetime2` would start at year 1; the
 * narrower range is assumed (README "Choices").
 */
export const EARLIEST_DATE_MS = Date.parse('1753-01-01T00:00:00Z');
export const LATEST_DATE_MS = Date.parse('9999-12-31T23:59:59Z');

/**
 * A datetime literal `'yyyy-MM-ddTHH:mm:ssZ'` (the vendor's format, vendor notes §1 "Dates"),
 * rounded down to the second so `>=` includes a record changed within the same second: never
 * fewer rows. Null for text that is not a date, or a date outside EARLIEST/LATEST_DATE_MS
 * (the caller decides what such a bound means).
 */
export function dateLiteral(iso: string): string | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms) || ms < EARLIEST_DATE_MS || ms > LATEST_DATE_MS) return null;
  return quoted(`${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`);
}
