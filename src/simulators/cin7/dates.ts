/**
 * Dates on the wire are UTC `yyyy-MM-ddTHH:mm:ssZ` (vendor notes §1 "Dates"): second precision,
 * so a `modifiedDate>=` watermark taken from an answer matches the record itself.
 */
export function wireDate(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * A request date (body value or quoted `where` literal) as epoch ms, or null when unreadable.
 * ISO forms are accepted with or without a zone; without one the value is read as UTC, the
 * API's only zone.
 */
export function parseWireDate(text: string): number | null {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(t)) return null;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(t) && /[T ]/.test(t);
  const iso = t.replace(' ', 'T').replace(/(\.\d{3})\d+/, '$1');
  const ms = Date.parse(hasZone ? iso : `${iso.length === 10 ? `${iso}T00:00:00` : iso}Z`);
  return Number.isNaN(ms) ? null : ms;
}
