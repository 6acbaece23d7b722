import { useSimulator } from './harness';

/**
 * The simulator is as strict as the vendor's documentation: query parameters only where the
 * spec (or the API-parameters page) declares them for that endpoint, text-matching operators
 * only on text, and `label_flag` only with the spec's values 1, 2 and 4.
 */
const h = useSimulator({ size: { accounts: 10, contacts: 10, opportunities: 40 } });

describe('Pipeliner simulator: parameters each endpoint takes', () => {
  it('refuses list-only parameters on a read by id, and keeps expand and include-deleted there', async () => {
    const contact = h.sim.records('Contacts')[0]!;
    const queries: Record<string, string | number>[] = [
      { 'load-only': 'id' },
      { first: 5 },
      { 'order-by': 'created' },
      { 'filter[id]': contact.id },
    ];
    for (const query of queries) {
      const res = await h.call('GET', `/entities/Contacts/${contact.id}`, { query });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 117, name: 'ERROR_PARAMETER_INVALID', success: false });
    }
    const ok = await h.call('GET', `/entities/Contacts/${contact.id}`, {
      query: { expand: 'owner', 'include-deleted': true },
    });
    expect(ok.status).toBe(200);
  });

  it('refuses read parameters on writes and unknown ones everywhere', async () => {
    const account = h.sim.records('Accounts')[0]!;
    const patch = await h.call('PATCH', `/entities/Accounts/${account.id}`, {
      body: { name: 'Renamed' },
      query: { expand: 'owner' },
    });
    expect(patch.status).toBe(400);
    expect(h.sim.record('Accounts', account.id)?.['name']).not.toBe('Renamed');
    const typo = await h.call('GET', '/entities/Accounts', { query: { frist: 5 } });
    expect(typo.status).toBe(400);
    const bare = await h.call('GET', '/entities/Accounts', { query: { filter: 'x' } });
    expect(bare.status).toBe(400);
    const batch = await h.call('POST', '/entities/Accounts/batch-delete', {
      body: [],
      query: { 'rollback-method': 1, 'validation-level': 0 },
    });
    expect(batch.status).toBe(200);
  });

  it('refuses text-matching operators on fields that are not text', async () => {
    const owner = String(h.sim.records('Accounts')[0]!['owner_id']);
    for (const [field, value, op] of [
      ['owner_id', owner.slice(0, 8), 'icontains'],
      ['account_class', '3', 'starts'],
      ['modified', '2026', 'contains'],
    ]) {
      const res = await h.call('GET', '/entities/Accounts', {
        query: { [`filter[${field}]`]: value!, [`filter-op[${field}]`]: op! },
      });
      expect(res.status).toBe(400);
    }
    const text = await h.call('GET', '/entities/Accounts', {
      query: { 'filter[name]': 'a', 'filter-op[name]': 'icontains' },
    });
    expect(text.status).toBe(200);
  });
});

describe('Pipeliner simulator: label_flag holds documented values only', () => {
  it('seeds 1, 2 or 4, and null for an opportunity without a flag', async () => {
    const flags = new Set(h.sim.records('Opportunities').map((o) => o['label_flag']));
    for (const f of flags) expect([1, 2, 4, null]).toContain(f);
    const res = await h.call('GET', '/entities/Opportunities', { query: { first: 100 } });
    for (const o of res.body.data) expect([1, 2, 4, null]).toContain(o.label_flag);
  });

  it('refuses 0 and combinations on write with 422, and takes 1, 2, 4 or their digits', async () => {
    const opp = h.sim.records('Opportunities')[0]!;
    for (const bad of [0, 3, 8, '0']) {
      const res = await h.call('PATCH', `/entities/Opportunities/${opp.id}`, { body: { label_flag: bad } });
      expect(res.status).toBe(422);
      expect(res.body.field_errors[0]).toMatchObject({ field_name: 'label_flag' });
    }
    for (const good of [1, 2, 4, '2', null]) {
      const res = await h.call('PATCH', `/entities/Opportunities/${opp.id}`, { body: { label_flag: good } });
      expect(res.status).toBe(200);
      expect(res.body.data.label_flag).toBe(good === null ? null : Number(good));
    }
  });
});
