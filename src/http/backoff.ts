/** Longest single backoff step; the call's own budget caps the total. */
const MAX_STEP_MS = 5_000;

/**
 * Full-jitter exponential backoff: a random wait in [0, base·2^(attempt-1)], so that many
 * clients retrying after the same fault spread out instead of arriving together.
 */
export function backoffDelay(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_STEP_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(random() * ceiling);
}

/** `Retry-After` in milliseconds (delta-seconds or an HTTP date), or null when absent/invalid. */
export function retryAfterMs(header: string | string[] | undefined, now: number = Date.now()): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
