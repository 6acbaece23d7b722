/*
 * `$filter` text for the archive lists (vendor notes §3 "Filter grammar"): `col op value`,
 * joined with `and`; strings in single quotes with `'` doubled; id sets as
 * `personId in (5,6,7,8)`. Only documented operators: `le`, `ge` and `notEnds` fail on real
 * tenants (the official request collection marks them so), so "since" is `afterTime or dateTime`.
 */

export function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function eq(column: string, value: number): string {
  return `${column} eq ${value}`;
}

export function eqText(column: string, value: string): string {
  return `${column} eq ${quote(value)}`;
}

export function contains(column: string, value: string): string {
  return `${column} contains ${quote(value)}`;
}

export function inIds(column: string, ids: readonly number[]): string {
  return `${column} in (${ids.join(',')})`;
}

/** At or after an instant, to the second: `afterTime` is strict, `dateTime` adds the equal second. */
export function since(column: string, literal: string): string {
  return `(${column} afterTime ${quote(literal)} or ${column} dateTime ${quote(literal)})`;
}

export function and(parts: readonly string[]): string | undefined {
  return parts.length > 0 ? parts.join(' and ') : undefined;
}
