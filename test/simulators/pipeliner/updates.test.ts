import { idOf, useSimulator } from './harness';

const h = useSimulator();

/** Stored fields that every write moves: the rest must stay as they were. */
const STAMPS = ['revision', 'modified'];

function without(record: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !keys.includes(k)));
}

function linkedContact(withSecondary = false) {
  const relations = h.sim.records('ContactAccountRelations');
  const contactId = relations.find((r) => {
    const own = relations.filter((x) => x['contact_id'] === r['contact_id']);
    return r['is_primary'] === true && (withSecondary ? own.length > 1 : own.length === 1);
  })!['contact_id'] as string;
  return h.sim.record('Contacts', contactId)!;
}

function opportunity() {
  return h.sim.records('Opportunities')[0]!;
}

describe('Pipeliner simulator: PATCH is partial', () => {
  it('changes only the fields sent; revision and modified move on every write', async () => {
    const before = h.sim.record('Accounts', h.sim.records('Accounts')[2]!.id)!;
    const first = await h.call('PATCH', `/entities/Accounts/${before.id}`, { body: { city: 'Graz' } });
    expect(first.status).toBe(200);
    const after = h.sim.record('Accounts', before.id)!;
    expect(without(after, [...STAMPS, 'city'])).toEqual(without(before, [...STAMPS, 'city']));
    expect(after['city']).toBe('Graz');
    expect(after['revision']).toBeGreaterThan(before['revision'] as number);
    expect((after['modified'] as string) > (before['modified'] as string)).toBe(true);

    const second = await h.call('PATCH', `/entities/Accounts/${before.id}`, { body: { city: 'Linz' } });
    expect(second.body.data.revision).toBeGreaterThan(first.body.data.revision);
    expect(second.body.data.modified >= first.body.data.modified).toBe(true);
  });

  it('clears text with "" and keeps it as ""', async () => {
    const contact = linkedContact();
    const res = await h.call('PATCH', `/entities/Contacts/${contact.id}`, { body: { title: '', email1: '' } });
    expect(res.status).toBe(200);
    expect(h.sim.record('Contacts', contact.id)).toMatchObject({ title: '', email1: '' });
  });

  it('moves the primary account link and keeps the other links (and their rows) when the whole set is sent', async () => {
    const contact = linkedContact(true);
    const rows = h.sim.records('ContactAccountRelations').filter((r) => r['contact_id'] === contact.id);
    const secondary = rows.find((r) => r['is_primary'] !== true)!;
    const target = h.sim.records('Accounts').find((a) => !rows.some((r) => r['account_id'] === a.id))!;
    const res = await h.call('PATCH', `/entities/Contacts/${contact.id}`, {
      body: {
        account_relations: [
          { account_id: target.id, is_primary: true, position: 'Buyer' },
          { account_id: secondary['account_id'], is_primary: false },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(idOf(res.body.data.primary_account)).toBe(target.id);
    expect(res.body.data.account_position).toBe('Buyer');
    const now = h.sim.records('ContactAccountRelations').filter((r) => r['contact_id'] === contact.id);
    expect(now.map((r) => r['account_id']).sort()).toEqual([target.id, secondary['account_id']].sort());
    expect(now.find((r) => r['account_id'] === secondary['account_id'])!.id).toBe(secondary.id);
  });

  it('takes a nested relation item named by its row URL, as the update inputs type `id`', async () => {
    const contact = linkedContact();
    const row = h.sim.records('ContactAccountRelations').find((r) => r['contact_id'] === contact.id)!;
    const url = `${h.sim.apiBase}/entities/ContactAccountRelations/${row.id}`;
    const res = await h.call('PATCH', `/entities/Contacts/${contact.id}`, {
      body: { account_relations: [{ id: url, is_primary: true, position: 'Chair' }] },
    });
    expect(res.status).toBe(200);
    expect(h.sim.record('ContactAccountRelations', row.id)!['position']).toBe('Chair');
  });
});

describe('Pipeliner simulator: PATCH validates as strictly as POST', () => {
  async function refused(plural: string, id: string, body: Record<string, unknown>) {
    const before = h.sim.snapshot();
    const res = await h.call('PATCH', `/entities/${plural}/${id}`, { body });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ success: false, code: 40000, name: 'ERROR_ENTITY_VALIDATION', http_status: 422 });
    expect(h.sim.snapshot()).toBe(before);
    return (res.body.field_errors as Array<{ field_name: string; errors: Array<{ code: number }> }>).map((f) => [f.field_name, f.errors[0]!.code]);
  }

  it('refuses a contact left without first and last name', async () => {
    const contact = linkedContact();
    expect(await refused('Contacts', contact.id, { first_name: '', last_name: '' })).toEqual([
      ['first_name', 119],
      ['last_name', 119],
    ]);
  });

  it('refuses a cleared owner, as a missing owner on create', async () => {
    const errors = await refused('Accounts', h.sim.records('Accounts')[0]!.id, { owner_id: null });
    expect(errors).toContainEqual(['owner_id', 119]);
  });

  it('refuses a cleared account name', async () => {
    expect(await refused('Accounts', h.sim.records('Accounts')[0]!.id, { name: '' })).toEqual([['name', 119]]);
  });

  it('refuses an opportunity step that names no step, and a cleared step, value or closing date', async () => {
    const id = opportunity().id;
    expect(await refused('Opportunities', id, { step_id: '01234567-abcd-dcba-ffff-000000000000' })).toEqual([['step_id', 117]]);
    expect(await refused('Opportunities', id, { step_id: null })).toContainEqual(['step_id', 119]);
    expect(await refused('Opportunities', id, { value: null })).toEqual([['value', 119]]);
    expect(await refused('Opportunities', id, { closing_date: null })).toEqual([['closing_date', 119]]);
  });

  it('answers a PATCH of an unknown or deleted record with 404', async () => {
    const id = opportunity().id;
    expect((await h.call('DELETE', `/entities/Opportunities/${id}`)).status).toBe(200);
    const res = await h.call('PATCH', `/entities/Opportunities/${id}`, { body: { name: 'Gone' } });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ success: false, http_status: 404, name: 'ERROR_NOT_FOUND' });
  });
});

