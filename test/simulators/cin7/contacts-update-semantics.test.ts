import type { ContactRow } from '../../../src/simulators/cin7';
import { wire } from './support/contract';
import { startSim, type Harness } from './support/harness';

/*
 * The update semantics a connector relies on for "never blank what the caller did not mention":
 * missing or null keeps, "" clears text (on the record and inside secondary contacts), "" on a
 * non-text field is null and keeps too; modifiedDate moves with every applied write; rules as on
 * POST; PUT and DELETE spend the key's rate budget like any request.
 */
describe('Cin7 simulator: PUT semantics for partial updates, DELETE and their rate budget', () => {
  let h: Harness;
  const clock = { t: Date.UTC(2025, 10, 4, 10, 0, 0) };
  const used = new Set<number>();
  beforeAll(async () => {
    h = await startSim({ now: () => clock.t, size: { customers: 40, suppliers: 2, users: 4, quotes: 0 } });
  });
  afterAll(() => h.close());
  beforeEach(() => {
    clock.t += 60_000;
  });

  const put = (items: unknown) => h.send('PUT', '/v1/Contacts', items);
  const stamp = () => new Date(clock.t).toISOString().replace('.000Z', 'Z');
  function pick(secondaries = 0): ContactRow {
    const c = h.sim.store.contacts().find((r) => !used.has(r.id) && r.company && r.firstName && (r.secondaryContacts?.length ?? 0) >= secondaries);
    if (!c) throw new Error('the seed has no such record left');
    used.add(c.id);
    return c;
  }

  it('changes only the field sent: every other field, secondary contacts included, stays as it was', async () => {
    const before = pick(1);
    const res = await put([{ id: before.id, type: before.type, jobTitle: 'Buyer' }]);
    expect(res.body).toEqual([{ index: 0, success: true, id: before.id, code: null, errors: [] }]);
    expect(h.sim.store.contact(before.id)).toEqual({ ...before, jobTitle: 'Buyer', modifiedDate: stamp() });
  });

  it('reads "" on a number or flag as null, which keeps the value (only text can be cleared with "")', async () => {
    const before = pick();
    await put([{ id: before.id, type: before.type, salesPersonId: '', isActive: '', creditLimit: '' }]);
    expect(h.sim.store.contact(before.id)).toEqual({ ...before, modifiedDate: stamp() });
  });

  it('clears a secondary contact\'s text with "" and keeps its fields sent as null or left out', async () => {
    const before = pick(2);
    const [first, second] = before.secondaryContacts!;
    await put([{ id: before.id, type: before.type, secondaryContacts: [{ id: first!.id, phone: '', email: null }, { id: second!.id }, ...before.secondaryContacts!.slice(2)] }]);
    const after = h.sim.store.contact(before.id)!;
    expect(after.secondaryContacts).toEqual([{ ...first, phone: '' }, second, ...before.secondaryContacts!.slice(2)]);
    expect(after.modifiedDate).toBe(stamp());
  });

  it('checks an update as a create is checked: one refused record of two leaves no trace, the other is saved', async () => {
    const [a, b] = [pick(), pick()];
    const res = await put([
      { id: a.id, type: a.type, jobTitle: 'j'.repeat(251) },
      { id: b.id, type: b.type, notes: 'kept' },
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { index: 0, success: false, id: 0, code: '', errors: ["The field JobTitle must be a string or array type with a maximum length of '250'."] },
      { index: 1, success: true, id: b.id, code: null, errors: [] },
    ]);
    expect(h.sim.store.contact(a.id)).toEqual(a);
    expect(h.sim.store.contact(b.id)).toMatchObject({ notes: 'kept', modifiedDate: stamp() });
  });

  it('refuses clearing both company and first name ("Company or First Name" rule) and keeps the record', async () => {
    const before = pick();
    const res = await put([{ id: before.id, type: before.type, company: '', firstName: '' }]);
    expect(res.body[0]).toMatchObject({ success: false, errors: ['Company or FirstName is required.'] });
    expect(h.sim.store.contact(before.id)).toEqual(before);
  });

  it('answers an unknown id per item with success:false, and a DELETE of it with 404', async () => {
    const res = await put([{ id: 987654, type: 'Customer', notes: 'x' }]);
    expect(res.body).toEqual([{ index: 0, success: false, id: 0, code: '', errors: ['Contact with Id 987654 was not found.'] }]);
    const gone = await h.send('DELETE', '/v1/Contacts/987654');
    expect(gone.status).toBe(404);
    expect(gone.body).toBe(wire().errors['404']);
  });

  it('removes the secondary contacts with their record on DELETE', async () => {
    const before = pick(1);
    expect((await h.send('DELETE', `/v1/Contacts/${before.id}`)).body).toMatchObject({ success: true, id: before.id });
    const ids = before.secondaryContacts!.map((s) => s.id);
    const everywhere = h.sim.store.contacts().flatMap((c) => (c.secondaryContacts ?? []).map((s) => s.id));
    expect(everywhere.filter((id) => ids.includes(id))).toEqual([]);
  });

  it('counts PUT and DELETE against the key\'s budget: a 4th write within a second is 429 and changes nothing', async () => {
    h.sim.switches.rateLimits.enabled = true;
    h.sim.resetRateLimits();
    try {
      const [a, b] = [pick(), pick()];
      expect((await put([{ id: a.id, type: a.type, notes: 'one' }])).status).toBe(200);
      expect((await put([{ id: a.id, type: a.type, notes: 'two' }])).status).toBe(200);
      expect((await put([{ id: a.id, type: a.type, notes: 'three' }])).status).toBe(200);
      const refusedPut = await put([{ id: a.id, type: a.type, notes: 'four' }]);
      const refusedDelete = await h.send('DELETE', `/v1/Contacts/${b.id}`);
      expect([refusedPut.status, refusedDelete.status]).toEqual([429, 429]);
      expect(refusedDelete.body).toBe(wire().errors['429']);
      expect(h.sim.store.contact(a.id)!.notes).toBe('three');
      expect(h.sim.store.contact(b.id)).toEqual(b);
    } finally {
      h.sim.switches.rateLimits.enabled = false;
    }
  });
});
