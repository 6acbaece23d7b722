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
