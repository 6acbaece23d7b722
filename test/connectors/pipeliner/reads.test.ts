import { dataOf } from '../../support/gateway';
import { startPipeliner, type PipelinerSetup } from './harness';

/** Every unified entity readable, listable and filterable, checked against the simulator's store. */
describe('Pipeliner: reads, lists and filters', () => {
  let s: PipelinerSetup;
  beforeAll(async () => {
    s = await startPipeliner();
  });
  afterAll(async () => s.close());

  const q = async (query: string, variables?: Record<string, unknown>) => dataOf(await s.gateway.execute(query, variables));

  it('pages through every contact exactly once with the cursor', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = -1;
    do {
      const page: any = (await q(`query($after: String) { contacts(first: 45, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`, { after })).contacts;
      total = page.totalCount;
      seen.push(...page.edges.map((e: any) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(s.sim.count('Contacts'));
    expect(total).toBe(s.sim.count('Contacts'));
  });

  it('finds a contact by e-mail, case-insensitively, with its account and owner', async () => {
    const stored = s.sim.records('Contacts').find((c) => typeof c['email1'] === 'string' && c['email1'] !== '')!;
    const res = await q(`query($e: String!) { contacts(filter: { email: $e }) { edges { node { remoteId emails primaryAccount { name } owner { name } } } } }`, {
      e: String(stored['email1']).toUpperCase(),
    });
    expect(res.contacts.edges.map((e: any) => e.node.remoteId)).toEqual([stored.id]);
    expect(res.contacts.edges[0].node.emails[0]).toBe(stored['email1']);
  });

  it('filters contacts by part of the name and by update time', async () => {
    const stored = s.sim.records('Contacts')[0]!;
    const part = String(stored['last_name']).slice(1, 4).toLowerCase();
    const byName = await q(`query($n: String!) { contacts(first: 100, filter: { name: $n }) { edges { node { name } } } }`, { n: part });
    expect(byName.contacts.edges.length).toBeGreaterThan(0);
    expect(byName.contacts.edges.every((e: any) => e.node.name.toLowerCase().includes(part))).toBe(true);

    const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const recent = await q(`query($t: DateTime!) { contacts(first: 100, filter: { updatedSince: $t }) { totalCount edges { node { updatedAt } } } }`, { t: since });
    expect(recent.contacts.totalCount).toBeLessThan(s.sim.count('Contacts'));
    expect(recent.contacts.edges.every((e: any) => e.node.updatedAt >= since)).toBe(true);
  });

  it("lists an account's contacts, secondary links included", async () => {
    const relations = s.sim.records('ContactAccountRelations');
    const accountId = String(relations.find((r) => r['is_primary'] === false)?.['account_id'] ?? relations[0]!['account_id']);
    const expected = relations.filter((r) => r['account_id'] === accountId).map((r) => r['contact_id']).sort();
    const acc = await q(`{ accounts(first: 100) { edges { node { id remoteId } } } }`);
    const gid = acc.accounts.edges.find((e: any) => e.node.remoteId === accountId).node.id;
    const res = await q(`query($a: ID!) { contacts(first: 100, filter: { accountId: $a }) { edges { node { remoteId accounts { isPrimary account { remoteId } } } } } }`, { a: gid });
    expect(res.contacts.edges.map((e: any) => e.node.remoteId).sort()).toEqual(expected);
    for (const e of res.contacts.edges) expect(e.node.accounts.map((l: any) => l.account.remoteId)).toContain(accountId);
  });

  it('filters accounts by name and e-mail', async () => {
    const stored = s.sim.records('Accounts').find((a) => a['email1'])!;
    const byEmail = await q(`query($e: String!) { accounts(filter: { email: $e }) { edges { node { remoteId name website address { city country } } } } }`, { e: stored['email1'] });
    expect(byEmail.accounts.edges.map((e: any) => e.node.remoteId)).toEqual([stored.id]);
    const byName = await q(`query($n: String!) { accounts(filter: { name: $n }) { edges { node { remoteId } } } }`, { n: String(stored['name']).toUpperCase() });
    expect(byName.accounts.edges.map((e: any) => e.node.remoteId)).toContain(stored.id);
  });

  it('filters opportunities by status, stage and account', async () => {
    const won = await q(`{ opportunities(first: 100, filter: { status: WON }) { totalCount edges { node { status } } } }`);
    expect(won.opportunities.totalCount).toBe(s.sim.records('Opportunities').filter((o) => o['status'] === 3).length);
    expect(won.opportunities.edges.every((e: any) => e.node.status === 'WON')).toBe(true);

    const pipelines = await q(`{ pipelines { stages { id remoteId: id name } } }`);
    const stage = pipelines.pipelines[0].stages[0];
    const inStage = await q(`query($st: ID!) { opportunities(first: 100, filter: { stageId: $st }) { edges { node { stage { id name } } } } }`, { st: stage.id });
    expect(inStage.opportunities.edges.every((e: any) => e.node.stage.id === stage.id)).toBe(true);

    const rel = s.sim.records('LeadOpptyAccountRelations')[0]!;
    const acc = await q(`{ accounts(first: 100) { edges { node { id remoteId } } } }`);
    const gid = acc.accounts.edges.find((e: any) => e.node.remoteId === rel['account_id'])?.node.id;
    const forAccount = await q(`query($a: ID!) { opportunities(first: 100, filter: { accountId: $a }) { edges { node { remoteId } } } }`, { a: gid });
    expect(forAccount.opportunities.edges.map((e: any) => e.node.remoteId)).toContain(rel['lead_oppty_id']);
  });

  it('answers filters Pipeliner cannot apply with UNSUPPORTED_BY_SOURCE, not unfiltered data', async () => {
    const p = await q(`{ pipelines { id } }`);
    const res = await s.gateway.execute(`query($p: ID!) { opportunities(filter: { pipelineId: $p }) { edges { node { id } } } }`, { p: p.pipelines[0].id });
    expect(res.data?.['opportunities']).toEqual({ edges: [] });
    expect(res.errors?.[0]).toMatchObject({ path: ['opportunities'], extensions: { code: 'UNSUPPORTED_BY_SOURCE', source: 'pipeliner' } });
    expect(res.errors?.[0]?.message).toContain('pipelineId');
  });

  it('resolves node and nodes by global id; unknown ids are null, malformed ones BAD_USER_INPUT', async () => {
    const list = await q(`{ contacts(first: 2) { edges { node { id name } } } currencies { id code } users { id name } }`);
    const [a, b] = list.contacts.edges.map((e: any) => e.node);
    const res = await s.gateway.execute(
      `query($ids: [ID!]!, $one: ID!) { node(id: $one) { id ... on Currency { code } } nodes(ids: $ids) { id ... on Contact { name } ... on User { name } } }`,
      { one: list.currencies[0].id, ids: [a.id, list.users[0].id, b.id, 'garbage'] },
    );
    expect(res.data?.['node']).toEqual(list.currencies[0]);
    expect(res.data?.['nodes']).toEqual([a, list.users[0], b, null]);
    expect(res.errors).toEqual([expect.objectContaining({ path: ['nodes', 3], extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
    const ghost = Buffer.from('Contact:pipeliner:00000000-0000-4000-8000-00000000dead').toString('base64url');
    expect((await q(`query($id: ID!) { contact(id: $id) { id } }`, { id: ghost })).contact).toBeNull();
    const unknownSource = Buffer.from('Contact:nowhere:1').toString('base64url');
    const nf = await s.gateway.execute(`query($id: ID!) { node(id: $id) { id } }`, { id: unknownSource });
    expect(nf.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('serves pipelines with ordered stages, currencies with the base flag and rates, and users', async () => {
    const res = await q(`{ pipelines { name stages { name position probability } } currencies { code isBase exchangeRate } users { name email } sources { id name vendor } }`);
    for (const p of res.pipelines) expect(p.stages.map((st: any) => st.position)).toEqual(p.stages.map((_: unknown, i: number) => i));
    expect(res.currencies.filter((c: any) => c.isBase)).toHaveLength(1);
    expect(res.currencies.find((c: any) => c.isBase).exchangeRate).toBe(1);
    expect(res.users.length).toBe(s.sim.count('Clients'));
    expect(res.sources).toEqual([{ id: 'pipeliner', name: 'Pipeliner CRM', vendor: 'PIPELINER' }]);
  });
});
