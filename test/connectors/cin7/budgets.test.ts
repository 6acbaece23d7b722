import { encodeId } from '../../../src/core/globalId';
import { dataOf, vendorRequests } from '../../support/gateway';
import { startCin7, type Cin7Setup } from './harness';

/**
 * Vendor-call budgets, from the gateway's own per-operation counter and the simulator's log.
 * Counts, not timings: deterministic. Cin7's budget is small (3/s, 60/min, 5,000/day per key,
 * vendor notes §5), so every request saved is time saved.
 */
describe('Cin7 Omni: vendor requests per operation', () => {
  let s: Cin7Setup;
  beforeAll(async () => {
    s = await startCin7({ sim: { size: { customers: 120, suppliers: 10, users: 5, quotes: 60 } } });
  });
  afterAll(async () => s.close());
  beforeEach(() => s.sim.server.clearLog());

  it('100 contacts with their account name: at most 1 (measured: 1)', async () => {
    const res = await s.gateway.execute(`{ contacts(sources: ["cin7"], first: 100) { edges { node { name primaryAccount { name } } } } }`);
    const edges = dataOf(res).contacts.edges;
    expect(edges).toHaveLength(100);
    expect(edges.every((e: any) => e.node.primaryAccount?.name)).toBe(true);
    expect(vendorRequests(res)).toBe(1);
    expect(s.sim.server.log).toHaveLength(1);
  });

  it('20 accounts each with their contacts: at most 1 (measured: 1)', async () => {
    const res = await s.gateway.execute(`{ accounts(sources: ["cin7"], first: 20) { edges { node { name contacts(first: 10) { edges { node { name jobTitle } } } } } } }`);
    const edges = dataOf(res).accounts.edges;
    expect(edges).toHaveLength(20);
    expect(edges.reduce((n: number, e: any) => n + e.node.contacts.edges.length, 0)).toBeGreaterThan(20);
    expect(vendorRequests(res)).toBe(1);
    expect(s.sim.server.log).toHaveLength(1);
  });

  it('20 accounts with contacts and owners: 2 (records + the users list)', async () => {
    const res = await s.gateway.execute(`{ accounts(sources: ["cin7"], first: 20) { edges { node { owner { name } contacts { edges { node { owner { name } } } } } } } }`);
    expect(dataOf(res).accounts.edges).toHaveLength(20);
    expect(vendorRequests(res)).toBe(2);
  });

  it('50 contacts by id, own people and secondary contacts mixed: 1 (`where=id IN (…)`)', async () => {
    const ids = s.sim.store
      .contacts()
      .flatMap((c) => [String(c.id), ...(c.secondaryContacts ?? []).map((sc) => `${c.id}.s${sc.id}`)])
      .slice(0, 50)
      .map((id) => encodeId('Contact', 'cin7', id));
    const res = await s.gateway.execute(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Contact { name primaryAccount { name } } } }`, { ids });
    expect(dataOf(res).nodes.filter(Boolean)).toHaveLength(50);
    expect(vendorRequests(res)).toBe(1);
    expect(new URLSearchParams(s.sim.server.log[0]!.query).get('rows')).toBe('250');
  });

  it('20 opportunities with account and primary contact: 2 (quotes + one batch read of their customers)', async () => {
    const res = await s.gateway.execute(`{ opportunities(sources: ["cin7"], first: 20) { edges { node { name stage { name } value { amount } account { name } primaryContact { name } } } } }`);
    const edges = dataOf(res).opportunities.edges;
    expect(edges).toHaveLength(20);
    expect(edges.every((e: any) => e.node.account?.name)).toBe(true);
    expect(vendorRequests(res)).toBe(2);
  });

  it('a contact search by e-mail over 130 records: 1 scan request (250 records each)', async () => {
    const c = s.sim.store.contacts().find((r) => r.secondaryContacts?.length)!;
    const res = await s.gateway.execute(`query($e: String) { contacts(filter: { email: $e }) { edges { node { remoteId } } } }`, { e: c.secondaryContacts![0]!.email });
    expect(dataOf(res).contacts.edges).toHaveLength(1);
    expect(vendorRequests(res)).toBe(1);
  });

  it('repeating a request in one operation costs nothing more', async () => {
    const one = await s.gateway.execute(`{ accounts(first: 10) { edges { node { name } } } }`);
    const two = await s.gateway.execute(`{ a: accounts(first: 10) { edges { node { name } } } b: accounts(first: 10) { edges { node { name } } } }`);
    expect(dataOf(two).a).toEqual(dataOf(two).b);
    expect(vendorRequests(two)).toBe(vendorRequests(one));
  });

  it('a later request sees a write (no record survives its operation)', async () => {
    const account = s.sim.store.contacts()[0]!;
    const q = `query($a: ID) { contacts(filter: { accountId: $a }) { totalCount } }`;
    const vars = { a: encodeId('Account', 'cin7', String(account.id)) };
    const before = dataOf(await s.gateway.execute(q, vars)).contacts.totalCount;
    dataOf(await s.gateway.execute(`mutation($a: ID) { createContact(input: { source: "cin7", firstName: "Fresh", accountId: $a }) { contact { id } } }`, vars));
    expect(dataOf(await s.gateway.execute(q, vars)).contacts.totalCount).toBe(before + 1);
  });
});
