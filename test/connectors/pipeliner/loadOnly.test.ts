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

  it('the primary account is loaded with just the fields read of it, and answers as a full read does', async () => {
    const res = await s.gateway.execute('{ contacts(first: 10) { edges { node { name primaryAccount { id name website } } } } }');
    const edges = dataOf(res).contacts.edges.filter((e: any) => e.node.primaryAccount);
    expect(edges.length).toBeGreaterThan(0);
    expect(loadOnlyOf()).toEqual(['formatted_name', 'id', 'primary_account.home_page', 'primary_account.id', 'primary_account.name']);
    expect(s.sim.server.log).toHaveLength(1);
    for (const { node } of edges.slice(0, 3)) {
      const direct = dataOf(await s.gateway.execute(`{ node(id: "${node.primaryAccount.id}") { ... on Account { id name website } } }`)).node;
      expect(node.primaryAccount).toEqual(direct);
    }
  });

  it('an account loaded for some fields never answers others: a read of another field of it in the same operation asks for it', async () => {
    const listed = dataOf(await s.gateway.execute('{ contacts(first: 10) { edges { node { primaryAccount { id website } } } } }')).contacts.edges;
    const account = listed.find((e: any) => e.node.primaryAccount?.website)?.node.primaryAccount ?? listed.find((e: any) => e.node.primaryAccount).node.primaryAccount;
    s.sim.server.clearLog();
    const res = await s.gateway.execute(
      `{ contacts(first: 10) { edges { node { primaryAccount { name } } } } node(id: "${account.id}") { ... on Account { website } } }`,
    );
    expect(dataOf(res).node).toEqual({ website: account.website });
    expect(s.sim.server.log.map((r) => r.path.split('/').slice(-2).join('/'))).toEqual(expect.arrayContaining(['entities/Contacts']));
    expect(s.sim.server.log).toHaveLength(2);
  });

  it('two aliases reading different fields of the primary account both answer in full', async () => {
    const edges = dataOf(
      await s.gateway.execute('{ contacts(first: 10) { edges { node { a: primaryAccount { id name } b: primaryAccount { website owner { name } } } } } }'),
    ).contacts.edges.filter((e: any) => e.node.a);
    const { node } = edges[0];
    const direct = dataOf(await s.gateway.execute(`{ node(id: "${node.a.id}") { ... on Account { name website owner { name } } } }`)).node;
    expect({ name: node.a.name, website: node.b.website, owner: node.b.owner }).toEqual(direct);
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
