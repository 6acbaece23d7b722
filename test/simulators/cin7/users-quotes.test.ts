import { fixture, modelProblems, wire } from './support/contract';
import { ids, query, startSim, type Harness } from './support/harness';

describe('Cin7 simulator: /v1/Users', () => {
  let h: Harness;
  const clock = { t: Date.UTC(2025, 3, 1, 12, 0, 0) };
  beforeAll(async () => {
    h = await startSim({ now: () => clock.t });
  });
  afterAll(() => h.close());

  it('lists the sales persons as a bare array in the shape of the User fixture', async () => {
    const res = await h.get('/v1/Users');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(h.sim.store.users().length);
    expect((res.body as unknown[]).flatMap((u) => modelProblems(u, fixture('user.json')))).toEqual([]);
  });

  it('reads one user by id, 404 for an unknown one, and filters with where', async () => {
    expect((await h.get('/v1/Users/1')).body).toEqual(h.sim.store.user(1));
    expect((await h.get('/v1/Users/999')).status).toBe(404);
    const active = await h.get(`/v1/Users?${query({ where: 'isActive=true' })}`);
    expect(ids(active)).toEqual(h.sim.store.users().filter((u) => u.isActive).map((u) => u.id));
  });

  it('shows a newly added user only after the propagation delay (up to 2 h)', async () => {
    const added = h.sim.addUser({ isActive: true, firstName: 'Nova', lastName: 'Late', jobTitle: 'Sales Representative', email: 'nova@simulated-omni.example' });
    expect(ids(await h.get('/v1/Users'))).not.toContain(added.id);
    expect((await h.get(`/v1/Users/${added.id}`)).status).toBe(404);
    clock.t += h.sim.switches.newUserDelayMs;
    expect(ids(await h.get('/v1/Users'))).toContain(added.id);
  });
});

