import { idOf, useSimulator } from './harness';

const h = useSimulator();

type Rec = Record<string, unknown> & { id: string };

async function list(
  path: string,
  query: Record<string, string | number | boolean>,
): Promise<{ total: number; data: Rec[] }> {
  const res = await h.call('GET', path, { query: { first: 100, ...query } });
  expect(res.status).toBe(200);
  return res.body as { total: number; data: Rec[] };
}

describe('Pipeliner simulator: filter and filter-op', () => {
  it('filters with eq by default', async () => {
    const account = h.sim.records('Accounts')[3]!;
    const res = await list('/entities/Accounts', { 'filter[email1]': account['email1'] as string });
    expect(res.data.map((a) => a.id)).toEqual([account.id]);
  });

  it.each([
    ['ieq', (v: string) => v.toUpperCase(), (n: string, v: string) => n.toLowerCase() === v.toLowerCase()],
    ['contains', (v: string) => v.slice(1, 4), (n: string, v: string) => n.includes(v)],
    [
      'icontains',
      (v: string) => v.slice(1, 4).toUpperCase(),
      (n: string, v: string) => n.toLowerCase().includes(v.toLowerCase()),
    ],
    ['starts', (v: string) => v.slice(0, 2), (n: string, v: string) => n.startsWith(v)],
    [
      'istarts',
      (v: string) => v.slice(0, 2).toLowerCase(),
      (n: string, v: string) => n.toLowerCase().startsWith(v.toLowerCase()),
    ],
    ['ends', (v: string) => v.slice(-3), (n: string, v: string) => n.endsWith(v)],
    ['not-eq', (v: string) => v, (n: string, v: string) => n !== v],
  ])('applies filter-op %s to text fields', async (op, pick, expected) => {
    const accounts = h.sim.records('Accounts');
    const value = pick(accounts[0]!['name'] as string);
    const res = await list('/entities/Accounts', { 'filter[name]': value, 'filter-op[name]': op });
    const want = accounts
      .filter((a) => expected(a['name'] as string, value))
      .map((a) => a.id)
      .sort();
    expect(res.total).toBe(want.length);
    expect(res.data.map((a) => a.id).sort()).toEqual(want.slice(0, 100));
  });

  it('compares numbers with gt, gte, lt and lte', async () => {
    const accounts = h.sim.records('Accounts');
    for (const [op, fn] of [
      ['gt', (n: number) => n > 3],
      ['gte', (n: number) => n >= 3],
      ['lt', (n: number) => n < 3],
      ['lte', (n: number) => n <= 3],
    ] as const) {
      const res = await list('/entities/Accounts', { 'filter[account_class]': 3, 'filter-op[account_class]': op });
      expect(res.total).toBe(accounts.filter((a) => fn(a['account_class'] as number)).length);
    }
  });

  it('compares date-times given in the wire format, e.g. modified gte for incremental sync', async () => {
    const since = '2025-10-01 00:00:00';
    const res = await list('/entities/Contacts', {
      'filter[modified]': since,
      'filter-op[modified]': 'gte',
      'order-by': 'modified',
    });
    const want = h.sim.records('Contacts').filter((c) => (c['modified'] as string) >= '2025-10-01 00:00:00');
    expect(res.total).toBe(want.length);
    expect(res.data.every((c) => (c['modified'] as string) >= since)).toBe(true);
  });

  it('filters relation id fields such as account_id on ContactAccountRelations', async () => {
    const rel = h.sim.records('ContactAccountRelations')[0]!;
    const res = await list('/entities/ContactAccountRelations', { 'filter[account_id]': rel['account_id'] as string });
    expect(res.total).toBeGreaterThan(0);
    expect(res.data.every((r) => r['account_id'] === rel['account_id'])).toBe(true);
  });

  it('filters opportunities by step_id and owner_id together', async () => {
    const opp = h.sim.records('Opportunities')[0]!;
    const res = await list('/entities/Opportunities', {
      'filter[step_id]': opp['step_id'] as string,
      'filter[owner_id]': opp['owner_id'] as string,
    });
    expect(res.data.map((o) => o.id)).toContain(opp.id);
    expect(res.data.every((o) => o['step_id'] === opp['step_id'] && o['owner_id'] === opp['owner_id'])).toBe(true);
  });

  it('finds the base currency with filter[is_base]=true', async () => {
    const res = await list('/entities/Currencies', { 'filter[is_base]': true });
    expect(res.data.map((c) => c['code'])).toEqual(['USD']);
  });

  it('lists pipeline steps with filter-op not-null and no filter value, as the vendor connector does', async () => {
    const res = await list('/entities/Steps', {
      'filter[is_deleted]': false,
      'filter-op[pipeline_id]': 'not-null',
      'filter-op[lead_process_id]': 'null',
    });
    expect(res.total).toBe(h.sim.count('Steps'));
  });

  it('treats empty text as matching the null and empty operators', async () => {
    const res = await list('/entities/Accounts', { 'filter-op[email2]': 'empty' });
    const withEmail2 = await list('/entities/Accounts', { 'filter-op[email2]': 'not-empty' });
    expect(res.total + withEmail2.total).toBe(h.sim.count('Accounts'));
    expect(res.data.every((a) => a['email2'] === '')).toBe(true);
  });

  it('filters pipelines by name with contains, as the create-opportunity tutorial does', async () => {
    const res = await list('/entities/Pipelines', {
      expand: 'steps',
      'filter-op[name]': 'contains',
      'filter[name]': 'Sales',
    });
    expect(res.data.map((p) => p['name'])).toEqual(['Sales Pipeline']);
  });

  it('supports between with two comma-separated values', async () => {
    const res = await list('/entities/Accounts', {
      'filter[account_class]': '2,3',
      'filter-op[account_class]': 'between',
    });
    const want = h.sim.records('Accounts').filter((a) => [2, 3].includes(a['account_class'] as number));
    expect(res.total).toBe(want.length);
  });

  it('rejects an unknown filter field or operator with 400 code 117', async () => {
    const a = await h.call('GET', '/entities/Accounts', { query: { 'filter[nope]': 'x' } });
    expect(a.status).toBe(400);
    expect(a.body.message).toContain("'nope'");
    const b = await h.call('GET', '/entities/Accounts', { query: { 'filter[name]': 'x', 'filter-op[name]': 'like' } });
    expect(b.status).toBe(400);
    expect(b.body.code).toBe(117);
  });

  it('hides soft-deleted records unless include-deleted is set', async () => {
    const clients = await list('/entities/Clients', {});
    const all = await list('/entities/Clients', { 'include-deleted': true });
    expect(all.total).toBe(clients.total + 1);
    expect(all.data.filter((c) => c['is_deleted'] === true)).toHaveLength(1);
  });
});

