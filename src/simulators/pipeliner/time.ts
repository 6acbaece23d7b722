/**
 * Timestamps on the Pipeliner wire: `2024-07-09 12:51:48.050073+00:00` (space separator,
 * microseconds, numeric offset), dates as `YYYY-MM-DD` (vendor notes §3, §4; S3 dates).
 * Internally every instant is an integer count of microseconds since the epoch.
 */

const US_PER_MS = 1000;
/**
 * A simulator's clock: the wall clock shifted back by `offsetMicros`, strictly increasing so
 * two writes never share a timestamp.
 */
export class Clock {
  private last = 0;

  constructor(private readonly offsetMicros = 0) {}

  nowMicros(): number {
    const candidate = Date.now() * US_PER_MS - this.offsetMicros;
    this.last = candidate > this.last ? candidate : this.last + 1;
    return this.last;
  }
}

export function microsFromDate(d: Date): number {
  return d.getTime() * US_PER_MS;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * Offset of `timeZone` at the given instant, in minutes east of UTC; null for an unknown zone.
 * Used for the optional `Timezone` request header (vendor notes §1: dates are converted into
 * that IANA zone, UTC otherwise).
 */
export function zoneOffsetMinutes(timeZone: string, atMs: number): number | null {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(atMs))
      .find((p) => p.type === 'timeZoneName')?.value;
    if (!part) return null;
    if (part === 'GMT') return 0;
    const m = /^GMT([+-])(\d{2}):(\d{2})$/.exec(part);
    if (!m) return null;
    const minutes = Number(m[2]) * 60 + Number(m[3]);
    return m[1] === '-' ? -minutes : minutes;
  } catch {
    return null;
  }
}

export function isKnownTimeZone(timeZone: string): boolean {
  return zoneOffsetMinutes(timeZone, 0) !== null;
}

/** Renders an instant the way Pipeliner does, in UTC or in the requested zone. */
export function formatTimestamp(micros: number, timeZone?: string): string {
  const ms = Math.floor(micros / US_PER_MS);
  const fraction = micros - ms * US_PER_MS + (((ms % 1000) + 1000) % 1000) * US_PER_MS;
  const offset = timeZone ? (zoneOffsetMinutes(timeZone, ms) ?? 0) : 0;
  const d = new Date(ms + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.` +
    `${pad(fraction, 6)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/**
 * Parses the timestamp spellings clients send: the wire format, ISO 8601 (`T`, `Z`), with or
 * without fraction/offset (no offset = UTC, as the vendor assumes without a Timezone header),
 * or a bare date. Returns null when the text is not a timestamp.
 */
export function parseTimestamp(text: string): number | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
      text.trim(),
    );
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(ms)) return null;
  const check = new Date(ms);
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1) return null;
  let offsetMin = 0;
  if (zone && zone !== 'Z') {
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
    if (!z) return null;
    offsetMin = (Number(z[2]) * 60 + Number(z[3])) * (z[1] === '-' ? -1 : 1);
  }
  const micros = Number(frac.padEnd(6, '0') || '0');
  return (ms - offsetMin * 60_000) * US_PER_MS + micros;
}

/** `YYYY-MM-DD` when the text is a valid calendar date, else null. */
export function parseDateOnly(text: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  return parseTimestamp(text) === null ? null : text;
}

export function dateOnlyFromMicros(micros: number): string {
  const d = new Date(Math.floor(micros / US_PER_MS));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export const MICROS_PER_DAY = 86_400_000_000;
