/*
 * Datetimes on the SuperOffice wire (vendor notes §1 "Other headers"): `2024-05-01T13:45:00`,
 * with an offset (`Z`, `+0200`) only when `SO-TimeZone` asks for `includeTZOffset` — which this
 * connector always does, in UTC. An empty date is `0001-01-01T00:00:00`.
 */

/** The `SO-TimeZone` header of every call: UTC, offsets on every datetime. */
export const SUPEROFFICE_TIME_ZONE = 'UTC, includeTZOffset';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/** A wire datetime → ISO instant; null when empty (year 1) or unreadable. No offset = UTC (we ask for UTC). */
export function fromSuperOfficeDateTime(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = DATE_TIME.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  if (Number(y) <= 1) return null;
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac.slice(0, 4)}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A wire datetime → the calendar date it names (`Saledate` is a day, not an instant). */
export function fromSuperOfficeDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = DATE_TIME.exec(value.trim());
  if (!m || Number(m[1]) <= 1) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** A calendar date → the wire form of its midnight, read by the vendor in our (UTC) zone. */
export function toSuperOfficeDate(date: string): string {
  return `${date.slice(0, 10)}T00:00:00`;
}

/** An ISO instant → a `$filter` datetime literal in UTC, to the second (the archive's precision). */
export function toSuperOfficeFilterTime(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19);
}
