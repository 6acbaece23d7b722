import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { GatewayResources } from '../../core/resources';
import { RatePacer, type RateWindow } from '../../http/RatePacer';
import { SharedBudget } from '../../http/SharedBudget';
import { PacedBudget, type VendorBudget } from '../../http/VendorBudget';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

/** A window's limit: the vendor's documented default, or none unless configured. */
function limit(max: number, documented: number | undefined) {
  const n = z.number().int().min(1).max(max);
  return documented === undefined ? n.optional() : n.default(documented);
}

/**
 * A source's rate limits (`options.rateLimits`): what the vendor allows per set of credentials,
 * with the vendor's documented figures as defaults (only Cin7 documents any).
 */
export function rateLimitsSchema(documented: { perSecond?: number; perMinute?: number; perDay?: number }) {
  return z.strictObject({
    perSecond: limit(10_000, documented.perSecond),
    perMinute: limit(600_000, documented.perMinute),
    perDay: limit(100_000_000, documented.perDay),
    /** Longest a call may queue for its turn before it fails with SOURCE_RATE_LIMITED. */
    maxWaitMs: z.number().int().min(0).max(600_000).default(30_000),
    /** Slack added to each window: clock and timer granularity. */
    marginMs: z.number().int().min(0).max(5000).default(50),
    /** Instances expected to share the budget: while Redis is away, each keeps to its share. */
    instances: z.number().int().min(1).max(1000).default(1),
  });
}

/** `options.rateLimits` of a vendor that documents no limits: off unless configured. */
export const undocumentedRateLimits = z.union([z.literal(false), rateLimitsSchema({})]).default(false);

/** The limits the budget takes, whichever vendor's schema parsed them. */
export interface RateLimits {
  perSecond?: number | undefined;
  perMinute?: number | undefined;
  perDay?: number | undefined;
  maxWaitMs: number;
  marginMs: number;
  instances: number;
}

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
  const windows = budgetWindows(limits);
  if (windows.length === 0) return null;
  const { redis, keyPrefix, onSharedState } = resources.shared;
  return resources.once(`budget:${digest}`, () => {
    const pacer = new RatePacer({
      windows: localPacerWindows(limits),
      maxWaitMs: limits.maxWaitMs,
      marginMs: limits.marginMs,
      // No attempt outlives the source's timeout; a turn still unanswered by then is over.
      maxInFlightMs: source.timeoutMs + 1000,
    });
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
  });
}

/**
 * Spreads the minute budget under steady demand: at most `perSecond` per `perSecond` minute
 * shares (Cin7: 3 per 3 s, so 1 a second sustained, bursts of 3 still at once). Without it a
 * steady stream spends the whole minute in its first seconds (Cin7: 60 in 20 s) and every
 * caller after that queues for the rest of the minute — past `maxWaitMs`, so refused. Only the
 * local pacer needs it: the shared windows' fixed split is already steady (`fixedWindowsFor`).
 */
export function localPacerWindows(limits: BudgetLimits): RateWindow[] {
  const windows = budgetWindows(limits);
  const { perSecond, perMinute } = limits;
  if (!perSecond || !perMinute || perSecond * 60 <= perMinute) return windows;
  return [...windows, { limit: perSecond, windowMs: Math.ceil((perSecond * MINUTE) / perMinute) }];
}

type BudgetLimits = Pick<RateLimits, 'perSecond' | 'perMinute' | 'perDay'>;

/** The vendor's documented windows, as every instance counts them together. */
export function budgetWindows(limits: BudgetLimits): RateWindow[] {
  return [
    ...(limits.perSecond ? [{ limit: limits.perSecond, windowMs: SECOND }] : []),
    ...(limits.perMinute ? [{ limit: limits.perMinute, windowMs: MINUTE }] : []),
    // A spent day budget fails at once: waiting hours in a queue helps nobody.
    ...(limits.perDay ? [{ limit: limits.perDay, windowMs: DAY, failFast: true }] : []),
  ];
}
