/**
 * Datetimes on the SuperOffice wire (vendor notes §1 "Other headers"): emitted WITHOUT an
 * offset in the tenant's time, unless `SO-TimeZone: <zone>, includeTZOffset` asks for another
 * zone and a suffix (`Z` or `-0500`). An empty date is `0001-01-01T00:00:00`. The store keeps
 * instants as epoch milliseconds (null = empty).
 */

export const EMPTY_DATE = '0001-01-01T00:00:00';

/** How one request wants its datetimes. */
export interface DateContext {
  /** Minutes east of UTC at the given instant. */
  offsetAt(ms: number): number;
  withOffset: boolean;
}

export function fixedZone(offsetMinutes: number, withOffset = false): DateContext {
  return { offsetAt: () => offsetMinutes, withOffset };
}

/**
 * Reads `SO-TimeZone`. Accepts UTC/GMT/Z, fixed offsets (+01:00, -0500) and IANA names
 * (Europe/Oslo); anything else keeps the tenant's zone, as does a missing header.
 */
export function dateContextFor(header: string | undefined, serverOffsetMinutes: number): DateContext {
  if (!header) return fixedZone(serverOffsetMinutes);
  const parts = header.split(',').map((p) => p.trim());
  const zone = parts[0] ?? '';
  const withOffset = parts.slice(1).some((p) => p.toLowerCase() === 'includetzoffset');
  const upper = zone.toUpperCase();
  if (upper === 'UTC' || upper === 'GMT' || upper === 'Z') return fixedZone(0, withOffset);
  const fixed = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (fixed) {
    const minutes = Number(fixed[2]) * 60 + Number(fixed[3]);
    return fixedZone(fixed[1] === '-' ? -minutes : minutes, withOffset);
  }
  if (zone && isIanaZone(zone)) return { offsetAt: (ms) => ianaOffsetMinutes(zone, ms), withOffset };
  return fixedZone(serverOffsetMinutes, withOffset);
}

/** Wire form of an instant. */
export function formatDate(ms: number | null, ctx: DateContext): string {
  if (ms === null) return EMPTY_DATE;
  const offset = ctx.offsetAt(ms);
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  if (!ctx.withOffset) return local;
  if (offset === 0) return `${local}Z`;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/**
 * Reads a datetime from a request: ISO with or without offset (no offset = the request's
 * zone), or a date alone. Returns null for empty values and undefined when unreadable.
 */
export function parseDate(value: unknown, ctx: DateContext): number | null | undefined {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string') return undefined;
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
      value.trim(),
    );
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  if (Number(y) <= 1) return null;
  const ms = Math.round(Number(`0.${frac ?? '0'}`) * 1000);
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), ms);
  if (Number.isNaN(asUtc)) return undefined;
  if (zone) {
    if (zone === 'Z') return asUtc;
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
    const minutes = z ? Number(z[2]) * 60 + Number(z[3]) : 0;
    return asUtc - (z?.[1] === '-' ? -minutes : minutes) * 60_000;
  }
  return asUtc - ctx.offsetAt(asUtc) * 60_000;
}

/** Start of the request-local day that contains `ms`, as an instant. */
export function startOfLocalDay(ms: number, ctx: DateContext): number {
  const offset = ctx.offsetAt(ms) * 60_000;
  const local = ms + offset;
  return local - (((local % 86_400_000) + 86_400_000) % 86_400_000) - offset;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function ianaOffsetMinutes(zone: string, ms: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}
