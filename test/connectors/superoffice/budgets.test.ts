import { encodeId } from '../../../src/core/globalId';
import { dataOf, vendorRequests } from '../../support/gateway';
import { startSuperOffice, type SuperOfficeSetup } from './harness';

/**
 * Vendor-call budgets, from the gateway's own per-operation request counter, each also checked
 * against the simulator's request log. Deterministic: these are counts, not timings.
 */
describe('SuperOffice: vendor requests per operation', () => {
  let s: SuperOfficeSetup;
  beforeAll(async () => {
    s = await startSuperOffice({ sim: { size: { companies: 30, persons: 80, sales: 60 } } });
  });
  afterAll(async () => s.close());
  beforeEach(() => s.sim.server.clearLog());

  const paths = () => s.sim.server.log.map((r) => `${r.method} ${r.path.replace(/^\/Cust12345\/api\/v1/, '')}`);

  it('50 persons with their company name: at most 2 (measured: 2)', async () => {
    const res = await s.gateway.execute(`{ contacts(first: 50) { edges { node { name primaryAccount { name } } } } }`);
    const edges = dataOf(res).contacts.edges;
    expect(edges).toHaveLength(50);
    const withCompany = edges.filter((e: any) => Boolean(e.node.primaryAccount?.name));
    expect(withCompany.length).toBeGreaterThan(40);
    for (const e of withCompany)
      expect(s.sim.store.contacts().map((c) => c.name)).toContain(e.node.primaryAccount.name);
    expect(vendorRequests(res)).toBeLessThanOrEqual(2);
    expect(vendorRequests(res)).toBe(2);
    // One Person archive page, then every company in one `contactId in (…)` archive call.
    expect(paths()).toEqual(['GET /Person', 'GET /Contact']);
    expect(s.sim.server.log[1]?.query).toMatch(/%24filter=contactId\+in\+%28\d+(%2C\d+)+%29/);
  });

  it('20 sales with company, person, stage and currency: at most 5 (measured: 5)', async () => {
    const res = await s.gateway.execute(`{ opportunities(first: 20) { edges { node {
      name account { name } primaryContact { name } stage { name probability } value { amount currencyCode currency { code isBase } } } } } }`);
    const edges = dataOf(res).opportunities.edges;
    expect(edges).toHaveLength(20);
    expect(
      edges.every((e: any) => Boolean(e.node.stage?.name && e.node.value?.currency?.code && e.node.account?.name)),
    ).toBe(true);
    expect(edges.filter((e: any) => Boolean(e.node.primaryContact?.name)).length).toBeGreaterThan(8);
    // Sales (1) + companies (1) + persons (1) + sale types with stages (1) + currencies (1).
    expect(vendorRequests(res)).toBeLessThanOrEqual(5);
    expect(vendorRequests(res)).toBe(5);
    expect([...paths()].sort()).toEqual([
      'GET /Contact',
      'GET /List/Currency/Items',
      'GET /List/SaleType/Items',
      'GET /Person',
      'GET /Sale',
    ]);
  });

  it('a node read by id costs one request per kind, its relations batched', async () => {
    const ids = dataOf(
      await s.gateway.execute(`{ opportunities(first: 6) { edges { node { id } } } }`),
    ).opportunities.edges.map((e: any) => String(e.node.id));
    s.sim.server.clearLog();
    const res = await s.gateway.execute(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Opportunity { name account { name } owner { name } pipeline { name } } } }`,
      { ids },
    );
    expect(
      dataOf(res).nodes.every((n: any) => Boolean(n.name && n.account.name && n.owner.name && n.pipeline.name)),
    ).toBe(true);
    // Sales by id (1: `saleId in (…)`) + their companies (1) + users (1) + sale types (1).
    expect(vendorRequests(res)).toBe(4);
    expect(s.sim.server.log.filter((r) => r.path.endsWith('/Sale'))).toHaveLength(1);
  });

  it('the same read twice in one operation costs nothing more', async () => {
    const one = await s.gateway.execute(`{ accounts(first: 10) { edges { node { name owner { name } } } } }`);
    const two = await s.gateway.execute(`{
      a: accounts(first: 10) { edges { node { name owner { name } } } }
      b: accounts(first: 10) { edges { node { name owner { name } } } } }`);
    expect(dataOf(two).a).toEqual(dataOf(two).b);
    expect(vendorRequests(two)).toBe(vendorRequests(one));
    expect(vendorRequests(one)).toBe(2);
  });

  it('sales of a sale type with stakeholders: one more request for all their stakeholders', async () => {
    const persons = s.sim.store.persons().filter((p) => p.contactId > 1);
    const [a, b, c] = persons;
    for (const heading of ['Key deal one', 'Key deal two']) {
      const res = await s.gateway.execute(
        `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { opportunity { id } warnings } }`,
        {
          input: {
            source: 'superoffice',
            name: heading,
            closingDate: '2027-01-31',
            value: { amount: '100' },
            pipelineId: encodeId('Pipeline', 'superoffice', '4'),
            contactIds: [a!, b!, c!].map((p) => encodeId('Contact', 'superoffice', String(p.id))),
          },
        },
      );
      expect(dataOf(res).createOpportunity.warnings).toEqual([]);
    }
    s.sim.server.clearLog();
    const res = await s.gateway.execute(
      `{ opportunities(filter: { pipelineId: "${encodeId('Pipeline', 'superoffice', '4')}" }) { edges { node { name contacts { name } } } } }`,
    );
    const edges = dataOf(res).opportunities.edges;
    expect(edges.map((e: any) => e.node.contacts.length)).toEqual([3, 3]);
    // Sales (1) + sale types (1, which tell the stakeholder types) + their stakeholders (1) + persons (1).
    expect(vendorRequests(res)).toBe(4);
    expect([...paths()].sort()).toEqual([
      'GET /List/SaleType/Items',
      'GET /Person',
      'GET /Sale',
      'GET /SaleStakeholder',
    ]);
  });

  it('a later request sees a write (nothing cached across requests)', async () => {
    const q = `{ accounts(filter: { name: "Fresh Fjord" }) { edges { node { name } } } }`;
    expect(dataOf(await s.gateway.execute(q)).accounts.edges).toEqual([]);
    dataOf(
      await s.gateway.execute(
        `mutation { createAccount(input: { source: "superoffice", name: "Fresh Fjord AS" }) { account { id } } }`,
      ),
    );
    expect(dataOf(await s.gateway.execute(q)).accounts.edges).toEqual([{ node: { name: 'Fresh Fjord AS' } }]);
  });
});