describe('Cin7 simulator: /v1/Quotes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSim();
  });
  afterAll(() => h.close());

  const post = (items: unknown, path = '/v1/Quotes') => h.send('POST', path, items);

  it('lists quotes carrying the CRM subset of the Quote fixture', async () => {
    const res = await h.get('/v1/Quotes?rows=250');
    expect(res.body).toHaveLength(h.sim.store.quotes().length);
    expect((res.body as unknown[]).flatMap((q, i) => modelProblems(q, fixture('quote.json'), `quotes[${i}]`))).toEqual([]);
  });

  it('links seeded quotes to customers and sales persons, with stage, probability, currency and value', async () => {
    const contacts = new Map(h.sim.store.contacts().map((c) => [c.id, c]));
    const users = new Set(h.sim.store.users().map((u) => u.id));
    const quotes = (await h.get('/v1/Quotes?rows=250')).body as Array<Record<string, unknown>>;
    for (const q of quotes) {
      expect(contacts.get(q['memberId'] as number)?.type).toBe('Customer');
      expect(users.has(q['salesPersonId'] as number)).toBe(true);
      expect(typeof q['stage']).toBe('string');
      expect(q['probability']).toBeGreaterThanOrEqual(0);
      expect(q['currencyCode']).toMatch(/^[A-Z]{3}$/);
      expect(q['total']).toBeGreaterThan(0);
      expect(q['salesPersonEmail']).toBeNull();
      expect(q['status']).toEqual(q['isApproved'] === false ? 'Draft' : expect.stringMatching(/^(Approved|Void)$/));
    }
    expect(new Set(quotes.map((q) => q['stage'])).size).toBeGreaterThan(3);
    expect(new Set(quotes.map((q) => q['currencyCode'])).size).toBeGreaterThan(1);
  });

  it('selects line item fields with lineItems(code)', async () => {
    const res = await h.get(`/v1/Quotes?${query({ fields: 'id,reference,lineItems(code)', rows: 2, order: 'id ASC' })}`);
    expect(Object.keys(res.body[0])).toEqual(['id', 'reference', 'lineItems']);
    expect(Object.keys(res.body[0].lineItems[0])).toEqual(['code']);
  });

  it('creates a quote linked by memberEmail, copying the customer, with defaults and computed totals', async () => {
    const customer = h.sim.store.contacts().find((c) => c.type === 'Customer' && c.company)!;
    const res = await post([{ memberEmail: customer.email, lineItems: [{ code: 'SKU-1', qty: 2, unitPrice: 50 }, { code: 'SKU-2', qty: 1, unitPrice: 20, discount: 5 }] }], '/v1/Quotes?loadboms=false');
    expect(res.status).toBe(200);
    const [result] = res.body;
    expect(result).toMatchObject({ index: 0, success: true, errors: [] });
    expect(result.code).toMatch(/^QU-\d+$/);
    const quote = (await h.get(`/v1/Quotes/${result.id}`)).body;
    expect(quote).toMatchObject({
      reference: result.code,
      memberId: customer.id,
      company: customer.company,
      stage: 'New',
      isApproved: true,
      status: 'Approved',
      currencyCode: 'NZD',
      currencyRate: 1,
      currencySymbol: '$',
      productTotal: 115,
      total: 132.25, // 115 + 15 % tax (Excl)
    });
    expect(quote.lineItems.map((l: { id: number }) => l.id).every((id: number) => id > 0)).toBe(true);
  });

  it('answers per record: unknown customer, duplicate or too long reference fail; the rest is saved', async () => {
    const existing = h.sim.store.quotes()[0]!.reference;
    const member = h.sim.store.contacts().find((c) => c.type === 'Customer')!.id;
    const res = await post([
      { memberId: 999999 },
      { memberId: member, reference: existing },
      { memberId: member, reference: 'R'.repeat(31) },
      { memberId: member, reference: 'OPP-42', currencyCode: 'aud', probability: 35, stage: 'Needs Attention' },
    ]);
    expect(res.body.map((r: { success: boolean }) => r.success)).toEqual([false, false, false, true]);
    expect(res.body[1]).toMatchObject(wire().batch.failedItem);
    expect(res.body[3].code).toBe('OPP-42');
    const saved = h.sim.store.quote(res.body[3].id)!;
    expect(saved).toMatchObject({ currencyCode: 'AUD', currencySymbol: '$', probability: 35, stage: 'Needs Attention' });
    expect(saved['currencyRate']).not.toBe(1);
  });

  it('derives status from isApproved and isVoid on PUT, and drifts to upper case with statusCasing upper', async () => {
    const q = h.sim.store.quotes().find((x) => x['status'] === 'Approved')!;
    const draft = await h.send('PUT', '/v1/Quotes', [{ id: q.id, isApproved: false, status: 'Approved' }]);
    expect(draft.body[0]).toMatchObject({ success: true, code: q.reference });
    expect((await h.get(`/v1/Quotes/${q.id}`)).body.status).toBe('Draft');
    h.sim.switches.statusCasing = 'upper';
    try {
      expect((await h.get(`/v1/Quotes/${q.id}`)).body.status).toBe('DRAFT');
    } finally {
      h.sim.switches.statusCasing = 'documented';
    }
    await h.send('PUT', '/v1/Quotes', [{ id: q.id, isVoid: true }]);
    expect((await h.get(`/v1/Quotes/${q.id}`)).body.status).toBe('Void');
  });

  it('replaces line items on PUT and recomputes the totals', async () => {
    const q = h.sim.store.quotes()[1]!;
    const keep = q.lineItems[0]!;
    const res = await h.send('PUT', '/v1/Quotes', [{ id: q.id, lineItems: [{ id: keep.id, qty: 1, unitPrice: 10 }] }]);
    expect(res.body[0].success).toBe(true);
    const after = h.sim.store.quote(q.id)!;
    expect(after.lineItems.map((l) => l.id)).toEqual([keep.id]);
    expect(after['productTotal']).toBe(10);
    expect((await h.send('PUT', '/v1/Quotes', [{ id: 999999, stage: 'New' }])).body[0].success).toBe(false);
  });
});
