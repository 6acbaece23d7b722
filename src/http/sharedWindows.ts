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
 * with the highest sustained rate P / d: for Cin7's 3/s and 60/min, 1 per second (2 in the
 * worst second) and 5 per 6 s (50 a minute, never more than 60 in any minute). The price of
 * doing it with a well-kept library instead of a home-made sliding log is that headroom.
 */
export function fixedWindowsFor(window: RateWindow, slackMs: number): FixedWindow {
  const span = window.windowMs + slackMs;
  let best: { points: number; seconds: number } | null = null;
  const longest = Math.max(1, Math.ceil(span / 1000) * 2);
  for (let seconds = 1; seconds <= longest; seconds += 1) {
    const windows = Math.ceil(span / (seconds * 1000)) + 1;
    const points = Math.floor(window.limit / windows);
    if (points < 1) continue;
    if (!best || points / seconds > best.points / best.seconds) best = { points, seconds };
  }
  // A limit of 1 has no safe fixed split; one per window at least never allows more than two.
  best ??= { points: 1, seconds: Math.ceil(span / 1000) };
  return { ...best, failFast: window.failFast ?? false };
}
