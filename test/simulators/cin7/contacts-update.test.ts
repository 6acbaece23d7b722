import type { ContactRow } from '../../../src/simulators/cin7';
import { fixture, modelProblems, wire } from './support/contract';
import { startSim, type Harness } from './support/harness';

describe('Cin7 simulator: batch PUT and DELETE of contacts', () => {
  let h: Harness;
  const clock = { t: Date.UTC(2025, 9, 1, 8, 30, 0) };
  beforeAll(async () => {
    h = await startSim({ now: () => clock.t });
  });
  afterAll(() => h.close());

  const put = (items: unknown) => h.send('PUT', '/v1/Contacts', items);
  const withSecondaries = (n: number): ContactRow => h.sim.store.contacts().find((c) => (c.secondaryContacts?.length ?? 0) >= n)!;

  describe('update semantics', () => {
    it('keeps fields sent as null or left out, clears fields sent as "", and moves modifiedDate only', async () => {
      const before = h.sim.store.contacts().find((c) => c.phone && c.jobTitle && c.company)!;
      clock.t += 60_000;
      const res = await put([{ id: before.id, type: before.type, jobTitle: 'Head Buyer', phone: null, company: before.company, fax: '' }]);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([{ index: 0, success: true, id: before.id, code: null, errors: [] }]);
      const after = h.sim.store.contact(before.id)!;
      expect(after).toEqual({ ...before, jobTitle: 'Head Buyer', fax: '', modifiedDate: '2025-10-01T08:31:00Z' });
    });

    it('answers per record: a missing or unknown id fails that record only', async () => {
      const target = h.sim.store.contacts()[1]!;
      const res = await put([{ type: 'Customer', company: 'No Id' }, { id: 999999, type: 'Customer' }, { id: target.id, type: target.type, notes: 'updated' }]);
      expect(res.body.map((r: { success: boolean }) => r.success)).toEqual([false, false, true]);
      expect(res.body[0]).toMatchObject(wire().batch.failedItem);
      expect(h.sim.store.contact(target.id)!.notes).toBe('updated');
    });

    it('requires type on PUT (the Help page marks it Required), unless requireTypeOnPut is off', async () => {
      const target = h.sim.store.contacts()[2]!;
      const res = await put([{ id: target.id, notes: 'no type' }]);
      expect(res.body[0]).toMatchObject({ success: false, errors: ['The Type field is required.'] });
      h.sim.switches.requireTypeOnPut = false;
      try {
        expect((await put([{ id: target.id, notes: 'no type' }])).body[0].success).toBe(true);
        expect(h.sim.store.contact(target.id)!.type).toBe(target.type);
      } finally {
        h.sim.switches.requireTypeOnPut = true;
      }
    });

    it('leaves the record untouched when one of its fields breaks a rule', async () => {
      const target = h.sim.store.contacts()[3]!;
      const res = await put([{ id: target.id, type: target.type, company: 'z'.repeat(251), notes: 'never saved' }]);
      expect(res.body[0].success).toBe(false);
      expect(h.sim.store.contact(target.id)).toEqual(target);
    });

    it("refuses to move a contact onto another contact's email", async () => {
      const [a, b] = h.sim.store.contacts();
      const res = await put([{ id: a!.id, type: a!.type, email: b!.email }]);
      expect(res.body[0].success).toBe(false);
    });

    it('answers 400 "Batch limit is 250." for 251 records and changes nothing', async () => {
      const target = h.sim.store.contacts()[0]!;
      const items = Array.from({ length: 251 }, () => ({ id: target.id, type: target.type, notes: 'too many' }));
      const res = await put(items);
      expect(res.status).toBe(400);
      expect(res.body).toBe(wire().batch.overLimit.body);
      expect(h.sim.store.contact(target.id)!.notes).not.toBe('too many');
    });
  });

  describe('secondaryContacts on PUT', () => {
    it('keeps the secondary contacts when the key is left out or null', async () => {
      const target = withSecondaries(2);
      await put([{ id: target.id, type: target.type, notes: 'touch', secondaryContacts: null }]);
      expect(h.sim.store.contact(target.id)!.secondaryContacts).toEqual(target.secondaryContacts);
    });

    it('replaces the list: sent ids are updated in place, new ones get ids, absent ones are removed', async () => {
      const target = withSecondaries(2);
      const [first, second] = target.secondaryContacts!;
      const res = await put([{ id: target.id, type: target.type, secondaryContacts: [{ id: first!.id, jobTitle: 'Chief Buyer', phone: '' }, { firstName: 'Newly', lastName: 'Added' }] }]);
      expect(res.body[0].success).toBe(true);
      const list = h.sim.store.contact(target.id)!.secondaryContacts!;
      expect(list).toHaveLength(2);
      expect(list[0]).toEqual({ ...first, jobTitle: 'Chief Buyer', phone: '' });
      expect(list[1]).toMatchObject({ firstName: 'Newly', lastName: 'Added' });
      expect(list[1]!.id).toBeGreaterThan(0);
      expect(list.map((s) => s.id)).not.toContain(second!.id);
      for (const s of list) expect(modelProblems(s, fixture('secondary-contact.json'))).toEqual([]);
    });

    it('sends secondaryContacts as null after all are removed with []', async () => {
      const target = withSecondaries(1);
      await put([{ id: target.id, type: target.type, secondaryContacts: [] }]);
      const res = await h.get(`/v1/Contacts/${target.id}`);
      expect(res.body.secondaryContacts).toBeNull();
    });

    it('keeps the ones left out when childListOnPut is merge', async () => {
      const target = withSecondaries(2);
      h.sim.switches.childListOnPut = 'merge';
      try {
        await put([{ id: target.id, type: target.type, secondaryContacts: [{ firstName: 'Extra' }] }]);
      } finally {
        h.sim.switches.childListOnPut = 'replace';
      }
      const list = h.sim.store.contact(target.id)!.secondaryContacts!;
      expect(list.slice(0, -1)).toEqual(target.secondaryContacts);
      expect(list.at(-1)).toMatchObject({ firstName: 'Extra' });
    });

    it("fails the record when a secondary contact id belongs to another contact", async () => {
      const target = withSecondaries(1);
      const other = h.sim.store.contacts().find((c) => c.id !== target.id && (c.secondaryContacts?.length ?? 0) > 0)!;
      const res = await put([{ id: target.id, type: target.type, secondaryContacts: [{ id: other.secondaryContacts![0]!.id, firstName: 'Stolen' }] }]);
      expect(res.body[0].success).toBe(false);
      expect(h.sim.store.contact(target.id)).toEqual(target);
    });
  });

  describe('DELETE /v1/Contacts/{id}', () => {
    it('answers one result object (not an array), and the record is gone', async () => {
      const target = h.sim.store.contacts().at(-1)!;
      const res = await h.send('DELETE', `/v1/Contacts/${target.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ index: 0, success: true, id: target.id, code: null, errors: [] });
      expect(modelProblems(res.body, fixture('delete-result.json'))).toEqual([]);
      expect((await h.get(`/v1/Contacts/${target.id}`)).status).toBe(404);
    });

    it('answers 404 for an unknown id, or success:false when deleteUnknownId is failure', async () => {
      const res = await h.send('DELETE', '/v1/Contacts/999999');
      expect(res.status).toBe(404);
      expect(res.body).toBe(wire().errors['404']);
      h.sim.switches.deleteUnknownId = 'failure';
      try {
        const soft = await h.send('DELETE', '/v1/Contacts/999999');
        expect(soft.status).toBe(200);
        expect(soft.body).toMatchObject({ success: false, id: 0 });
        expect(soft.body.errors.length).toBe(1);
      } finally {
        h.sim.switches.deleteUnknownId = 'notFound';
      }
    });
  });
});
