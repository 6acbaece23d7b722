import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { GatewayError, type ErrorDetail } from '../core/errors';
import type { RateWindow } from './RatePacer';
import { fixedWindowsFor, type FixedWindow } from './sharedWindows';

export interface SharedBudgetOptions {
  redis: Redis;
  /** Names the budget in Redis: the same for every instance spending it (a digest of the credentials). */
  key: string;
  /** Prefix of every Redis key (`redis.keyPrefix`). */
  prefix: string;
  /** The vendor's windows, as the local pacer has them. */
  windows: readonly RateWindow[];
  /** How much later than counted here a request may reach the vendor (its timeout, at most). */
  slackMs: number;
  /** Instances expected to share the budget: without Redis each keeps to its share. */
  instances: number;
  /** Longest a request may wait for room; beyond it, SOURCE_RATE_LIMITED at once. */
  maxWaitMs: number;
  /** Told once when Redis is lost (each instance on its share) and once when it is back. */
  onShared?: (state: 'lost' | 'back') => void;
}

interface Gate {
  window: FixedWindow;
  limiter: RateLimiterRedis;
}

/**
 * A vendor's rate budget spent by every gateway instance on the same credentials, counted in
 * Redis with rate-limiter-flexible. Each request takes one point of every window (waiting its
 * turn when one is full); a 429 seen by one instance blocks the budget for all of them for the
 * vendor's `Retry-After`. When Redis cannot be reached, rate-limiter-flexible's insurance
 * limiter keeps each instance to its share (`instances`), and the shared count resumes when
 * Redis is back. Sits behind the instance's own FIFO pacer, which orders its callers.
 */
export class SharedBudget {
  private readonly gates: Gate[];
  private redisLost = false;

  constructor(private readonly options: SharedBudgetOptions) {
    this.gates = options.windows.map((w, i) => {
      const window = fixedWindowsFor(w, options.slackMs);
      return {
        window,
        limiter: new RateLimiterRedis({
          storeClient: options.redis,
          keyPrefix: `${options.prefix}budget:${i}`,
          points: window.points,
          duration: window.seconds,
          // Redis away: answer from this instance's share at once rather than wait for a reconnect.
          rejectIfRedisNotReady: true,
          insuranceLimiter: new RateLimiterMemory({
            points: Math.max(1, Math.floor(window.points / Math.max(1, options.instances))),
            duration: window.seconds,
          }),
        }),
      };
    });
  }

  /** Waits until every window has room and takes it, or throws SOURCE_RATE_LIMITED. */
  async take(detail: ErrorDetail = {}): Promise<void> {
    const giveUpAt = Date.now() + this.options.maxWaitMs;
    for (let g = 0; g < this.gates.length; ) {
      if (g === 0) this.noticeRedis();
      const gate = this.gates[g]!;
      try {
        await gate.limiter.consume(this.options.key);
        g += 1;
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        // Points taken from earlier windows go back: this request is not sent now.
        await Promise.all(this.gates.slice(0, g).map((earlier) => earlier.limiter.reward(this.options.key).catch(() => undefined)));
        const wait = Math.max(1, refusal.msBeforeNext);
        if (gate.window.failFast || Date.now() + wait > giveUpAt) throw this.refused(wait, detail);
        await new Promise((r) => setTimeout(r, wait + Math.floor(Math.random() * 20)));
        g = 0;
      }
    }
  }

  /** The vendor answered 429: no instance sends on this budget for `ms`. */
  async pause(ms: number): Promise<void> {
    const seconds = Math.max(1, Math.ceil(ms / 1000));
    await Promise.all(this.gates.map((gate) => gate.limiter.block(this.options.key, seconds).catch(() => undefined)));
  }

  private noticeRedis(): void {
    const lost = this.options.redis.status !== 'ready';
    if (lost !== this.redisLost) {
      this.redisLost = lost;
      this.options.onShared?.(lost ? 'lost' : 'back');
    }
  }

  private refused(retryAfterMs: number, detail: ErrorDetail): GatewayError {
    return new GatewayError(
      'SOURCE_RATE_LIMITED',
      `the vendor's rate budget shared by every gateway instance has no room within ${this.options.maxWaitMs} ms`,
      { ...detail, retryAfterMs },
    );
  }
}
