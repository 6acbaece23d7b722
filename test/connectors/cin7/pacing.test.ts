import type { ExecuteResult } from '../../../src/server';
import { testGateway } from '../../support/gateway';
import { cin7Connector, startCin7 } from './harness';

/**
 * The i-th of a burst: a page size of its own, so each is a distinct vendor request (identical
 * reads in flight at once are sent once, which would leave nothing to pace).
 */
const accountsOf = (source: string, i = 0) => `{ accounts(sources: ["${source}"], first: ${1 + (i % 100)}) { edges { node { name } } } }`;
const ACCOUNTS = (i: number) => accountsOf('cin7', i);

function answered(r: ExecuteResult): boolean {
  return !r.errors && Array.isArray((r.data as any)?.accounts?.edges) && (r.data as any).accounts.edges.length > 0;
}

/**
 * Pacing to the key's budget (vendor notes §5: 3 a second, 60 a minute, 5,000 a day per key)
 * against the simulator with its limits on: the connector queues, so the vendor never says 429.
 */
describe('Cin7 Omni pacing', () => {
  it(
    'a burst of 20 concurrent queries at the real limits (3/s, 60/min): all answered, no 429, 3 at once then 3 every 3 s (the minute spread evenly)',
    async () => {
      const s = await startCin7({ realLimits: true });
      try {
        const started = Date.now();
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => s.gateway.execute(ACCOUNTS(i))));
        const elapsed = Date.now() - started;
        expect(results.filter(answered)).toHaveLength(20);
        expect(s.sim.server.log).toHaveLength(20);
        expect(s.rejected429()).toBe(0);
        expect(s.sim.rateUsage().minute).toBe(20);
        // At most 3 arrivals in any 3 seconds, as the vendor counts them: 1 a second sustained,
        // so steady demand never spends the minute's 60 in its first 20 seconds.
        const at = s.sim.server.log.map((r) => r.at);
        for (let k = 3; k < at.length; k += 1) expect(at[k]! - at[k - 3]!).toBeGreaterThanOrEqual(3000);
        // 20 requests, 3 every 3 s: the last leaves in the 19th second.
        expect(elapsed).toBeGreaterThanOrEqual(17_000);
        expect(elapsed).toBeLessThan(25_000);
      } finally {
        await s.close();
      }
    },
    60_000,
  );

  it('counts each request until its answer is back: slow answers push the next window back', async () => {
    const s = await startCin7({ realLimits: true });
    try {
      s.sim.server.latencyMs = 400;
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => s.gateway.execute(ACCOUNTS(i))));
      expect(results.filter(answered)).toHaveLength(6);
      const at = s.sim.server.log.map((r) => r.at);
      // The first three were answered ~400 ms after they arrived; the vendor may have counted
      // them that late, so the next three leave a second after those answers.
      expect(at[3]! - at[0]!).toBeGreaterThanOrEqual(1400);
      expect(s.rejected429()).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('fails fast with SOURCE_RATE_LIMITED and retryAfterMs once the day budget is spent, before any 429', async () => {
    const s = await startCin7({
      sim: { rateLimits: { perSecond: 50, perMinute: 1000, perDay: 5 } },
      source: { options: { rateLimits: { perSecond: 50, perMinute: 1000, perDay: 5 } } },
    });
    try {
      const ok = [];
      for (let i = 0; i < 5; i += 1) ok.push(await s.gateway.execute(ACCOUNTS(i)));
      expect(ok.filter(answered)).toHaveLength(5);
      const started = Date.now();
      const refused = await s.gateway.execute(ACCOUNTS(5));
      expect(Date.now() - started).toBeLessThan(500);
      expect(refused.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/^Source "cin7" is rate limited on our side: its budget of 5 requests per day is spent; retry in 8640\d s$/),
        extensions: { code: 'SOURCE_RATE_LIMITED', source: 'cin7', vendor: 'CIN7_OMNI', retryable: true, retryAfterMs: expect.any(Number) },
      });
      expect(refused.errors?.[0]?.extensions?.['retryAfterMs']).toBeGreaterThan(86_000_000);
      expect(s.sim.server.log).toHaveLength(5);
      expect(s.rejected429()).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('refuses at once, with retryAfterMs, calls whose turn is further away than maxWaitMs', async () => {
    const s = await startCin7({ realLimits: true, source: { options: { rateLimits: { maxWaitMs: 500 } } } });
    try {
      const started = Date.now();
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => s.gateway.execute(ACCOUNTS(i))));
      expect(Date.now() - started).toBeLessThan(1000);
      expect(results.filter(answered)).toHaveLength(3);
      const refused = results.filter((r) => !answered(r));
      expect(refused.map((r) => r.errors?.[0]?.extensions?.['code'])).toEqual(Array(7).fill('SOURCE_RATE_LIMITED'));
      for (const r of refused) expect(r.errors?.[0]?.extensions?.['retryAfterMs']).toBeGreaterThan(500);
      expect(s.rejected429()).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('shares one queue between sources on the same key, and keeps another key apart', async () => {
    const s = await startCin7({ id: 'omni-a', realLimits: true, sim: { connections: [{ apiKey: 'second-connection-key' }] } });
    const sameKey = cin7Connector('omni-b', s.sim, s.resources);
    const otherKey = cin7Connector('omni-c', s.sim, s.resources, { credentials: { username: s.sim.credentials.username, apiKey: 'second-connection-key' } });
    const gateway = await testGateway([s.connector, sameKey, otherKey]);
    try {
      const started = Date.now();
      const timed = (source: string, i: number) => gateway.execute(accountsOf(source, i)).then((r) => ({ source, ok: !r.errors, at: Date.now() - started }));
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => timed(i % 2 ? 'omni-a' : 'omni-b', i)).concat(Array.from({ length: 6 }, (_, i) => timed('omni-c', i))));
      expect(results.every((r) => r.ok)).toBe(true);
      expect(s.rejected429()).toBe(0);
      // 12 requests on one key, 3 every 3 s: 4 turns, the last after 9 s; 6 on the other key: 2
      // turns, the last after 3 s (sharing the first key's queue it would wait 15 s).
      expect(Math.max(...results.filter((r) => r.source !== 'omni-c').map((r) => r.at))).toBeGreaterThanOrEqual(9000);
      expect(Math.max(...results.filter((r) => r.source === 'omni-c').map((r) => r.at))).toBeLessThan(6000);
    } finally {
      await gateway.stop();
      await s.close();
    }
  });

  it('without pacing, the same kind of burst draws 429s from the simulator (the control)', async () => {
    const s = await startCin7({ sim: { rateLimits: true }, source: { maxRetries: 0, options: { rateLimits: false } } });
    try {
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => s.gateway.execute(ACCOUNTS(i))));
      expect(s.rejected429()).toBe(7);
      expect(results.filter((r) => r.errors?.[0]?.extensions?.['code'] === 'SOURCE_RATE_LIMITED')).toHaveLength(7);
    } finally {
      await s.close();
    }
  });
});
