import { dataOf, vendorRequests } from '../../support/gateway';
import { startPipeliner, type PipelinerSetup } from './harness';

/**
 * Vendor-call budgets, from the gateway's own per-operation request counter. Deterministic:
 * these are counts, not timings. Each is also checked against the simulator's request log.
 */
describe('Pipeliner: vendor requests per operation', () => {
  let s: PipelinerSetup;
  beforeAll(async () => {
    s = await startPipeliner({ sim: { size: { accounts: 60, contacts: 150, opportunities: 80 } } });
  });
  afterAll(async () => s.close());
  beforeEach(() => s.sim.server.clearLog());

  it('50 contacts with their primary account name: at most 2 (measured: 1)', async () => {
    const res = await s.gateway.execute(`{ contacts(first: 50) { edges { node { name primaryAccount { name } } } } }`);
    const edges = dataOf(res).contacts.edges;
    expect(edges).toHaveLength(50);
    expect(edges.filter((e: any) => e.node.primaryAccount?.name).length).toBeGreaterThan(40);
    expect(vendorRequests(res)).toBeLessThanOrEqual(2);
    expect(vendorRequests(res)).toBe(1);
    expect(s.sim.server.log).toHaveLength(1);
  });

  it('20 opportunities with account, primary contact, stage and currency: at most 5 (measured: 4)', async () => {
    const res = await s.gateway.execute(`{ opportunities(first: 20) { edges { node {
      name account { name } primaryContact { name } stage { name } value { currencyCode currency { code symbol } } } } } }`);
    const edges = dataOf(res).opportunities.edges;
    expect(edges).toHaveLength(20);
    expect(edges.every((e: any) => e.node.stage?.name && e.node.value?.currency?.code)).toBe(true);
    expect(edges.filter((e: any) => e.node.account?.name && e.node.primaryContact?.name).length).toBeGreaterThan(15);
    // Opportunities (1) + pipelines with steps (1) + currencies (1) + exchange-rate list (1).
    expect(vendorRequests(res)).toBeLessThanOrEqual(5);
    expect(vendorRequests(res)).toBe(4);
    expect(s.sim.server.log).toHaveLength(4);
  });

  it('a second identical request within one operation costs nothing', async () => {
    const one = await s.gateway.execute(`{ contacts(first: 10) { edges { node { name owner { name } } } } }`);
    const two = await s.gateway.execute(`{
      a: contacts(first: 10) { edges { node { name owner { name } } } }
      b: contacts(first: 10) { edges { node { name owner { name } } } } }`);
    expect(dataOf(two).a).toEqual(dataOf(two).b);
    expect(vendorRequests(two)).toBe(vendorRequests(one));
  });

  it('reads one record per node id, all relations in the same request', async () => {
    const list = dataOf(await s.gateway.execute(`{ opportunities(first: 5) { edges { node { id } } } }`));
    const ids = list.opportunities.edges.map((e: any) => e.node.id);
    s.sim.server.clearLog();
    const res = await s.gateway.execute(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Opportunity { name contacts { name } account { name } owner { name } stage { name } } } }`,
      { ids },
    );
    expect(dataOf(res).nodes).toHaveLength(5);
    // One GET per opportunity (Pipeliner has no batch read; relations come expanded in it)
    // + pipelines + currencies + exchange rates.
    expect(vendorRequests(res)).toBe(5 + 3);
  });

  it('a later request sees a write (no stale cache across requests)', async () => {
    const before = dataOf(await s.gateway.execute(`{ accounts(first: 1, filter: { name: "Fresh Widgets" }) { totalCount } }`));
    expect(before.accounts.totalCount).toBe(0);
    dataOf(await s.gateway.execute(`mutation { createAccount(input: { source: "pipeliner", name: "Fresh Widgets" }) { account { id } } }`));
    const after = dataOf(await s.gateway.execute(`{ accounts(first: 1, filter: { name: "Fresh Widgets" }) { totalCount edges { node { name } } } }`));
    expect(after.accounts).toEqual({ totalCount: 1, edges: [{ node: { name: 'Fresh Widgets' } }] });
  });
});
