import type { RateWindow } from './RatePacer';

/** A fixed window as a Redis limiter counts it: `points` requests per `seconds`. */
export interface FixedWindow {
  points: number;
  seconds: number;
  failFast: boolean;
}

/**
 * The fixed windows that keep every instance together under a vendor's sliding window.
 *
 * Redis limiters (rate-limiter-flexible) count in fixed windows of whole seconds, while a
 * vendor counts "at most N in any W" — a sliding window — at the moment each request arrives,
 * up to `slackMs` after it was counted here. A sliding span of W, moved by that slack, meets at
 * most ceil((W + slack) / d) + 1 consecutive fixed windows of d seconds, so P points per window
 * are safe when that count times P is at most N. Of the safe (d, P) pairs this takes the one
 * with a sustained rate P / d within 5 % of the best, the one with the most points (bursts go at
 * once): for Cin7's 3/s, 60/min and 5,000/day, 1 per second (2 in the worst second), 10 per
 * 12 s (50 a minute) and 100 per half hour (4,800 a day). The price of
 * doing it with a well-kept library instead of a home-made sliding log is that headroom.
 */
export function fixedWindowsFor(window: RateWindow, slackMs: number): FixedWindow {
  const span = window.windowMs + slackMs;
  const safe: Array<{ points: number; seconds: number }> = [];
  const longest = Math.max(1, Math.ceil(span / 1000) * 2);
  for (let seconds = 1; seconds <= longest; seconds += 1) {
    const points = Math.floor(window.limit / (Math.ceil(span / (seconds * 1000)) + 1));
    if (points >= 1) safe.push({ points, seconds });
  }
  // Of the pairs within 5 % of the best sustained rate, the one with the most points per window:
  // a burst is served at once instead of one request per short window.
  const rate = (p: { points: number; seconds: number }): number => p.points / p.seconds;
  const top = safe.reduce((m, p) => Math.max(m, rate(p)), 0);
  let best: { points: number; seconds: number } | null = safe.filter((p) => rate(p) >= top * 0.95).sort((a, b) => b.points - a.points)[0] ?? null;
  // A limit of 1 has no safe fixed split; one per window at least never allows more than two.
  best ??= { points: 1, seconds: Math.ceil(span / 1000) };
  return { ...best, failFast: window.failFast ?? false };
}
