import Redis from 'ioredis';
import type { Claim, IdempotencyStore, KeyState } from '../core/write';

/**
 * Keys in Redis (ioredis), shared by every gateway instance using the same server. A claim is
 * `SET key pending NX PX ttl`: atomic, so two instances never both write. Commands fail within
 * `commandTimeoutMs` when Redis is away, so a create is refused (or its outcome kept for later)
 * instead of hanging on a queue.
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix = 'crmgraph:idem:',
    commandTimeoutMs = 2000,
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: commandTimeoutMs, enableOfflineQueue: true });
    // Connection errors surface on the command that needs Redis; don't crash the process.
    this.redis.on('error', () => undefined);
  }

  async claim(key: string, fingerprint: string, leaseMs: number, ttlMs: number): Promise<Claim> {
    const pending: KeyState = { state: 'pending', fingerprint, leaseUntil: Date.now() + leaseMs };
    const ok = await this.redis.set(this.prefix + key, JSON.stringify(pending), 'PX', ttlMs, 'NX');
    if (ok === 'OK') return { kind: 'claimed' };
    const raw = await this.redis.get(this.prefix + key);
    // Expired between SET and GET: try once more.
    if (raw === null) return this.claim(key, fingerprint, leaseMs, ttlMs);
    return { kind: 'taken', held: JSON.parse(raw) as KeyState };
  }

  async complete(key: string, fingerprint: string, outcome: string, ttlMs: number): Promise<void> {
    const done: KeyState = { state: 'done', fingerprint, outcome };
    await this.redis.set(this.prefix + key, JSON.stringify(done), 'PX', Math.max(1, Math.round(ttlMs)));
  }

  async release(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
