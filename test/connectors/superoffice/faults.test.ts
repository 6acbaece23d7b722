import { createSuperOfficeSimulator, type SuperOfficeSimulator } from '../../../src/simulators/superoffice';
import type { ExecuteResult } from '../../../src/server';
import { dataOf, testGateway } from '../../support/gateway';
import { startSuperOffice, superOfficeConnector, type SuperOfficeSetup } from './harness';

/**
 * Vendor faults come back typed, at the failing field, with the rest of the response intact
 * and no credential or vendor host in anything a client sees. Two sources: `superoffice`
 * (faulty on demand) and `healthy`.
 */
describe('SuperOffice: vendor faults', () => {
  let s: SuperOfficeSetup;
  let healthy: SuperOfficeSimulator;

  beforeAll(async () => {
    healthy = createSuperOfficeSimulator({ seed: 11, size: { companies: 4, persons: 4, sales: 0 } });
    const url = await healthy.listen();
    s = await startSuperOffice({
      source: { timeoutMs: 600, maxRetries: 1 },
      extra: [superOfficeConnector('healthy', url, healthy)],
    });
  });
  afterAll(async () => {
    await s.close();
    await healthy.close();
  });
  afterEach(() => {
    s.sim.server.setOutage(null);
    s.sim.server.latencyMs = 0;
    s.sim.setWrongSubdomain(false);
    s.sim.setTenantState('Running');
    expect(s.sim.server.pendingFaults()).toBe(0);
  });

  const QUERY = `{ contacts(first: 3) { edges { node { source { id } name } } } currencies(sources: ["healthy"]) { code } }`;

  function expectCleanErrors(res: ExecuteResult): void {
    const text = JSON.stringify(res.errors);
    for (const secret of [
      s.sim.credentials.accessToken,
      s.sim.credentials.ticket,
      s.sim.credentials.appToken,
      '127.0.0.1',
      'Cust12345',
      '/api/v1',
    ]) {
      expect(text).not.toContain(secret);
    }
  }

  function expectOnlyHealthy(res: ExecuteResult): void {
    expect(res.data?.['currencies']).toEqual(expect.arrayContaining([{ code: 'EUR' }]));
    const edges = (res.data?.['contacts'] as { edges: Array<{ node: { source: { id: string } } }> }).edges;
    expect(edges).toHaveLength(3);
    expect(edges.every((e) => e.node.source.id === 'healthy')).toBe(true);
  }

  it.each([
    [
      'a rate limit',
      () => s.sim.server.setOutage({ status: 429, headers: { 'retry-after': '3' } }),
      'SOURCE_RATE_LIMITED',
      true,
      429,
    ],
    [
      'a tenant in offline maintenance',
      () => s.sim.setTenantState('OfflineMaintenance'),
      'SOURCE_UNAVAILABLE',
      true,
      503,
    ],
    ['the tenant moved to another host', () => s.sim.setWrongSubdomain(true), 'SOURCE_REJECTED', false, 421],
  ])(
    '%s is typed, at the failing field, while the other source answers',
    async (_name, fault, code, retryable, httpStatus) => {
      fault();
      const res = await s.gateway.execute(QUERY);
      expectOnlyHealthy(res);
      expect(res.errors).toHaveLength(1);
      expect(res.errors?.[0]).toMatchObject({
        path: ['contacts'],
        extensions: { code, source: 'superoffice', vendor: 'SUPEROFFICE', httpStatus, retryable },
      });
      if (code === 'SOURCE_RATE_LIMITED') expect(res.errors?.[0]?.extensions?.['retryAfterMs']).toBe(3000);
      if (httpStatus === 421)
        expect(res.errors?.[0]?.message).toBe(
          `Source "superoffice" answered that the tenant lives on another host (HTTP 421); its baseUrl must be the tenant's webapi_url`,
        );
      expectCleanErrors(res);
    },
  );

  it('an expired token is SOURCE_AUTH_FAILED without echoing it; the renewed one works', async () => {
    const sim = createSuperOfficeSimulator({ size: { companies: 2, persons: 2, sales: 0 } });
    const url = await sim.listen();
    const old = sim.credentials.accessToken;
    sim.expireCredentials();
    const renewed = sim.renewCredentials().accessToken;
    const gw = await testGateway([
      superOfficeConnector('stale', url, sim, { credentials: { scheme: 'bearer', accessToken: old } }),
      superOfficeConnector('fresh', url, sim, { credentials: { scheme: 'bearer', accessToken: renewed } }),
    ]);
    try {
      const res = await gw.execute(`{ accounts(first: 1) { edges { node { source { id } } } } }`);
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'SOURCE_AUTH_FAILED',
        source: 'stale',
        httpStatus: 401,
        retryable: false,
      });
      expect(res.data?.['accounts']).toEqual({ edges: [{ node: { source: { id: 'fresh' } } }] });
      expect(JSON.stringify(res)).not.toContain(old);
    } finally {
      await gw.stop();
      await sim.close();
    }
  });

  it('a read that outlives its budget is SOURCE_TIMEOUT, answered within the budget', async () => {
    s.sim.server.latencyMs = 2000;
    const started = Date.now();
    const res = await s.gateway.execute(
      `{ accounts(sources: ["superoffice"], first: 2) { edges { node { id } } } sources { id } }`,
    );
    expect(Date.now() - started).toBeLessThan(1500);
    expect(res.data?.['sources']).toHaveLength(2);
    expect(res.errors?.[0]).toMatchObject({
      path: ['accounts'],
      extensions: { code: 'SOURCE_TIMEOUT', source: 'superoffice', retryable: true },
    });
  });

  it('a read retried after one 429 succeeds without the client noticing', async () => {
    s.sim.server.failNext({ status: 429, headers: { 'retry-after': '0' }, match: { method: 'GET' } });
    const res = await s.gateway.execute(`{ accounts(sources: ["superoffice"], first: 2) { edges { node { name } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.extensions?.['vendorRequests']).toEqual({ total: 2, bySource: { superoffice: 2 } });
  });

  it('a create that breaks after sending is SOURCE_OUTCOME_UNKNOWN and is sent once', async () => {
    s.sim.server.failNext({ status: 502, match: { method: 'POST', pathIncludes: '/Contact' } });
    s.sim.server.clearLog();
    const res = await s.gateway.execute(
      `mutation { createAccount(input: { source: "superoffice", name: "Maybe AS" }) { account { id } } }`,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'SOURCE_OUTCOME_UNKNOWN',
      source: 'superoffice',
      retryable: false,
    });
    // The payload stands; the fault is reported at its record field.
    expect(res.errors?.[0]?.path).toEqual(['createAccount', 'account']);
    expect(res.data).toEqual({ createAccount: { account: null } });
    expect(s.sim.server.requests('POST')).toHaveLength(1);
    expectCleanErrors(res);
  });

  it('a ticket with its app token works; a ticket without the right app token is SOURCE_AUTH_FAILED', async () => {
    const ticket = superOfficeConnector('ticket', s.sim.server.url, s.sim, {
      credentials: { scheme: 'soticket', ticket: s.sim.credentials.ticket, appToken: s.sim.credentials.appToken },
    });
    const wrong = superOfficeConnector('wrong', s.sim.server.url, s.sim, {
      credentials: { scheme: 'soticket', ticket: s.sim.credentials.ticket, appToken: 'hunter2-secret' },
    });
    const gw = await testGateway([ticket, wrong]);
    try {
      const ok = await gw.execute(`{ accounts(sources: ["ticket"], first: 1) { edges { node { name } } } }`);
      expect(dataOf(ok).accounts.edges).toHaveLength(1);
      const bad = await gw.execute(`{ accounts(sources: ["wrong"], first: 1) { edges { node { name } } } }`);
      expect(bad.errors?.[0]?.extensions).toMatchObject({
        code: 'SOURCE_AUTH_FAILED',
        source: 'wrong',
        httpStatus: 401,
      });
      expect(JSON.stringify(bad)).not.toMatch(/hunter2|7T:|127\.0\.0\.1/);
    } finally {
      await gw.stop();
    }
  });
});
