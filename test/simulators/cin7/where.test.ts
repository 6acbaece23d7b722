import type { ContactRow } from '../../../src/simulators/cin7';
import { ids, query, startSim, type Harness, type Reply } from './support/harness';

describe('Cin7 simulator: the where language', () => {
  let h: Harness;
  let contacts: ContactRow[];
  const where = (text: string, more: Record<string, string> = {}): Promise<Reply> =>
    h.get(`/v1/Contacts?${query({ where: text, rows: 250, order: 'id ASC', ...more })}`);
  const idsOf = (rows: ContactRow[]) => rows.map((c) => c.id).sort((a, b) => a - b);

  beforeAll(async () => {
    h = await startSim({ size: { customers: 60, suppliers: 12 } });
    const added = await h.send('POST', '/v1/Contacts', [{ type: 'Customer', company: "O'Brien Traders", email: 'ob@obrien.example' }]);
    expect(added.body[0].success).toBe(true);
    contacts = h.sim.store.contacts();
  });
  afterAll(() => h.close());

  describe('comparisons', () => {
    it('filters with = on text, matching names and values in any case (SQL Server collation)', async () => {
      const suppliers = idsOf(contacts.filter((c) => c.type === 'Supplier'));
      expect(suppliers).toHaveLength(12);
      expect(ids(await where("type='Supplier'"))).toEqual(suppliers);
      expect(ids(await where("TYPE='supplier'"))).toEqual(suppliers);
      const one = contacts[3]!;
      expect(ids(await where(`email='${one.email!.toUpperCase()}'`))).toEqual([one.id]);
    });

    it('compares numbers with = <> > < >= <=', async () => {
      const expectIds = async (text: string, test: (c: ContactRow) => boolean) =>
        expect(ids(await where(text))).toEqual(idsOf(contacts.filter(test)));
      await expectIds('creditLimit>=10000', (c) => (c.creditLimit ?? -1) >= 10000);
      await expectIds('creditLimit<500', (c) => c.creditLimit !== null && c.creditLimit < 500);
      await expectIds('creditLimit>5000', (c) => (c.creditLimit ?? -1) > 5000);
      await expectIds('creditLimit<=500', (c) => c.creditLimit !== null && c.creditLimit <= 500);
      await expectIds('id=5', (c) => c.id === 5);
      await expectIds('id<>5', (c) => c.id !== 5);
    });

    it('leaves NULL columns out of every comparison, <> included (ANSI NULLS)', async () => {
      const individuals = contacts.filter((c) => c.company === null);
      expect(individuals.length).toBeGreaterThan(0);
      const res = ids(await where("company<>'Nobody Ltd'"));
      expect(res).toEqual(idsOf(contacts.filter((c) => c.company !== null)));
      expect(ids(await where('company=null'))).toEqual([]);
    });

    it('reads true/false for booleans', async () => {
      expect(ids(await where('isActive=false'))).toEqual(idsOf(contacts.filter((c) => c.isActive === false)));
      expect(ids(await where('isActive=TRUE'))).toEqual(idsOf(contacts.filter((c) => c.isActive === true)));
    });

    it('compares quoted ISO UTC dates as instants', async () => {
      const cut = '2024-01-01T00:00:00Z';
      expect(ids(await where(`modifiedDate>='${cut}'`))).toEqual(idsOf(contacts.filter((c) => Date.parse(c.modifiedDate) >= Date.parse(cut))));
      expect(ids(await where(`createdDate<'2023-06-01T00:00:00Z'`))).toEqual(
        idsOf(contacts.filter((c) => Date.parse(c.createdDate) < Date.parse('2023-06-01T00:00:00Z'))),
      );
    });

    it("reads '' inside a quoted string as one quote", async () => {
      const obrien = contacts.find((c) => c.company === "O'Brien Traders")!;
      expect(ids(await where("company='O''Brien Traders'"))).toEqual([obrien.id]);
    });
  });

  describe('LIKE, IN and IS NULL', () => {
    it('matches LIKE with % and _ wildcards, case-insensitively, and NOT LIKE the rest of the non-null values', async () => {
      const like = contacts.filter((c) => (c.company ?? '').toLowerCase().includes('and'));
      expect(like.length).toBeGreaterThan(0);
      expect(ids(await where("company LIKE '%AND%'"))).toEqual(idsOf(like));
      expect(ids(await where("company NOT LIKE '%and%'"))).toEqual(idsOf(contacts.filter((c) => c.company !== null && !like.includes(c))));
      const first = contacts.find((c) => c.company)!;
      const pattern = `_${first.company!.slice(1)}`;
      expect(ids(await where(`company LIKE '${pattern.replace(/'/g, "''")}'`))).toContain(first.id);
    });

    it('matches IN and NOT IN lists of numbers and strings (the batch read by id)', async () => {
      expect(ids(await where('id IN (1, 3,5)'))).toEqual([1, 3, 5]);
      expect(ids(await where('id in(2,4)'))).toEqual([2, 4]);
      expect(ids(await where("type IN ('Supplier')"))).toEqual(idsOf(contacts.filter((c) => c.type === 'Supplier')));
      expect(ids(await where('id NOT IN (1,2,3)'))).toEqual(idsOf(contacts.filter((c) => c.id > 3)));
    });

    it('finds NULL only with IS NULL, and the rest with IS NOT NULL', async () => {
      expect(ids(await where('company IS NULL'))).toEqual(idsOf(contacts.filter((c) => c.company === null)));
      expect(ids(await where('company is not null'))).toEqual(idsOf(contacts.filter((c) => c.company !== null)));
    });
  });

  describe('AND / OR', () => {
    it('binds AND tighter than OR, as SQL does', async () => {
      const expected = contacts.filter((c) => c.type === 'Supplier' || (c.type === 'Customer' && c.isActive === false));
      expect(ids(await where("type='Supplier' OR type='Customer' AND isActive=false"))).toEqual(idsOf(expected));
    });

    it('groups with parentheses', async () => {
      const expected = contacts.filter((c) => c.isActive === false);
      expect(ids(await where("(type='Supplier' OR type='Customer') and isActive=false"))).toEqual(idsOf(expected));
    });

    it('refuses parentheses when the whereParentheses switch is off', async () => {
      h.sim.switches.whereParentheses = false;
      try {
        expect((await where("(type='Supplier')")).status).toBe(400);
      } finally {
        h.sim.switches.whereParentheses = true;
      }
    });
  });

  describe('malformed clauses', () => {
    it.each([
      ["company='Acme", 'unclosed quote'],
      ["company = Acme", 'a bare word instead of a quoted string'],
      ['nosuchfield=1', 'an unknown field'],
      ["secondaryContacts.email='a@b.c'", 'a nested field'],
      ['secondaryContacts IS NULL', 'a list field'],
      ['id IN ()', 'an empty IN list'],
      ["type='Customer' AND", 'a dangling AND'],
      ["type!='Customer'", 'the != operator, which is not in the language'],
      ["modifiedDate>='yesterday'", 'a date that is not a date'],
      ["creditLimit>'lots'", 'text compared with a number field'],
      ['company LIKE 5', 'an unquoted LIKE pattern'],
    ])('answers 400 with the reason for %s (%s)', async (text) => {
      const res = await where(text);
      expect(res.status).toBe(400);
      expect(String(res.body)).toMatch(/^The where argument is invalid: .+\.$/);
    });

    it('answers 500 "An error has occurred." instead when malformedQueryStatus is 500', async () => {
      h.sim.switches.malformedQueryStatus = 500;
      try {
        const res = await where("company='Acme");
        expect(res.status).toBe(500);
        expect(res.body).toBe('An error has occurred.');
      } finally {
        h.sim.switches.malformedQueryStatus = 400;
      }
    });

    it('treats an empty where as no filter', async () => {
      expect(ids(await where(''))).toHaveLength(contacts.length);
    });

    it('needs % sent as %25: a hand-built URL with %ab in a LIKE pattern silently matches nothing', async () => {
      const encoded = await where("company LIKE '%ab%'");
      expect(encoded.body.length).toBeGreaterThan(0);
      // The same clause written straight into the URL: "%ab" is decoded as one (invalid) byte.
      const raw = await h.get("/v1/Contacts?rows=250&where=company%20LIKE%20'%ab%'");
      expect(raw.status).toBe(200);
      expect(raw.body).toEqual([]);
    });
  });
});
