import { startSim, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await startSim();
});
afterEach(async () => {
  expect(h.sim.server.pendingFaults()).toBe(0);
  await h.close();
});

describe('SuperOffice simulator fault switches', () => {
  it('answers a scripted 429 with Retry-After once, then the real answer', async () => {
    h.sim.server.failNext({ status: 429, headers: { 'retry-after': '1' }, match: { method: 'GET', pathIncludes: '/Contact' } });
    const first = await h.get('/Contact/2');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('1');
    expect((await h.get('/Contact/2')).status).toBe(200);
  });

  it('answers 503 during an outage until it is lifted', async () => {
    h.sim.server.setOutage({ status: 503, text: 'Service Unavailable' });
    expect((await h.get('/Sale/1')).status).toBe(503);
    h.sim.server.setOutage(null);
    expect((await h.get('/Sale/1')).status).toBe(200);
  });

  it('adds latency to every answer', async () => {
    h.sim.server.latencyMs = 60;
    const started = Date.now();
    await h.get('/Contact/2');
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('throttles with 429 beyond a configured request budget (open question 5)', async () => {
    const limited = await startSim({ rateLimit: { requests: 2, perMs: 60_000, retryAfterSeconds: 30 } });
    try {
      expect((await limited.get('/Contact/2')).status).toBe(200);
      expect((await limited.get('/Contact/2')).status).toBe(200);
      const third = await limited.get('/Contact/2');
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toBe('30');
      expect(third.body.Error).toBe(true);
    } finally {
      await limited.close();
    }
  });

  it('records each request with method, path, query, body and status', async () => {
    h.sim.server.clearLog();
    await h.get('/Person?$filter=personId%20in%20(6,7)');
    await h.send('POST', '/Contact', { Name: 'Logged AS' });
    expect(h.sim.server.requests('GET', '/Person')).toEqual([
      expect.objectContaining({ query: '?$filter=personId%20in%20(6,7)', status: 200 }),
    ]);
    expect(h.sim.server.requests('POST')[0]).toMatchObject({ path: '/Cust12345/api/v1/Contact', body: { Name: 'Logged AS' }, status: 200 });
  });
});
