/** What a key holds: a create under way, or the finished outcome of one. */
export type KeyState =
  | { state: 'pending'; fingerprint: string }
  | { state: 'done'; fingerprint: string; outcome: string };

/** The answer to a claim: ours now, or what someone else holds. */
export type Claim = { kind: 'claimed' } | { kind: 'taken'; held: KeyState };

/**
 * Where idempotency keys live: in this process (default) or in Redis so that several gateway
 * instances share them. `claim` is atomic: of two concurrent claims, exactly one wins.
 */
export interface IdempotencyStore {
  /** Claims `key` for `leaseMs` unless it is held; a lease that runs out frees the key. */
  claim(key: string, fingerprint: string, leaseMs: number): Promise<Claim>;
  /** Records the outcome for `ttlMs` (the key now answers with it). */
  complete(key: string, fingerprint: string, outcome: string, ttlMs: number): Promise<void>;
  /** Frees a claimed key whose create wrote nothing. */
  release(key: string): Promise<void>;
  close(): Promise<void>;
}

/** Keys in a Map with expiry; enough for one gateway process. */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly keys = new Map<string, { value: KeyState; expires: number }>();

  claim(key: string, fingerprint: string, leaseMs: number): Promise<Claim> {
    const now = Date.now();
    const held = this.keys.get(key);
    if (held && held.expires > now) return Promise.resolve({ kind: 'taken', held: held.value });
    this.keys.set(key, { value: { state: 'pending', fingerprint }, expires: now + leaseMs });
    this.sweep(now);
    return Promise.resolve({ kind: 'claimed' });
  }

  complete(key: string, fingerprint: string, outcome: string, ttlMs: number): Promise<void> {
    this.keys.set(key, { value: { state: 'done', fingerprint, outcome }, expires: Date.now() + ttlMs });
    return Promise.resolve();
  }

  release(key: string): Promise<void> {
    this.keys.delete(key);
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.keys.clear();
    return Promise.resolve();
  }

  /** Drops expired keys now and then, so the map does not grow without bound. */
  private sweep(now: number): void {
    if (this.keys.size % 256 !== 0) return;
    for (const [k, v] of this.keys) if (v.expires <= now) this.keys.delete(k);
  }
}
