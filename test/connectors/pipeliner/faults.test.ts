import { createPipelinerSimulator, type PipelinerSimulator } from '../../../src/simulators/pipeliner';
import type { ExecuteResult } from '../../../src/server';
import { pipelinerConnector, startPipeliner, type PipelinerSetup } from './harness';

/**
 * Vendor faults come back typed, with the rest of the response intact, and no credential or
 * vendor host in anything a client sees. Two sources: `pipeliner` (faulty on demand) and
 * `healthy`.
 */
describe('Pipeliner: vendor faults', () => {
  let s: PipelinerSetup;
  let healthy: PipelinerSimulator;

  beforeAll(async () => {
    healthy = createPipelinerSimulator({ seed: 11, size: { accounts: 5, contacts: 5, opportunities: 0 } });
    const url = await healthy.listen();
    s = await startPipeliner({
      source: { timeoutMs: 600, maxRetries: 1 },
      extra: [pipelinerConnector('healthy', url, healthy)],
    });
  });
  afterAll(async () => {
    await s.close();
    await healthy.close();
  });
  afterEach(() => {
    s.sim.server.setOutage(null);
    s.sim.server.latencyMs = 0;
    expect(s.sim.server.pendingFaults()).toBe(0);
  });

  const QUERY = `{
    contacts(first: 3) { edges { node { source { id } name } } }
    currencies(sources: ["healthy"]) { code }
  }`;

  function expectCleanErrors(res: ExecuteResult): void {
    const text = JSON.stringify(res.errors);
    for (const secret of [s.sim.credentials.username, s.sim.credentials.password, s.sim.authorization, '127.0.0.1', 'localhost', '/api/v100']) {
      expect(text).not.toContain(secret);
    }
  }

  it.each([
    ['a rate limit', { status: 429, headers: { 'retry-after': '3' } }, 'SOURCE_RATE_LIMITED', true, 429],
    ['an outage', { status: 503 }, 'SOURCE_UNAVAILABLE', true, 503],
    ['an internal error', { status: 500, body: { success: false, code: 500, name: 'ERROR', message: 'db down at db-7.internal', http_status: 500 } }, 'SOURCE_UNAVAILABLE', true, 500],
    ['refused credentials', { status: 401 }, 'SOURCE_AUTH_FAILED', false, 401],
  ])('%s is typed, at the failing field, while the other source answers', async (_name, fault, code, retryable, httpStatus) => {
    s.sim.server.setOutage(fault);
    const res = await s.gateway.execute(QUERY);
    expect(res.data?.['currencies']).toEqual(expect.arrayContaining([{ code: 'USD' }]));
    const edges = (res.data?.['contacts'] as { edges: Array<{ node: { source: { id: string } } }> }).edges;
    expect(edges.length).toBe(3);
    expect(edges.every((e) => e.node.source.id === 'healthy')).toBe(true);
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]).toMatchObject({
      path: ['contacts'],
      extensions: { code, source: 'pipeliner', vendor: 'PIPELINER', httpStatus, retryable },
    });
    if (code === 'SOURCE_RATE_LIMITED') expect(res.errors?.[0]?.extensions?.['retryAfterMs']).toBe(3000);
    expectCleanErrors(res);
  });

  it('a read that outlives its budget is SOURCE_TIMEOUT, answered within the budget', async () => {
    s.sim.server.latencyMs = 2000;
    const started = Date.now();
    const res = await s.gateway.execute(`{ contacts(sources: ["pipeliner"], first: 2) { edges { node { id } } } sources { id } }`);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(res.data?.['sources']).toHaveLength(2);
    expect(res.data?.['contacts']).toEqual({ edges: [] });
    expect(res.errors?.[0]).toMatchObject({ path: ['contacts'], extensions: { code: 'SOURCE_TIMEOUT', source: 'pipeliner', retryable: true } });
    expectCleanErrors(res);
  });

  it('a read retried after one 429 succeeds without the client noticing', async () => {
    s.sim.server.failNext({ status: 429, headers: { 'retry-after': '0' }, match: { method: 'GET' } });
    const res = await s.gateway.execute(`{ accounts(sources: ["pipeliner"], first: 2) { edges { node { name } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.extensions?.['vendorRequests']).toEqual({ total: 2, bySource: { pipeliner: 2 } });
  });

  it('a create that breaks after sending is SOURCE_OUTCOME_UNKNOWN and is sent once', async () => {
    s.sim.server.failNext({ status: 502, match: { method: 'POST' } });
    s.sim.server.clearLog();
    const res = await s.gateway.execute(`mutation { createAccount(input: { source: "pipeliner", name: "Maybe Ltd" }) { account { id } } }`);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'SOURCE_OUTCOME_UNKNOWN', source: 'pipeliner', retryable: false });
    // The payload stands; the fault is reported at its record field.
    expect(res.data).toEqual({ createAccount: { account: null } });
    expect(res.errors?.[0]?.path).toEqual(['createAccount', 'account']);
    expect(s.sim.server.requests('POST')).toHaveLength(1);
    expectCleanErrors(res);
  });

  it('bad credentials are SOURCE_AUTH_FAILED without echoing them', async () => {
    const wrong = pipelinerConnector('wrong', s.sim.url, s.sim, { credentials: { username: 'who', password: 'hunter2-secret' } });
    const { testGateway } = await import('../../support/gateway');
    const gw = await testGateway([wrong]);
    try {
      const res = await gw.execute(`{ accounts(first: 1) { edges { node { id } } } }`);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'SOURCE_AUTH_FAILED', source: 'wrong', httpStatus: 401 });
      expect(JSON.stringify(res)).not.toMatch(/hunter2|who:|127\.0\.0\.1/);
    } finally {
      await gw.stop();
    }
  });
});
