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

/** `field LIKE '%text%'` semantics ("contains", case-insensitive under SQL Server's collation). */
export function containsPattern(text: string): LikePattern {
  const blurred = text.replace(/[%_[\]]/g, '_');
  return { literal: quoted(`%${blurred}%`), exact: blurred === text };
}

export function idIn(ids: readonly number[]): Where {
  return atom(`id IN (${ids.join(',')})`);
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
