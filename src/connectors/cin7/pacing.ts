import { createHash } from 'node:crypto';
import type { GatewayResources } from '../../core/resources';
import { RatePacer } from '../../http/RatePacer';
import type { Cin7SourceConfig } from './config';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

/**
 * The pacer of the source's API key, or null when pacing is off. The vendor counts its budget
 * per API connection (vendor notes §5: 3/s, 60/min, 5,000/day per key), not per configured
 * source: two sources on the same key (say, one per sales team) spend one budget, so they must
 * queue in one line. The gateway owns that line (`resources`), shared by its sources and
 * closed when it stops; two gateways in one process pace apart. The key is a hash of host +
 * username + API key, so different credentials never meet and no key is kept in memory twice.
 * The first source of a key sets its limits.
 *
 * Its scope is one gateway: several gateway processes on one key each pace alone (give them
 * separate keys, or lower `rateLimits` to their share).
 */
export function pacerFor(config: Cin7SourceConfig, resources: GatewayResources): RatePacer | null {
  const limits = config.options.rateLimits;
  if (limits === false) return null;
  const origin = new URL(config.baseUrl).origin.toLowerCase();
  const digest = createHash('sha256').update(`${origin}\n${config.credentials.username}\n${config.credentials.apiKey}`).digest('hex');
  return resources.once(
    `cin7:pacer:${digest}`,
    () =>
      new RatePacer({
        windows: [
          { limit: limits.perSecond, windowMs: SECOND },
          { limit: limits.perMinute, windowMs: MINUTE },
          // A spent day budget fails at once: the reset time is undocumented (vendor notes §5).
          { limit: limits.perDay, windowMs: DAY, failFast: true },
        ],
        maxWaitMs: limits.maxWaitMs,
        marginMs: limits.marginMs,
        // No attempt outlives the source's timeout; a turn still unanswered by then is over.
        maxInFlightMs: config.timeoutMs + 1000,
      }),
  );
}
