import { dig, expectNoPendingFaults, startSimulator, type Harness } from './support/harness';

describe('LogiSense simulator: latency, faults and the request log', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSimulator({ accounts: 2 });
    await h.login();
  });
  afterEach(() => {
    h.sim.server.latencyMs = 0;
    h.sim.server.setOutage(null);
    expectNoPendingFaults(h);
  });
  afterAll(() => h.close());

  it('adds the configured latency to every answer', async () => {
    h.sim.server.latencyMs = 60;
    const started = Date.now();
    await h.get('Currency');
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('answers the next matching request with a scripted 429 and Retry-After, then recovers', async () => {
    h.sim.server.failNext({ status: 429, headers: { 'retry-after': '2' }, match: { pathIncludes: '/Contact' } });
    const limited = await h.get('Contact/20001');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect((await h.get('Contact/20001')).status).toBe(200);
  });

  it('answers every request with 503 during an outage and serves again afterwards', async () => {
    h.sim.server.setOutage({ status: 503, body: { message: 'Service Unavailable' } });
    expect((await h.get('Currency')).status).toBe(503);
    expect((await h.get('Account')).status).toBe(503);
    h.sim.server.setOutage(null);
    expect((await h.get('Currency')).status).toBe(200);
  });

  it('can script a 500 on writes only', async () => {
    h.sim.server.failNext({ status: 500, match: { method: 'POST' } });
    expect((await h.get('Currency')).status).toBe(200);
    expect((await h.call('POST', 'Account', { body: { name: 'Unlucky' } })).status).toBe(500);
    expect(h.sim.store.accounts().some((a) => a.name === 'Unlucky')).toBe(false);
  });

  it('can hold an answer past a client timeout', async () => {
    h.sim.server.failNext({ status: 200, body: {}, delayMs: 500 });
    const res = await fetch(`${h.sim.resourceBase}/Currency`, { signal: AbortSignal.timeout(100) }).catch((e: unknown) => e);
    expect(res).toMatchObject({ name: 'TimeoutError' });
    await new Promise((r) => setTimeout(r, 500));
  });

  it('records each request with method, path, body and status, and never the token', async () => {
    h.sim.server.clearLog();
    await h.call('PATCH', 'Contact/20001', { body: { title: 'Dr.' } });
    const [entry] = h.sim.server.requests('PATCH', '/Contact/20001');
    expect(entry).toMatchObject({ method: 'PATCH', path: '/ResourceServer/api/v6/Contact/20001', status: 200, body: { title: 'Dr.' } });
    expect(JSON.stringify(h.sim.server.log)).not.toMatch(/Bearer|eyJ/);
  });

  it('keeps a trackingId on successful answers under latency', async () => {
    h.sim.server.latencyMs = 5;
    expect(dig((await h.get('Currency/1')).body, 'trackingId')).toEqual(expect.any(String));
  });
});
