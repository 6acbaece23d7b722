import { toReply } from './support/harness';
import { wire } from './support/contract';
import { startSim, type Harness } from './support/harness';

const limits = wire().rateLimits;
const RATE_LIMITED = wire().errors['429'];

describe('Cin7 simulator: per-key rate limits (3/s, 60/min, 5,000/day)', () => {
  let h: Harness;
  const clock = { t: Date.UTC(2025, 0, 6, 9, 0, 0, 0) };
  beforeEach(async () => {
    clock.t = Date.UTC(2025, 0, 6, 9, 0, 0, 0);
    h = await startSim({ rateLimits: true, now: () => clock.t, connections: [{ apiKey: 'second-key' }] });
  });
  afterEach(() => h.close());

  const hit = (headers?: Record<string, string>) => h.get('/v1/Users?fields=id', headers);

  it('starts with the documented values, on by default', () => {
    expect(h.sim.switches.rateLimits).toMatchObject({ enabled: true, perSecond: limits.perSecond, perMinute: limits.perMinute, perDay: limits.perDay });
  });

  it('answers the 4th request within a second with 429 and the documented string, and serves again a second later', async () => {
    for (let i = 0; i < limits.perSecond; i += 1) expect((await hit()).status).toBe(200);
    const res = await hit();
    expect(res.status).toBe(429);
    expect(res.body).toBe(RATE_LIMITED);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('retry-after')).toBeNull();
    clock.t += 1000;
    expect((await hit()).status).toBe(200);
  });

  it('allows 60 requests in any minute, the 61st is refused until the oldest is a minute old', async () => {
    const start = clock.t;
    for (let i = 0; i < limits.perMinute; i += 1) {
      expect((await hit()).status).toBe(200);
      clock.t += 400; // 2.5 a second: under the per-second limit
    }
    expect((await hit()).status).toBe(429);
    expect(h.sim.rateUsage()).toMatchObject({ minute: limits.perMinute });
    clock.t = start + 60_000;
    expect((await hit()).status).toBe(200);
  });

  it(
    'spends a budget of 5,000 requests a day per key, then refuses until the oldest is 24 h old',
    async () => {
      const start = clock.t;
      for (let i = 0; i < limits.perDay; i += 1) {
        const res = await hit();
        if (res.status !== 200) throw new Error(`request ${i + 1} answered ${res.status}`);
        clock.t += 1100; // under 3/s and 60/min
      }
      expect(h.sim.rateUsage().day).toBe(limits.perDay);
      const refused = await hit();
      expect(refused.status).toBe(429);
      expect(refused.body).toBe(RATE_LIMITED);
      // another API connection of the same account has its own budget
      expect((await hit(h.sim.authHeaders('second-key'))).status).toBe(200);
      clock.t = start + 24 * 3600_000;
      expect((await hit()).status).toBe(200);
    },
    60_000,
  );

  it('sends Retry-After with the seconds until a slot frees when the retryAfter switch is on', async () => {
    h.sim.switches.rateLimits.retryAfter = true;
    for (let i = 0; i < limits.perSecond; i += 1) expect((await hit()).status).toBe(200);
    clock.t += 300;
    const res = await hit();
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
  });

  it('counts each key on its own', async () => {
    for (let i = 0; i < limits.perSecond; i += 1) await hit();
    expect((await hit()).status).toBe(429);
    expect((await hit(h.sim.authHeaders('second-key'))).status).toBe(200);
  });

  it('does not count refused requests by default, and does with countRejected', async () => {
    for (let i = 0; i < 5; i += 1) await hit();
    expect(h.sim.rateUsage().second).toBe(3);
    h.sim.switches.rateLimits.countRejected = true;
    await hit();
    expect(h.sim.rateUsage().second).toBe(4);
  });

  it('does not count requests refused with 401', async () => {
    await toReply(await fetch(`${h.sim.apiBase}/v1/Users`, { headers: { authorization: 'Basic eDp5' } }));
    expect(h.sim.rateUsage().day).toBe(0);
  });

  it('applies nothing of a write that was refused with 429', async () => {
    for (let i = 0; i < limits.perSecond; i += 1) await hit();
    const before = h.sim.store.contacts().length;
    const res = await h.send('POST', '/v1/Contacts', [{ type: 'Customer', company: 'Too Fast Ltd' }]);
    expect(res.status).toBe(429);
    expect(h.sim.store.contacts()).toHaveLength(before);
  });

  it('resets at the UTC second boundary with fixed windows, where sliding windows still refuse', async () => {
    clock.t = Date.UTC(2025, 0, 6, 9, 0, 0, 900);
    for (let i = 0; i < limits.perSecond; i += 1) await hit();
    clock.t += 150; // into the next UTC second
    expect((await hit()).status).toBe(429); // sliding: three requests in the last second
    h.sim.switches.rateLimits.windows = 'fixed';
    expect((await hit()).status).toBe(200);
  });

  it('can be turned off or down while running', async () => {
    h.sim.switches.rateLimits.enabled = false;
    for (let i = 0; i < 10; i += 1) expect((await hit()).status).toBe(200);
    h.sim.switches.rateLimits.enabled = true;
    h.sim.switches.rateLimits.perSecond = 1;
    h.sim.resetRateLimits();
    expect((await hit()).status).toBe(200);
    expect((await hit()).status).toBe(429);
  });
});
