import { createHash } from 'node:crypto';
import { RatePacer } from '../../http/RatePacer';
import type { Cin7SourceConfig } from './config';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

/**
 * One pacer per API key in this process. The vendor counts its budget per API connection
 * (vendor notes §5: 3/s, 60/min, 5,000/day per key), not per configured source: two sources
 * on the same key (say, one per sales team) spend one budget, so they must queue in one line.
 * Connectors are built one by one from the config and share nothing else, so the pacer lives
 * here, at module level — the one thing in this connector that does. It is safe to share:
 * it holds no data, only booking times, and it is keyed by a hash of host + username + key,
 * so different credentials never meet and no key is kept in memory twice.
 *
 * Its scope is this process: several gateway processes on one key each pace alone (give them
 * separate keys, or lower `rateLimits` to their share).
 */
const PACERS = new Map<string, RatePacer>();

/** The shared pacer of the source's key, or null when pacing is off. The first source of a key sets its limits. */
export function pacerFor(config: Cin7SourceConfig): RatePacer | null {
  const limits = config.options.rateLimits;
  if (limits === false) return null;
  const origin = new URL(config.baseUrl).origin.toLowerCase();
  const key = createHash('sha256').update(`${origin}\n${config.credentials.username}\n${config.credentials.apiKey}`).digest('hex');
  let pacer = PACERS.get(key);
  if (!pacer) {
    pacer = new RatePacer({
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
    });
    PACERS.set(key, pacer);
  }
  return pacer;
}
