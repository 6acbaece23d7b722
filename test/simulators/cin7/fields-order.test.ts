import type { ContactRow } from '../../../src/simulators/cin7';
import { fixture } from './support/contract';
import { ids, query, startSim, type Harness } from './support/harness';

describe('Cin7 simulator: fields projection and order', () => {
  let h: Harness;
  let contacts: ContactRow[];
  beforeAll(async () => {
    h = await startSim({ size: { customers: 40, suppliers: 10 } });
    contacts = h.sim.store.contacts();
  });
  afterAll(() => h.close());

  const list = (params: Record<string, string | number>) => h.get(`/v1/Contacts?${query({ rows: 250, ...params })}`);

  describe('fields', () => {
    it('returns only the requested keys, camelCase whatever the request spelled', async () => {
      const res = await list({ fields: 'ID,Company,EMAIL', order: 'id ASC' });
      expect(res.status).toBe(200);
      expect(Object.keys(res.body[0])).toEqual(['id', 'company', 'email']);
      expect(res.body[0]).toEqual({ id: contacts[0]!.id, company: contacts[0]!.company, email: contacts[0]!.email });
    });

    it('selects child fields of secondaryContacts with child(sub) syntax', async () => {
      const withKids = contacts.find((c) => (c.secondaryContacts?.length ?? 0) > 1)!;
      const res = await list({ fields: 'id,secondaryContacts(id,email)', where: `id=${withKids.id}` });
      expect(res.body).toEqual([{ id: withKids.id, secondaryContacts: withKids.secondaryContacts!.map((s) => ({ id: s.id, email: s.email })) }]);
      const whole = await list({ fields: 'id,secondaryContacts', where: `id=${withKids.id}` });
      expect(Object.keys(whole.body[0].secondaryContacts[0])).toEqual(Object.keys(fixture('secondary-contact.json').fields));
    });

    it('sends unrequested keys as null instead when unrequestedFields is null', async () => {
      h.sim.switches.unrequestedFields = 'null';
      try {
        const res = await list({ fields: 'id', rows: 1 });
        expect(Object.keys(res.body[0]).sort()).toEqual(Object.keys(fixture('contact.json').fields).sort());
        expect(res.body[0].company).toBeNull();
      } finally {
        h.sim.switches.unrequestedFields = 'omit';
      }
    });

    it('answers 400 for an unknown field, or ignores it when unknownFields is ignore', async () => {
      const bad = await list({ fields: 'id,nope' });
      expect(bad.status).toBe(400);
      expect(String(bad.body)).toMatch(/^The fields argument is invalid/);
      expect((await list({ fields: 'id,company(x)' })).status).toBe(400);
      h.sim.switches.unknownFields = 'ignore';
      try {
        const ok = await list({ fields: 'id,nope', rows: 1 });
        expect(ok.body[0]).toEqual({ id: expect.any(Number) });
      } finally {
        h.sim.switches.unknownFields = 'reject';
      }
    });
  });

  describe('order', () => {
    const byCompany = (a: ContactRow, b: ContactRow) => {
      const x = a.company?.toLowerCase();
      const y = b.company?.toLowerCase();
      if (x === y) return a.id - b.id;
      if (x === undefined) return -1;
      if (y === undefined) return 1;
      return x < y ? -1 : 1;
    };

    it('sorts by a field ASC with NULLs first and ties by id', async () => {
      expect(ids(await list({ order: 'company ASC' }))).toEqual([...contacts].sort(byCompany).map((c) => c.id));
    });

    it('sorts DESC when asked and when no direction is given (the vendor default)', async () => {
      const desc = [...contacts].sort((a, b) => Date.parse(b.modifiedDate) - Date.parse(a.modifiedDate) || a.id - b.id).map((c) => c.id);
      expect(ids(await list({ order: 'modifiedDate DESC' }))).toEqual(desc);
      expect(ids(await list({ order: 'modifieddate' }))).toEqual(desc);
    });

    it('sorts ASC by default when defaultOrderDirection is ASC', async () => {
      h.sim.switches.defaultOrderDirection = 'ASC';
      try {
        expect(ids(await list({ order: 'id' }))).toEqual(contacts.map((c) => c.id).sort((a, b) => a - b));
      } finally {
        h.sim.switches.defaultOrderDirection = 'DESC';
      }
    });

    it('sorts by several comma-separated terms', async () => {
      const expected = [...contacts].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : b.id - a.id)).map((c) => c.id);
      expect(ids(await list({ order: 'type ASC, id DESC' }))).toEqual(expected);
    });

    it.each(['nope ASC', 'company SIDEWAYS', 'company ASC extra', 'secondaryContacts'])('answers 400 for order=%s', async (order) => {
      const res = await list({ order });
      expect(res.status).toBe(400);
      expect(String(res.body)).toMatch(/^The order argument is invalid/);
    });

    it('pages an ordered filtered list consistently: the incremental-sync pattern', async () => {
      const since = '2024-01-01T00:00:00Z';
      const expected = contacts
        .filter((c) => Date.parse(c.modifiedDate) >= Date.parse(since))
        .sort((a, b) => Date.parse(a.modifiedDate) - Date.parse(b.modifiedDate) || a.id - b.id)
        .map((c) => c.id);
      const seen: number[] = [];
      for (let page = 1; page < 20; page += 1) {
        const batch = ids(await list({ where: `modifiedDate>='${since}'`, order: 'modifiedDate ASC', page, rows: 7 }));
        if (batch.length === 0) break;
        seen.push(...batch);
      }
      expect(seen).toEqual(expected);
    });
  });
});
