import Redis from 'ioredis';
import type { Claim, IdempotencyStore, KeyState } from './store';

/**
 * Keys in Redis (ioredis), shared by every gateway instance using the same server. A claim is
 * `SET key pending NX PX lease`: atomic, so two instances never both write.
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  private readonly redis: Redis;

  constructor(url: string, private readonly prefix = 'crmgraph:idem:') {
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
    // Connection errors surface on the command that needs Redis; don't crash the process.
    this.redis.on('error', () => undefined);
  }

  async claim(key: string, fingerprint: string, leaseMs: number): Promise<Claim> {
    const pending: KeyState = { state: 'pending', fingerprint };
    const ok = await this.redis.set(this.prefix + key, JSON.stringify(pending), 'PX', leaseMs, 'NX');
    if (ok === 'OK') return { kind: 'claimed' };
    const raw = await this.redis.get(this.prefix + key);
    // Expired between SET and GET: try once more.
    if (raw === null) return this.claim(key, fingerprint, leaseMs);
    return { kind: 'taken', held: JSON.parse(raw) as KeyState };
  }

  async complete(key: string, fingerprint: string, outcome: string, ttlMs: number): Promise<void> {
    const done: KeyState = { state: 'done', fingerprint, outcome };
    await this.redis.set(this.prefix + key, JSON.stringify(done), 'PX', ttlMs);
  }

  async release(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
