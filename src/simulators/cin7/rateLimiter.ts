import type { Cin7RateLimits } from './switches';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

/** Requests counted against one key in each window, as `usage()` reports them. */
export interface RateUsage {
  second: number;
  minute: number;
  day: number;
}

export type RateDecision = { allowed: true } | { allowed: false; window: 'second' | 'minute' | 'day'; retryAfterMs: number };

/**
 * Per-API-key request budget: 3 a second, 60 a minute, 5,000 a day (vendor notes §5), values and
 * window kind from the live `rateLimits` switch. Sliding windows keep each key's request times of
 * the last 24 h; fixed windows compare those times with the current UTC second, minute and day.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limits: () => Cin7RateLimits,
    private readonly now: () => number,
  ) {}

  /** Decides one request of `key` and records it (a rejected one only with `countRejected`). */
  take(key: string): RateDecision {
    const limits = this.limits();
    if (!limits.enabled) return { allowed: true };
    const t = this.now();
    const times = this.prune(key, t);
    const checks: Array<['second' | 'minute' | 'day', number, number]> = [
      ['second', SECOND, limits.perSecond],
      ['minute', MINUTE, limits.perMinute],
      ['day', DAY, limits.perDay],
    ];
    let verdict: RateDecision = { allowed: true };
    for (const [window, span, limit] of checks) {
      const inWindow = this.inWindow(times, t, span, limits.windows);
      if (inWindow.length < limit) continue;
      const retryAfterMs =
        limits.windows === 'fixed'
          ? windowStart(t, span) + span - t
          : (inWindow[inWindow.length - limit] ?? t) + span - t;
      if (verdict.allowed || retryAfterMs > verdict.retryAfterMs) verdict = { allowed: false, window, retryAfterMs };
    }
    if (verdict.allowed || limits.countRejected) times.push(t);
    return verdict;
  }

  usage(key: string): RateUsage {
    const t = this.now();
    const times = this.prune(key, t);
    const mode = this.limits().windows;
    return {
      second: this.inWindow(times, t, SECOND, mode).length,
      minute: this.inWindow(times, t, MINUTE, mode).length,
      day: this.inWindow(times, t, DAY, mode).length,
    };
  }

  reset(): void {
    this.hits.clear();
  }

  private prune(key: string, t: number): number[] {
    let times = this.hits.get(key);
    if (!times) {
      times = [];
      this.hits.set(key, times);
    }
    const oldest = Math.min(t - DAY, windowStart(t, DAY));
    let drop = 0;
    while (drop < times.length && (times[drop] ?? 0) <= oldest) drop += 1;
    if (drop > 0) times.splice(0, drop);
    return times;
  }

  private inWindow(times: number[], t: number, span: number, mode: 'sliding' | 'fixed'): number[] {
    const from = mode === 'fixed' ? windowStart(t, span) - 1 : t - span;
    // times are ascending: scan from the end
    let i = times.length;
    while (i > 0 && (times[i - 1] ?? 0) > from) i -= 1;
    return times.slice(i);
  }
}

/** The UTC second/minute/day containing `t` (epoch ms are UTC, so plain flooring aligns). */
function windowStart(t: number, span: number): number {
  return Math.floor(t / span) * span;
}
