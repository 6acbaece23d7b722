/*
 * `$filter` text for the archive lists (vendor notes §3 "Filter grammar"): `col op value`,
 * joined with `and`. Each column takes the operators of its restriction type in the archive
 * provider reference (restriction-types page, the OData search pages, the official request
 * collection): ints `equals` and `in (…)`, lists (`listAny`) `equals`/`oneOf`, strings
 * `is`/`contains`, dates (`date`: only the day is used) `after`. `le`, `ge` and `notEnds` are
 * listed but fail on real tenants (the official request collection marks them so).
 *
 * String literals are single-quoted with `'` doubled — the only escape the documentation
 * shows. Whether NetServer also reads `\'` as an escaped quote is not documented, so a value
 * is never sent with a backslash in it: the vendor is asked for the backslash-free pieces and
 * the caller keeps only the records that match the whole value (see `TextCondition`).
 */

export function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** An int or list column equal to `value` (`equals` is documented for both restriction types). */
export function equals(column: string, value: number): string {
  return `${column} equals ${value}`;
}

/** An int column among `ids`, as the official request collection writes `personId in (5,6,7,8)`. */
export function inIds(column: string, ids: readonly number[]): string {
  return `${column} in (${ids.join(',')})`;
}

/**
 * A string condition as the vendor can be asked it. `exact` false: the vendor was asked for a
 * wider set (the pieces between backslashes, each contained), and the caller must keep only
 * the records that match the whole value, compared as the vendor compares (ignoring case).
 */
export interface TextCondition {
  filter: string | undefined;
  exact: boolean;
}

export function textCondition(column: string, op: 'is' | 'contains', value: string): TextCondition {
  if (!value.includes('\\')) return { filter: `${column} ${op} ${quote(value)}`, exact: true };
  const pieces = value.split('\\').filter((p) => p !== '');
  return { filter: and(pieces.map((p) => `${column} contains ${quote(p)}`)), exact: false };
}

/** Days before the asked day that a date restriction also covers, for the vendor's zone (see `sinceDay`). */
const SINCE_MARGIN_DAYS = 1;

/**
 * "Updated at or after an instant" on a `date` column, whose restriction uses only the day:
 * `after` the day before (less a margin day, should the tenant count days in another zone
 * than the UTC we ask for). The vendor's answer is wider than asked; the caller keeps only
 * the records at or after the instant.
 */
export function sinceDay(column: string, iso: string): string {
  const day = new Date(iso);
  day.setUTCDate(day.getUTCDate() - 1 - SINCE_MARGIN_DAYS);
  return `${column} after ${quote(day.toISOString().slice(0, 10))}`;
}

export function and(parts: ReadonlyArray<string | undefined>): string | undefined {
  const present = parts.filter((p): p is string => p !== undefined && p !== '');
  return present.length > 0 ? present.join(' and ') : undefined;
}
