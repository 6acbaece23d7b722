import { logiSenseConnector, logisenseSourceSchema } from '../../src/connectors/logisense';
import type { Demo } from '../../src/demo';
import type { Gateway } from '../../src/server';
import { createLogiSenseSimulator, type LogiSenseSimulator } from '../../src/simulators/logisense';
import { createPipelinerSimulator, type PipelinerSimulator } from '../../src/simulators/pipeliner';
import { pipelinerConnector } from '../connectors/pipeliner/harness';
import { dataOf, demoGateway, testGateway, vendorRequests } from '../support/gateway';

/** One graph over every CRM: lists across sources, finding a person everywhere, partial answers. */
describe('one graph over all sources (demo mode)', () => {
  let demo: Demo;
  let gateway: Gateway;
  beforeAll(async () => {
    ({ demo, gateway } = await demoGateway());
    // Log in where a vendor needs a token, so the budgets below count data requests only.
    await gateway.execute(`{ currencies { code } }`);
  }, 30_000);
  afterAll(async () => {
    await gateway.stop();
    await demo.stop();
  });

  it('lists the first 50 contacts across every source with account and owner, one request per source per level', async () => {
    const res = await gateway.execute(`{ contacts(first: 50) { edges { node {
      name source { id } primaryAccount { name } owner { name } } } } }`);
    const edges = dataOf(res).contacts.edges;
    expect(edges).toHaveLength(50);
    const counts = (res.extensions?.['vendorRequests'] as { bySource: Record<string, number> }).bySource;
    const sources = demo.config.sources.map((s) => s.id);
    // Every source is asked once for its page; accounts and owners come embedded (or primed).
    for (const id of sources) expect({ id, requests: counts[id] ?? 0 }).toEqual({ id, requests: 1 });
    expect(edges.filter((e: any) => e.node.primaryAccount?.name).length).toBeGreaterThan(40);
  });

  it('pages across sources with one cursor until every source is exhausted', async () => {
    const seen = new Set<string>();
    const perSource: Record<string, number> = {};
    let after: string | null = null;
    for (let guard = 0; guard < 20; guard += 1) {
      const page: any = dataOf(
        await gateway.execute(`query($a: String) { accounts(first: 100, after: $a) { pageInfo { hasNextPage endCursor } edges { node { id source { id } } } } }`, { a: after }),
      ).accounts;
      for (const e of page.edges) {
        expect(seen.has(e.node.id)).toBe(false);
        seen.add(e.node.id);
        perSource[e.node.source.id] = (perSource[e.node.source.id] ?? 0) + 1;
      }
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(Object.keys(perSource).sort()).toEqual(demo.config.sources.map((s) => s.id).sort());
  });

  it('finds a person by e-mail in every CRM that has them, with source, account and owner', async () => {
    const billing = dataOf(await gateway.execute(`{ contacts(sources: ["logisense"], first: 5) { edges { node { emails } } } }`));
    const email: string = billing.contacts.edges.find((e: any) => e.node.emails.length > 0).node.emails[0];
    const account = dataOf(await gateway.execute(`{ accounts(sources: ["pipeliner"], first: 1) { edges { node { id name } } } }`)).accounts.edges[0].node;
    dataOf(
      await gateway.execute(`mutation($e: String!, $a: ID!) { createContact(input: { source: "pipeliner", firstName: "Same", lastName: "Person", emails: [$e], accountId: $a }) { contact { id } } }`, {
        e: email,
        a: account.id,
      }),
    );
    const found = dataOf(
      await gateway.execute(`query($e: String!) { contacts(filter: { email: $e }) { edges { node { source { id vendor } emails primaryAccount { name } owner { name } } } } }`, {
        e: email.toUpperCase(),
      }),
    ).contacts.edges.map((e: any) => e.node);
    expect(found.map((c: any) => c.source.id).sort()).toEqual(['logisense', 'pipeliner']);
    for (const c of found) expect(c.emails.map((x: string) => x.toLowerCase())).toContain(email.toLowerCase());
    expect(found.find((c: any) => c.source.id === 'pipeliner')).toMatchObject({ primaryAccount: { name: account.name }, owner: { name: expect.any(String) } });
    expect(found.find((c: any) => c.source.id === 'logisense').primaryAccount.name).toEqual(expect.any(String));
  });

  it('resolves nodes of several sources in one request, batching per source', async () => {
    const ids = dataOf(await gateway.execute(`{ a: contacts(sources: ["pipeliner"], first: 3) { edges { node { id } } } b: contacts(sources: ["logisense"], first: 3) { edges { node { id } } } }`));
    const all = [...ids.a.edges, ...ids.b.edges].map((e: any) => e.node.id);
    const res = await gateway.execute(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Contact { source { id } } } }`, { ids: all });
    expect(dataOf(res).nodes.map((n: any) => n.id)).toEqual(all);
    expect(vendorRequests(res, 'logisense')).toBeLessThanOrEqual(1);
  });
});

describe('one graph: failing sources leave their slice out', () => {
  let healthy: PipelinerSimulator;
  let broken: PipelinerSimulator;
  let slow: LogiSenseSimulator;
  let gateway: Gateway;
  const TIMEOUT = 800;

  beforeAll(async () => {
    healthy = createPipelinerSimulator({ seed: 1, size: { accounts: 10, contacts: 10, opportunities: 0 } });
    broken = createPipelinerSimulator({ seed: 2, size: { accounts: 10, contacts: 10, opportunities: 0 } });
    slow = createLogiSenseSimulator({ accounts: 5 });
    const [h, b, s] = await Promise.all([healthy.listen(), broken.listen(), slow.listen()]);
    const logisense = logiSenseConnector(
      logisenseSourceSchema.parse({
        id: 'slow', vendor: 'logisense', baseUrl: s, timeoutMs: TIMEOUT, maxRetries: 1, retryBaseMs: 5,
        credentials: { clientId: slow.credentials.clientId, username: slow.credentials.username, password: slow.credentials.password },
      }),
    );
    gateway = await testGateway([
      pipelinerConnector('healthy', h, healthy, { timeoutMs: TIMEOUT }),
      pipelinerConnector('broken', b, broken, { timeoutMs: TIMEOUT, maxRetries: 1 }),
      logisense,
    ]);
  });
  afterAll(async () => {
    await gateway.stop();
    await Promise.all([healthy.close(), broken.close(), slow.close()]);
  });

  it('answers within the timeout with the healthy data and one error per failing source', async () => {
    broken.server.setOutage({ status: 503 });
    slow.server.latencyMs = TIMEOUT + 2000;
    const started = Date.now();
    const res = await gateway.execute(`{ contacts(first: 20) { totalCount edges { node { source { id } name } } } }`);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(TIMEOUT + 400);
    const edges = (res.data as any).contacts.edges;
    expect(edges).toHaveLength(10);
    expect(edges.every((e: any) => e.node.source.id === 'healthy')).toBe(true);
    expect((res.data as any).contacts.totalCount).toBeNull();
    const errors = (res.errors ?? []).map((e) => [e.path?.join('.'), e.extensions?.['source'], e.extensions?.['code'], e.extensions?.['retryable']]);
    expect(errors.sort()).toEqual([
      ['contacts', 'broken', 'SOURCE_UNAVAILABLE', true],
      ['contacts', 'slow', 'SOURCE_TIMEOUT', true],
    ]);
    broken.server.setOutage(null);
    slow.server.latencyMs = 0;
  });
});
