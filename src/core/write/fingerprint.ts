import { createHash } from 'node:crypto';

/**
 * A stable digest of an input: key order does not matter, values do. By default a `null` is
 * the same as an absent key (a create's input, where both mean "not given"); with
 * `keepNulls` they differ, as in an update's changes, where `null` clears a field and an
 * absent key leaves it as it is.
 */
export function fingerprintOf(value: unknown, options: { keepNulls?: boolean } = {}): string {
  return createHash('sha256').update(stableJson(value, options.keepNulls === true)).digest('base64url');
}

function stableJson(value: unknown, keepNulls: boolean): string {
  if (Array.isArray(value)) return `[${value.map((v) => stableJson(v, keepNulls)).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && (keepNulls || v !== null))
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v, keepNulls)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
