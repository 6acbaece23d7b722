import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Principal } from './principal';

/** A request or operation over its principal's budget: which limit, and when to come back. */
export interface RateRefusal {
  /** The config key of the limit (`auth.apiKeys[0].rateLimit.requestsPerSecond`). */
  limit: string;
  limitValue: number;
  retryAfterMs: number;
  message: string;
}

export interface RateLimitOptions {
  /** `redis://…`: every gateway instance using it shares each principal's budget. */
  redisUrl?: string | undefined;
  /** Starts every Redis key (`crmgraph:`); tests give each run its own. */
  keyPrefix: string;
  /** Hears of a store failure (the in-memory fallback then counts for this instance). */
  onStoreError?: (err: unknown) => void;
}

type Budget = 'requests' | 'cost';

const WINDOW_SECONDS: Record<Budget, number> = { requests: 1, cost: 60 };

/**
 * Per-principal budgets (rate-limiter-flexible): requests per second at the edge, estimated
 * vendor requests per minute before execution. Counters live in Redis when one is configured,
 * so every instance sees the same count, with an in-memory limiter as insurance when Redis
 * fails (the gateway keeps limiting, per instance, rather than stopping or running unlimited).
 */
export class PrincipalRateLimits {
  private readonly redis: Redis | null;
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(private readonly options: RateLimitOptions) {
    this.redis = options.redisUrl
      ? // No offline queue: while Redis is away, a command fails at once and the insurance limiter answers.
        new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true })
      : null;
    this.redis?.on('error', (err: unknown) => options.onStoreError?.(err));
  }

  /** Connects to Redis, waiting at most `timeoutMs`; a gateway starts without it (limits then count per instance). */
  async start(timeoutMs = 3_000): Promise<void> {
    if (!this.redis) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.redis.connect().catch((err: unknown) => this.options.onStoreError?.(err)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
  }

  /** Counts one request; null when it is within the principal's requests per second. */
  admitRequest(principal: Principal): Promise<RateRefusal | null> {
    const limit = principal.rateLimit;
    if (limit?.requestsPerSecond === undefined) return Promise.resolve(null);
    return this.take('requests', principal.id, 1, limit.requestsPerSecond, `${limit.configKey}.requestsPerSecond`);
  }

  /**
   * Charges an operation's estimated vendor requests; null when they fit the principal's
   * budget for the minute. A refused charge is given back: the operation never runs.
   */
  chargeCost(principal: Principal, cost: number): Promise<RateRefusal | null> {
    const limit = principal.rateLimit;
    if (limit?.costPerMinute === undefined || cost <= 0) return Promise.resolve(null);
    return this.take('cost', principal.id, cost, limit.costPerMinute, `${limit.configKey}.costPerMinute`);
  }

  async close(): Promise<void> {
    if (this.redis && this.redis.status !== 'end') this.redis.disconnect();
  }

  private async take(budget: Budget, key: string, points: number, perWindow: number, configKey: string): Promise<RateRefusal | null> {
    const limiter = this.limiterFor(budget, perWindow);
    try {
      await limiter.consume(key, points);
      return null;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) {
        // Neither Redis nor the insurance limiter could count: let the request through, and say so.
        this.options.onStoreError?.(rejection);
        return null;
      }
      if (budget === 'cost') await limiter.reward(key, points).catch(() => undefined);
      const retryAfterMs = Math.max(1, rejection.msBeforeNext);
      const unit = budget === 'requests' ? 'requests a second' : 'vendor requests a minute';
      const message =
        budget === 'cost' && points > perWindow
          ? `The operation's estimated ${points} vendor requests exceed the budget of ${perWindow} ${unit}; the limit is ${configKey} = ${perWindow}`
          : `Rate limit exceeded: more than ${perWindow} ${unit}; retry in ${Math.ceil(retryAfterMs / 1000)} s; the limit is ${configKey} = ${perWindow}`;
      return { limit: configKey, limitValue: perWindow, retryAfterMs, message };
    }
  }

  /** One limiter per budget and size (a limiter's points are fixed), made on first use. */
  private limiterFor(budget: Budget, points: number): RateLimiterAbstract {
    const id = `${budget}:${points}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      const duration = WINDOW_SECONDS[budget];
      const memory = new RateLimiterMemory({ points, duration, keyPrefix: id });
      limiter = this.redis
        ? new RateLimiterRedis({ storeClient: this.redis, points, duration, keyPrefix: `${this.options.keyPrefix}rl:${id}`, insuranceLimiter: memory })
        : memory;
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}
