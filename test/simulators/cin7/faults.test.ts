import { wire } from './support/contract';
import { expectNoPendingFaults, startSim, toReply, type Harness } from './support/harness';

describe('Cin7 simulator: faults, error body shapes and the request log', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSim({ permissions: { Quotes: { read: false } } });
  });
  afterAll(() => h.close());
  afterEach(() => {
    expectNoPendingFaults(h);
  });

  it('answers a scripted 503 once, then serves normally', async () => {
    h.sim.server.failNext({ status: 503, body: 'Service unavailable' });
    expect((await h.get('/v1/Users')).status).toBe(503);
    expect((await h.get('/v1/Users')).status).toBe(200);
  });

  it('answers every call with a standing outage until it is lifted', async () => {
    h.sim.server.setOutage({ status: 500, body: 'An error has occurred.' });
    try {
      expect((await h.get('/v1/Users')).status).toBe(500);
      expect((await h.get('/v1/Contacts/1')).status).toBe(500);
    } finally {
      h.sim.server.setOutage(null);
    }
    expect((await h.get('/v1/Users')).status).toBe(200);
  });

  it('adds latency to every answer', async () => {
    h.sim.server.latencyMs = 120;
    try {
      const started = Date.now();
      await h.get('/v1/Users');
      expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    } finally {
      h.sim.server.latencyMs = 0;
    }
  });

  it('scripts a 429 with Retry-After on top of the real limiter', async () => {
    h.sim.server.failNext({ status: 429, body: wire().errors['429'], headers: { 'retry-after': '2' } });
    const res = await h.get('/v1/Contacts');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('2');
  });

  it('sends non-429 errors as {"Message": …} when errorBody is message, and keeps 429 a string', async () => {
    h.sim.switches.errorBody = 'message';
    h.sim.switches.rateLimits = { ...h.sim.switches.rateLimits, enabled: true, perSecond: 1 };
    try {
      const unauthorized = await toReply(await fetch(`${h.sim.apiBase}/v1/Users`));
      expect(unauthorized.body).toEqual({ Message: wire().errors['401'] });
      h.sim.resetRateLimits();
      expect((await h.get('/v1/Quotes')).body).toEqual({ Message: wire().errors['403'] });
      expect((await h.get('/v1/Contacts/1')).body).toBe(wire().errors['429']);
      h.sim.switches.rateLimits.enabled = false;
      expect((await h.get('/v1/Contacts/999999')).body).toEqual({ Message: wire().errors['404'] });
      expect((await h.get('/v1/Contacts?rows=251')).body).toEqual({ Message: wire().paging.rowsAboveMax.body });
    } finally {
      h.sim.switches.errorBody = 'string';
      h.sim.switches.rateLimits.enabled = false;
      h.sim.switches.rateLimits.perSecond = 3;
    }
  });

  it('applies a write and answers it late, when scripted (a commit whose answer a client never sees)', async () => {
    const before = h.sim.store.contacts().length;
    h.sim.server.afterNext({ match: { method: 'POST' }, delayMs: 150 });
    const started = Date.now();
    const res = await h.send('POST', '/v1/Contacts', [{ type: 'Customer', company: 'Late Ltd' }]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(res.body).toEqual([expect.objectContaining({ index: 0, success: true })]);
    expect(h.sim.store.contacts()).toHaveLength(before + 1);
  });

  it('fails the nth write with a 5xx, applied (commit) or not', async () => {
    const before = h.sim.store.contacts().length;
    h.sim.server.failNext({ status: 500, body: 'An error has occurred.', nth: 2, match: { method: 'POST' } });
    h.sim.server.afterNext({ status: 502, body: 'An error has occurred.', nth: 3, match: { method: 'POST' } });
    const answers = [];
    for (const company of ['One Ltd', 'Two Ltd', 'Three Ltd']) answers.push(await h.send('POST', '/v1/Contacts', [{ type: 'Customer', company }]));
    expect(answers.map((a) => a.status)).toEqual([200, 500, 502]);
    expect(answers[1]!.body).toBe('An error has occurred.');
    // The first and the third were applied; the second was not.
    expect(h.sim.store.contacts().slice(before).map((c) => c.company)).toEqual(['One Ltd', 'Three Ltd']);
  });

  it('logs each request with its method, path, query and body, for assertions on what a client sent', async () => {
    h.sim.server.clearLog();
    await h.get("/v1/Contacts?where=id IN (1,2)&fields=id");
    await h.send('POST', '/v1/Contacts', [{ type: 'Customer', company: 'Logged Ltd' }]);
    const [get, post] = h.sim.server.log;
    expect(get).toMatchObject({ method: 'GET', path: '/api/v1/Contacts', status: 200 });
    expect(new URLSearchParams(get!.query).get('where')).toBe('id IN (1,2)');
    expect(post).toMatchObject({ method: 'POST', path: '/api/v1/Contacts', body: [{ type: 'Customer', company: 'Logged Ltd' }], status: 200 });
    expect(h.sim.server.requests('POST')).toHaveLength(1);
  });
});
