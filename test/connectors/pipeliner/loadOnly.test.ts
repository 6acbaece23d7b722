import { dataOf } from '../../support/gateway';
import { startPipeliner, type PipelinerSetup } from './harness';

/**
 * Lists ask Pipeliner only for the fields the client selected (`load-only`), so a page costs a
 * fraction of the full records to transfer and check — and nothing the client sees changes.
 */
describe('Pipeliner: lists load only the selected fields', () => {
  let s: PipelinerSetup;
  beforeAll(async () => {
    s = await startPipeliner({ sim: { size: { accounts: 20, contacts: 40, opportunities: 10 } } });
  });
  afterAll(async () => s.close());
  beforeEach(() => s.sim.server.clearLog());

  const loadOnlyOf = (i = 0): string[] | null => {
    const value = new URLSearchParams(s.sim.server.log[i]!.query).get('load-only');
    return value === null ? null : value.split(',').sort();
  };

  it('names and e-mails of contacts: only those fields (and the id) are asked for, and answered as in full', async () => {
    const full = dataOf(await s.gateway.execute('{ contacts(first: 10) { edges { node { id name emails remoteData } } } }')).contacts.edges;
    expect(loadOnlyOf()).toBeNull();
    s.sim.server.clearLog();
    const lean = dataOf(await s.gateway.execute('{ contacts(first: 10) { edges { node { id name emails } } } }')).contacts.edges;
    expect(loadOnlyOf()).toEqual(['email1', 'email2', 'email3', 'email4', 'email5', 'formatted_name', 'id']);
    expect(lean).toEqual(full.map((e: any) => ({ node: { id: e.node.id, name: e.node.name, emails: e.node.emails } })));
    expect(lean.some((e: any) => e.node.emails.length > 0)).toBe(true);
  });

  it('accounts keep the fields Pipeliner requires on every account (its name) whatever is selected', async () => {
    dataOf(await s.gateway.execute('{ accounts(first: 5) { edges { node { id website } } } }'));
    expect(loadOnlyOf()).toEqual(['home_page', 'id', 'name']);
  });

  it('an expanded relation comes whole: the primary account is complete for a later read in the same operation', async () => {
    const res = await s.gateway.execute('{ contacts(first: 10) { edges { node { name primaryAccount { id name website } } } } }');
    const edges = dataOf(res).contacts.edges.filter((e: any) => e.node.primaryAccount);
    expect(edges.length).toBeGreaterThan(0);
    expect(loadOnlyOf()).toEqual(['formatted_name', 'id', 'primary_account']);
    expect(s.sim.server.log).toHaveLength(1);
    const account = edges[0].node.primaryAccount;
    s.sim.server.clearLog();
    const direct = dataOf(await s.gateway.execute(`{ node(id: "${account.id}") { ... on Account { name website } } }`)).node;
    expect({ name: account.name, website: account.website }).toEqual(direct);
  });

  it('a list row is never taken for the whole record: reading another field of it in the same operation asks for it', async () => {
    const first = dataOf(await s.gateway.execute('{ contacts(first: 1) { edges { node { id title lastName } } } }')).contacts.edges[0].node;
    s.sim.server.clearLog();
    const both = dataOf(
      await s.gateway.execute(`{ contacts(first: 1) { edges { node { id name } } } node(id: "${first.id}") { ... on Contact { title lastName } } }`),
    );
    expect(both.contacts.edges[0].node.id).toBe(first.id);
    expect(both.node).toEqual({ title: first.title, lastName: first.lastName });
  });
});
