import type { Claim, IdempotencyStore, KeyState } from '../core/write';

/** Keys in a Map with expiry; enough for one gateway process. */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly keys = new Map<string, { value: KeyState; expires: number }>();

  claim(key: string, fingerprint: string, leaseMs: number, ttlMs: number): Promise<Claim> {
    const now = Date.now();
    const held = this.keys.get(key);
    if (held && held.expires > now) return Promise.resolve({ kind: 'taken', held: held.value });
    this.keys.set(key, { value: { state: 'pending', fingerprint, leaseUntil: now + leaseMs }, expires: now + ttlMs });
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
