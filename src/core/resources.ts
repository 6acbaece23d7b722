import type Redis from 'ioredis';

/** The Redis client every shared concern of a gateway uses. */
export type SharedRedis = Redis;

/** What a gateway shares with other instances, and whom to tell when that sharing is lost. */
export interface SharedState {
  redis: SharedRedis | null;
  keyPrefix: string;
  /** Told once when a shared concern falls back to this instance alone, and once when it is back. */
  onSharedState?: (state: 'lost' | 'back', what: string) => void;
}

/** Something a gateway owns for its lifetime and must release when it stops. */
export interface Closable {
  close(): void | Promise<void>;
}

/**
 * State connectors share across sources of one gateway (a vendor budget counted per API key,
 * say), owned by the gateway and closed on its `stop()` — never module-level, so two gateways
 * in one process (tests, blue/green) share nothing and leave no timers behind.
 */
export class GatewayResources {
  private readonly items = new Map<string, Closable>();

  /**
   * The Redis every instance shares (`redis.url`), when one is configured: state that must hold
   * across instances (a vendor budget) lives there. Owned by whoever made it, not closed here.
   */
  constructor(readonly shared: SharedState = { redis: null, keyPrefix: 'crmgraph:' }) {}

  /** The resource of `key`, made by `make` the first time it is asked for. */
  once<T extends Closable>(key: string, make: () => T): T {
    let item = this.items.get(key) as T | undefined;
    if (!item) this.items.set(key, (item = make()));
    return item;
  }

  async close(): Promise<void> {
    const items = [...this.items.values()];
    this.items.clear();
    await Promise.all(items.map(async (i) => i.close()));
  }
}
