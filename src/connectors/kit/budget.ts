import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { GatewayResources } from '../../core/resources';
import { RatePacer, type RateWindow } from '../../http/RatePacer';
import { SharedBudget } from '../../http/SharedBudget';
import { PacedBudget, type VendorBudget } from '../../http/VendorBudget';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

/** A source's rate limits (`rateLimits`): what the vendor allows per API key. */
export function rateLimitsSchema(defaults: { perSecond?: number; perMinute?: number; perDay?: number }) {
  return z.strictObject({
    perSecond: z.number().int().min(1).max(10_000).optional().default(defaults.perSecond as number),
    perMinute: z.number().int().min(1).max(600_000).optional().default(defaults.perMinute as number),
    perDay: z.number().int().min(1).max(100_000_000).optional().default(defaults.perDay as number),
    /** Longest a call may queue for its turn before it fails with SOURCE_RATE_LIMITED. */
    maxWaitMs: z.number().int().min(0).max(600_000).default(30_000),
    /** Slack added to each window: clock and timer granularity. */
    marginMs: z.number().int().min(0).max(5000).default(50),
    /** Instances expected to share the budget: while Redis is away, each keeps to its share. */
    instances: z.number().int().min(1).max(1000).default(1),
  });
}
export type RateLimits = z.infer<ReturnType<typeof rateLimitsSchema>>;

/**
 * The budget of one set of vendor credentials, or null when the source sets no limits. One
 * per credentials in the gateway (sources on one key queue in one line; `resources` owns it and
 * closes it on stop), and — when the gateway has Redis — shared with every instance on the same
 * credentials. The name is a digest of host and credentials: they never meet another key's and
 * are never kept in memory twice.
 */
export function vendorBudget(
  source: { baseUrl: string; timeoutMs: number },
  credentials: string,
  limits: RateLimits | false,
  resources: GatewayResources,
): VendorBudget | null {
  if (limits === false) return null;
  const origin = new URL(source.baseUrl).origin.toLowerCase();
  const digest = createHash('sha256').update(`${origin}\n${credentials}`).digest('hex');
  const windows: RateWindow[] = [
    ...(limits.perSecond ? [{ limit: limits.perSecond, windowMs: SECOND }] : []),
    ...(limits.perMinute ? [{ limit: limits.perMinute, windowMs: MINUTE }] : []),
    // A spent day budget fails at once: waiting hours in a queue helps nobody.
    ...(limits.perDay ? [{ limit: limits.perDay, windowMs: DAY, failFast: true }] : []),
  ];
  if (windows.length === 0) return null;
  const pacer = resources.once(
    `budget:${digest}`,
    () =>
      new RatePacer({
        windows,
        maxWaitMs: limits.maxWaitMs,
        marginMs: limits.marginMs,
        // No attempt outlives the source's timeout; a turn still unanswered by then is over.
        maxInFlightMs: source.timeoutMs + 1000,
      }),
  );
  const { redis, keyPrefix, onSharedState } = resources.shared;
  const shared = redis
    ? new SharedBudget({
        redis,
        key: digest,
        prefix: keyPrefix,
        windows,
        // How much later than counted a request reaches the vendor: it leaves at once after.
        slackMs: SECOND,
        instances: limits.instances,
        maxWaitMs: limits.maxWaitMs,
        ...(onSharedState ? { onShared: (state: 'lost' | 'back') => onSharedState(state, 'vendor budget') } : {}),
      })
    : null;
  return new PacedBudget(pacer, shared);
}
