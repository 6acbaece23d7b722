import { createHash } from 'node:crypto';
import { GatewayError } from '../core/errors';
import type { IdempotencyStore } from './store';

export interface IdempotencyOptions {
  /** How long a finished outcome answers repeats (24 h by default). */
  ttlMs: number;
  /** How long a claim lasts if its create never finishes (the process died). */
  leaseMs: number;
  /** How long a repeat waits for a create under way before giving up. */
  waitMs: number;
}

export type Idempotent<T> = { kind: 'fresh' | 'replayed'; outcome: T } | { kind: 'conflict' };

/**
 * Runs `create` at most once per key: the first caller claims the key and runs it; a repeat
 * with the same fingerprint gets the stored outcome (waiting while the first is under way); a
 * repeat with another fingerprint is a conflict. Only outcomes `keep` accepts are stored (a
 * refused input wrote nothing, so its key stays free); a create that throws frees the key.
 */
export async function runIdempotent<T>(
  store: IdempotencyStore,
  key: string,
  fingerprint: string,
  options: IdempotencyOptions,
  create: () => Promise<T>,
  keep: (outcome: T) => boolean,
): Promise<Idempotent<T>> {
  const giveUpAt = Date.now() + options.waitMs;
  for (let wait = 10; ; wait = Math.min(wait * 2, 200)) {
    const claim = await store.claim(key, fingerprint, options.leaseMs);
    if (claim.kind === 'claimed') {
      let outcome: T;
      try {
        outcome = await create();
      } catch (err) {
        await store.release(key);
        throw err;
      }
      if (keep(outcome)) await store.complete(key, fingerprint, JSON.stringify(outcome), options.ttlMs);
      else await store.release(key);
      return { kind: 'fresh', outcome };
    }
    const held = claim.held;
    if (held.fingerprint !== fingerprint) return { kind: 'conflict' };
    if (held.state === 'done') return { kind: 'replayed', outcome: JSON.parse(held.outcome) as T };
    if (Date.now() + wait > giveUpAt) {
      throw new GatewayError('SOURCE_OUTCOME_UNKNOWN', 'A create with this idempotencyKey is still under way; ask again shortly');
    }
    await new Promise((r) => setTimeout(r, wait));
  }
}

/** A stable digest of an input: key order does not matter, values do. */
export function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('base64url');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
