import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { SharedBudget } from '../../src/http/SharedBudget';
import { fixedWindowsFor } from '../../src/http/sharedWindows';
import { TcpProxy } from '../support/tcpProxy';
import { mostInAnySpan } from '../support/spans';

describe('fixed windows under a sliding limit', () => {
  it.each([
    [3, 1000],
    [60, 60_000],
    [5000, 86_400_000],
    [10, 1000],
  ])('never allow more than %i in any %i ms, even with a second of slack', (limit, windowMs) => {
    const w = fixedWindowsFor({ limit, windowMs }, 1000);
    const windowsMet = Math.ceil((windowMs + 1000) / (w.seconds * 1000)) + 1;
    expect(windowsMet * w.points).toBeLessThanOrEqual(limit);
    expect(w.points).toBeGreaterThanOrEqual(1);
  });
});

describe('a vendor budget shared by instances through Redis', () => {
  jest.setTimeout(30_000);
  const clients: Redis[] = [];
  const redis = (port = 6379) => {
    const c = new Redis({ port, maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
    c.on('error', () => undefined);
    clients.push(c);
    return c;
  };
  afterAll(async () => {
    for (const c of clients) c.disconnect();
  });

  const budget = (client: Redis, key: string, extra: Partial<ConstructorParameters<typeof SharedBudget>[0]> = {}) =>
    new SharedBudget({
      redis: client,
      key,
      prefix: `crmgraph-test:${key}:`,
      windows: [{ limit: 3, windowMs: 1000 }],
      slackMs: 200,
      instances: 2,
      maxWaitMs: 20_000,
      ...extra,
    });

  it('keeps two instances together under 3 in any second', async () => {
    const key = randomUUID();
    const [a, b] = [budget(redis(), key), budget(redis(), key)];
    await new Promise((r) => setTimeout(r, 100));
    const times: number[] = [];
    await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).take().then(() => times.push(Date.now()))));
    expect(times).toHaveLength(8);
    expect(mostInAnySpan(times, 1000)).toBeLessThanOrEqual(3);
  });

  it('pauses every instance when one of them is told 429 with Retry-After', async () => {
    const key = randomUUID();
    const [a, b] = [budget(redis(), key), budget(redis(), key)];
    await new Promise((r) => setTimeout(r, 100));
    await a.pause(2000);
    const started = Date.now();
    await b.take();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  });

  it('falls back to its share when Redis is away, says so once, and shares again when it is back', async () => {
    const proxy = new TcpProxy(6379);
    const port = await proxy.open();
    const events: string[] = [];
    const shared = budget(redis(port), randomUUID(), { onShared: (s) => events.push(s), maxWaitMs: 3000 });
    await new Promise((r) => setTimeout(r, 100));
    await shared.take();
    await proxy.cut();
    await new Promise((r) => setTimeout(r, 100));
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      await shared.take();
      times.push(Date.now());
    }
    // Alone on its share (1 of 2 instances): one a second at most.
    expect(mostInAnySpan(times, 1000)).toBe(1);
    await proxy.open();
    for (let i = 0; i < 50 && events.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
      await shared.take().catch(() => undefined);
    }
    expect(events).toEqual(['lost', 'back']);
    await proxy.cut();
  });
});