describe('Pipeliner simulator: batch-modify with ids updates', () => {
  it('updates the items naming records and answers an unknown id inline with rollback-method 1', async () => {
    const [a, b] = h.sim.records('Accounts');
    const res = await h.call('POST', '/entities/Accounts/batch-modify', {
      query: { 'rollback-method': 1 },
      body: [
        { id: a!.id, city: 'Bern' },
        { id: '01234567-abcd-dcba-ffff-000000000000', city: 'Nowhere' },
        { id: b!.id, zip_code: '3000' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.data[0]).toBe(a!.id);
    expect(res.body.data[1]).toMatchObject({ success: false, http_status: 404 });
    expect(res.body.data[2]).toBe(b!.id);
    expect(h.sim.record('Accounts', a!.id)).toMatchObject({ city: 'Bern', name: a!['name'] });
    expect(h.sim.record('Accounts', b!.id)).toMatchObject({ zip_code: '3000', city: b!['city'] });
  });
});

describe('Pipeliner simulator: DELETE takes the relation rows with the record', () => {
  it("removes a contact with its account and opportunity links; a second DELETE is 404", async () => {
    const link = h.sim.records('LeadOpptyContactRelations')[0]!;
    const id = link['contact_id'] as string;
    const res = await h.call('DELETE', `/entities/Contacts/${id}`);
    expect(res).toMatchObject({ status: 200, body: { success: true, data: id } });
    expect(h.sim.record('Contacts', id)).toMatchObject({ is_deleted: true });
    expect(h.sim.records('Contacts').some((c) => c.id === id)).toBe(false);
    expect(h.sim.records('ContactAccountRelations').filter((r) => r['contact_id'] === id)).toEqual([]);
    expect(h.sim.records('LeadOpptyContactRelations').filter((r) => r['contact_id'] === id)).toEqual([]);
    expect((await h.call('GET', `/entities/Contacts/${id}`)).status).toBe(404);
    expect((await h.call('DELETE', `/entities/Contacts/${id}`)).status).toBe(404);
  });

  it("removes an opportunity with its account and contact links", async () => {
    const id = opportunity().id;
    expect(h.sim.records('LeadOpptyAccountRelations').some((r) => r['lead_oppty_id'] === id)).toBe(true);
    expect((await h.call('DELETE', `/entities/Opportunities/${id}`)).status).toBe(200);
    expect(h.sim.records('LeadOpptyAccountRelations').filter((r) => r['lead_oppty_id'] === id)).toEqual([]);
    expect(h.sim.records('LeadOpptyContactRelations').filter((r) => r['lead_oppty_id'] === id)).toEqual([]);
  });
});