describe('Pipeliner simulator: load-only and expand', () => {
  it('returns only the fields named in load-only, as in the docs recipe for the owner', async () => {
    const admin = h.sim.records('Clients')[0]!;
    const res = await list('/entities/Clients', {
      'load-only': 'id,default_unit_id',
      'filter[email]': admin['email'] as string,
    });
    expect(res.data).toEqual([{ id: admin.id, default_unit_id: admin['default_unit_id'] }]);
  });

  it('returns relations as URLs without expand and as objects with it', async () => {
    const plain = await list('/entities/Opportunities', { first: 1 });
    expect(plain.data[0]!['owner']).toMatch(/^http:\/\/.+\/entities\/Clients\/[0-9a-f-]{36}$/);
    const expanded = await list('/entities/Opportunities', {
      first: 1,
      expand: 'primary_account,primary_contact,step,owner,account_relations.account',
    });
    const o = expanded.data[0]!;
    expect((o['owner'] as Rec).id).toBe(o['owner_id']);
    expect((o['step'] as Rec).id).toBe(o['step_id']);
    expect((o['primary_account'] as Rec).id).toBe(idOf(plain.data[0]!['primary_account']));
    const rel = (o['account_relations'] as Rec[])[0]!;
    expect((rel['account'] as Rec).id).toBe(rel['account_id']);
  });

  it('expands nested relations with dotted names', async () => {
    const res = await list('/entities/Opportunities', { first: 1, expand: 'step.pipeline' });
    const step = res.data[0]!['step'] as Rec;
    expect((step['pipeline'] as Rec)['name']).toEqual(expect.any(String));
  });

  it('combines dotted load-only with expand, trimming nested objects', async () => {
    const res = await list('/entities/Contacts', {
      first: 5,
      expand: 'account_relations.account',
      'load-only': 'id,account_relations.is_primary,account_relations.account.name',
    });
    for (const c of res.data) {
      expect(Object.keys(c).sort()).toEqual(['account_relations', 'id']);
      for (const r of c['account_relations'] as Rec[]) {
        expect(Object.keys(r).sort()).toEqual(['account', 'is_primary']);
        expect(Object.keys(r['account'] as Rec)).toEqual(['name']);
      }
    }
  });

  it('treats a dotted load-only path through a relation as expanding it', async () => {
    const res = await list('/entities/Accounts', { first: 1, 'load-only': 'id,owner.email' });
    expect(res.data[0]).toEqual({ id: expect.any(String), owner: { email: expect.stringContaining('@') } });
  });

  it('embeds steps in pipelines by default (spec: batchStepInput objects) and gives full steps with expand', async () => {
    const plain = await list('/entities/Pipelines', {});
    const steps = plain.data[0]!['steps'] as Rec[];
    expect(steps.length).toBeGreaterThanOrEqual(4);
    expect(steps[0]).not.toHaveProperty('sort_order');
    expect(steps[0]).toHaveProperty('percent');
    const expanded = await list('/entities/Pipelines', { expand: 'steps' });
    const full = (expanded.data[0]!['steps'] as Rec[]).map((s) => s['sort_order']);
    expect(full).toEqual(full.map((_, i) => i + 1));
  });

  it('rejects expand of a field that is not a relation with 400', async () => {
    const res = await h.call('GET', '/entities/Accounts', { query: { expand: 'name' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(117);
  });

  it('honours expand on a single-record read, which the API-parameters page gives to Get', async () => {
    const contact = h.sim.records('Contacts')[0]!;
    const res = await h.call('GET', `/entities/Contacts/${contact.id}`, { query: { expand: 'owner' } });
    expect(res.status).toBe(200);
    expect(res.body.data.owner).toMatchObject({ id: contact['owner_id'] });
  });

  it('renders dates in the zone named by the Timezone header', async () => {
    const contact = h.sim.records('Contacts')[0]!;
    const utc = await h.call('GET', `/entities/Contacts/${contact.id}`);
    const local = await h.call('GET', `/entities/Contacts/${contact.id}`, { headers: { timezone: 'Asia/Kolkata' } });
    expect(utc.body.data.created).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/);
    expect(local.body.data.created).toMatch(/\+05:30$/);
    expect(Date.parse(local.body.data.created.replace(' ', 'T'))).toBe(
      Date.parse(utc.body.data.created.replace(' ', 'T')),
    );
  });
});
