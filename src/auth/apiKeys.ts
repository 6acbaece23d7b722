import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiKeyConfig } from '../config/authSchema';

/** The SHA-256 of a key in hex, as `auth.apiKeys[].sha256` stores it. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * A new random key: 32 bytes from the OS's CSPRNG, base64url, behind a `crmg_` prefix so a
 * leaked key is recognisable to secret scanners. It has no dots, so it is never taken for a JWT.
 */
export function mintKey(): string {
  return `crmg_${randomBytes(32).toString('base64url')}`;
}

/**
 * Finds the configured key a client presented. The presented key is hashed once and compared
 * with every stored digest in constant time, all of them every time, so neither the answer's
 * timing nor its order says which digest came close or where in the list a key sits.
 */
export class ApiKeyTable {
  private readonly entries: ReadonlyArray<{ digest: Buffer; index: number; config: ApiKeyConfig }>;

  constructor(keys: readonly ApiKeyConfig[]) {
    this.entries = keys.map((config, index) => ({ digest: Buffer.from(config.sha256, 'hex'), index, config }));
  }

  get size(): number {
    return this.entries.length;
  }

  /** The key's config and its index in `auth.apiKeys`, or null for a key not configured. */
  find(presented: string): { index: number; config: ApiKeyConfig } | null {
    const digest = createHash('sha256').update(presented, 'utf8').digest();
    let found: { index: number; config: ApiKeyConfig } | null = null;
    for (const e of this.entries) {
      if (timingSafeEqual(digest, e.digest) && found === null) found = { index: e.index, config: e.config };
    }
    return found;
  }
}

/** Whether `presented` hashes to `sha256Hex`, compared in constant time (the ops token). */
export function digestMatches(presented: string, sha256Hex: string): boolean {
  const digest = createHash('sha256').update(presented, 'utf8').digest();
  return timingSafeEqual(digest, Buffer.from(sha256Hex, 'hex'));
}
