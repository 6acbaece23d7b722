import { startSim, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startSim({ clock: () => new Date('2025-03-01T12:00:00Z') });
});
afterEach(() => expect(h.sim.server.pendingFaults()).toBe(0));
afterAll(() => h.close());

const q = (path: string, params: Record<string, string>): string => `${path}?${new URLSearchParams(params).toString()}`;
const keys = (body: { value: { PrimaryKey: string }[] }): number[] => body.value.map((r) => Number(r.PrimaryKey));

describe('SuperOffice simulator archive envelope', () => {
  it('answers {odata.metadata, odata.nextLink: null, value} with rows keyed by the selected column names', async () => {
    const res = await h.get(q('/Contact', { $select: 'contactId,name,email/emailAddress,associateId,category', $filter: 'contactId eq 2' }));
    expect(res.status).toBe(200);
    const c = h.sim.store.contact(2);
    expect(res.body['odata.nextLink']).toBeNull();
    expect(res.body['odata.metadata']).toContain('/Cust12345/api/v1/Archive/');
    expect(res.body.value).toEqual([
      {
        PrimaryKey: '2',
        EntityName: 'contact',
        contactId: 2,
        name: c?.name,
        'email/emailAddress': c?.emails[0]?.value,
        associateId: h.sim.store.associates().find((a) => a.id === c?.associateId)?.initials,
        category: h.sim.store.lists().categories.find((x) => x.id === c?.categoryId)?.value,
      },
    ]);
  });

  it('keeps the column spelling of $select and resolves names case-insensitively', async () => {
    const res = await h.get(q('/Person', { $select: 'PersonId,FULLNAME', $top: '1' }));
    expect(Object.keys(res.body.value[0])).toEqual(['PrimaryKey', 'EntityName', 'PersonId', 'FULLNAME']);
  });

  it('answers the provider default columns without $select', async () => {
    const res = await h.get(q('/Sale', { $top: '1' }));
    expect(Object.keys(res.body.value[0])).toEqual(
      expect.arrayContaining(['saleId', 'heading', 'amount', 'currency', 'stage', 'saleStatus', 'associateId', 'contactId', 'personId']),
    );
  });

  it('replaces unsafe characters in keys with $jsonSafe=true', async () => {
    const res = await h.get(q('/Person', { $select: 'email/emailAddress', $top: '1', $jsonSafe: 'true' }));
    expect(Object.keys(res.body.value[0])).toContain('email_emailAddress');
  });

  it('answers FULL rows with raw and display values in $mode=full', async () => {
    const res = await h.get(q('/Sale', { $select: 'associateId,saleStatus', $filter: 'saleId eq 1', $mode: 'full' }));
    const sale = h.sim.store.sale(1);
    expect(res.body.value[0].PrimaryKey).toBe(1);
    expect(res.body.value[0].Column.associateId.RawValue).toBe(sale?.associateId);
    expect(res.body.value[0].Column.saleStatus.DisplayValue).toBe(sale?.status);
  });

  it('answers 400 with the error object for an unknown column', async () => {
    const res = await h.get(q('/Contact', { $select: 'nope' }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ Error: true, ErrorType: 'ArgumentException' });
    expect(res.body.ErrorMessage).toContain("unknown column 'nope'");
  });

  it('serves the same providers under /Archive/{provider} and AllUsers under /User', async () => {
    const findSale = await h.get(q('/Archive/FindSale', { $select: 'saleId', $top: '2', $orderby: 'saleId' }));
    expect(keys(findSale.body)).toEqual([1, 2]);
    const users = await h.get(q('/User', { $select: 'fullName,personEmail,assocName' }));
    expect(users.body.value).toHaveLength(5);
    expect(users.body.value[0]).toMatchObject({ PrimaryKey: '1', fullName: 'Ragnhild Jensen', assocName: 'RJ' });
  });
});

describe('SuperOffice simulator archive paging and ordering', () => {
  it('pages with $top/$skip so the pages together are every row exactly once', async () => {
    const total = h.sim.store.contacts().length;
    const seen: number[] = [];
    for (let skip = 0; skip < total + 10; skip += 10) {
      const res = await h.get(q('/Contact', { $select: 'contactId', $orderby: 'contactId', $top: '10', $skip: String(skip) }));
      seen.push(...keys(res.body));
      if (res.body.value.length < 10) break;
    }
    expect(seen).toEqual(h.sim.store.contacts().map((c) => c.id).sort((a, b) => a - b));
  });

  it('answers every matching row without $top (no documented default page size)', async () => {
    const res = await h.get(q('/Sale', { $select: 'saleId' }));
    expect(res.body.value).toHaveLength(h.sim.store.sales().length);
  });

  it('orders by several columns with asc/desc; $orderBy works too', async () => {
    const res = await h.get(q('/Sale', { $select: 'saleId,amount', $orderBy: 'amount desc,saleId asc' }));
    const amounts = res.body.value.map((r: { amount: number }) => r.amount);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  });

  it('orders list columns by their display value', async () => {
    const res = await h.get(q('/Sale', { $select: 'saleId,stage', $orderby: 'stage' }));
    const stages = res.body.value.map((r: { stage: string }) => r.stage);
    expect(stages).toEqual([...stages].sort((a: string, b: string) => a.localeCompare(b)));
  });

  it('caps $top and emits odata.nextLink when configured so (open question 1)', async () => {
    const capped = await startSim({ maxTop: 5, emitNextLink: true });
    try {
      const first = await capped.get(q('/Contact', { $select: 'contactId', $top: '50', $orderby: 'contactId' }));
      expect(first.body.value).toHaveLength(5);
      expect(first.body['odata.nextLink']).toContain('%24skip=5');
      const second = await capped.get(first.body['odata.nextLink']);
      expect(keys(second.body)[0]).toBe(6);
    } finally {
      await capped.close();
    }
  });

  it("answers a company's persons and sales under /Contact/{id}/Persons|Sales, combined with $filter", async () => {
    const persons = await h.get(q('/Contact/2/Persons', { $select: 'personId,contactId' }));
    const want = h.sim.store.persons().filter((p) => p.contactId === 2).map((p) => p.id).sort((a, b) => a - b);
    expect(keys(persons.body).sort((a, b) => a - b)).toEqual(want);
    const sales = await h.get(q('/Contact/2/Sales', { $select: 'saleId', $filter: 'amount gt 0' }));
    expect(keys(sales.body).sort((a, b) => a - b)).toEqual(
      h.sim.store.sales().filter((s) => s.contactId === 2 && s.amount > 0).map((s) => s.id).sort((a, b) => a - b),
    );
    expect((await h.get('/Contact/99999/Persons')).status).toBe(404);
  });

  it('answers 400 for a malformed $top', async () => {
    expect((await h.get(q('/Contact', { $top: '-1' }))).status).toBe(400);
  });
});

describe('SuperOffice simulator archive filters', () => {
  it('batches reads by id with `in` and `oneOf` in one call (the loaders’ pattern)', async () => {
    const ids = [2, 5, 7];
    const res = await h.get(q('/Contact', { $select: 'contactId,name', $filter: `contactId in (${ids.join(',')})` }));
    expect(keys(res.body).sort()).toEqual(ids);
    const people = h.sim.store.persons().slice(5, 8).map((p) => p.id);
    const persons = await h.get(q('/Person', { $select: 'personId', $filter: `personId in (${people.join(', ')})` }));
    expect(keys(persons.body).sort((a, b) => a - b)).toEqual(people);
  });

  it('finds persons and sales of several companies by contactId in one call', async () => {
    const companies = [2, 3, 4];
    const persons = await h.get(q('/Person', { $select: 'personId,contactId', $filter: `contactId in (${companies.join(',')})` }));
    const expected = h.sim.store.persons().filter((p) => companies.includes(p.contactId)).map((p) => p.id).sort((a, b) => a - b);
    expect(keys(persons.body).sort((a, b) => a - b)).toEqual(expected);
    const sales = await h.get(q('/Sale', { $select: 'saleId,contactId', $filter: `contactId oneOf (${companies.join(',')})` }));
    expect(sales.body.value.every((r: { contactId: number }) => companies.includes(r.contactId))).toBe(true);
  });

  it('accepts oneOf without a space and quoted ids', async () => {
    const res = await h.get(q('/Sale', { $select: 'saleId,contactId', $filter: "contactId oneOf('2','3')" }));
    const want = h.sim.store.sales().filter((s) => s.contactId === 2 || s.contactId === 3).map((s) => s.id);
    expect(keys(res.body).sort((a, b) => a - b)).toEqual(want.sort((a, b) => a - b));
  });

  it('filters owners by associate id while showing initials', async () => {
    const res = await h.get(q('/Sale', { $select: 'saleId,associateId', $filter: 'associateId associateIsOneOf (1,2)' }));
    const want = h.sim.store.sales().filter((s) => s.associateId === 1 || s.associateId === 2).length;
    expect(res.body.value).toHaveLength(want);
    expect(new Set(res.body.value.map((r: { associateId: string }) => r.associateId))).toEqual(new Set(['RJ', 'TY']));
    const mine = await h.get(q('/Sale', { $select: 'saleId', $filter: 'associateId currentAssociate' }));
    expect(mine.body.value).toHaveLength(h.sim.store.sales().filter((s) => s.associateId === 1).length);
  });

  it('filters list columns by item id with equals/oneOf/notOneOf', async () => {
    const byStatus = (codes: number[]): number =>
      h.sim.store.sales().filter((s) => codes.includes({ Open: 1, Sold: 2, Lost: 3, Stalled: 4 }[s.status])).length;
    expect((await h.get(q('/Sale', { $select: 'saleId', $filter: 'saleStatus equals 2' }))).body.value).toHaveLength(byStatus([2]));
    expect((await h.get(q('/Sale', { $select: 'saleId', $filter: 'saleStatus notOneOf (1,2)' }))).body.value).toHaveLength(byStatus([3, 4]));
  });

  it('combines and/or with parentheses', async () => {
    const res = await h.get(q('/Sale', { $select: 'saleId', $filter: '(saleType equals 1 or saleType equals 3) and amount gt 100000' }));
    const want = h.sim.store.sales().filter((s) => (s.saleTypeId === 1 || s.saleTypeId === 3) && s.amount > 100000).length;
    expect(res.body.value).toHaveLength(want);
  });

  it('matches strings case-insensitively with begins/contains/is and OData functions', async () => {
    const c = h.sim.store.contact(2);
    const name = c?.name ?? '';
    const count = async (filter: string): Promise<number> =>
      (await h.get(q('/Contact', { $select: 'contactId', $filter: filter }))).body.value.length;
    expect(await count(`name is '${name.toUpperCase()}'`)).toBeGreaterThanOrEqual(1);
    expect(await count(`name begins '${name.slice(0, 4).toLowerCase()}'`)).toBeGreaterThanOrEqual(1);
    expect(await count(`startswith(name, '${name.slice(0, 4)}')`)).toBe(await count(`name begins '${name.slice(0, 4)}'`));
    expect(await count(`name contains 'zzzz-nothing'`)).toBe(0);
    expect(await count(`substringof('${name.slice(2, 6)}', name)`)).toBeGreaterThanOrEqual(1);
  });

  it('finds a person by any of their e-mail addresses', async () => {
    const p = h.sim.store.persons().find((x) => x.emails.length > 1) ?? h.sim.store.persons()[6];
    const address = p?.emails[p.emails.length - 1]?.value ?? '';
    const res = await h.get(q('/Person', { $select: 'personId', $filter: `email/emailAddress eq '${address}'` }));
    expect(keys(res.body)).toContain(p?.id);
  });

  it('reads quoted strings with doubled or backslashed apostrophes', async () => {
    await h.send('POST', '/Person', { Firstname: 'Pia', Lastname: "O'Hara" });
    for (const lit of ["'O''Hara'", "'O\\'Hara'"]) {
      const res = await h.get(q('/Person', { $select: 'personId,lastName', $filter: `lastName eq ${lit}` }));
      expect(res.body.value[0]?.lastName).toBe("O'Hara");
    }
  });

  it('filters dates by day, by instant, by range and by unary periods', async () => {
    const count = async (filter: string): Promise<number> =>
      (await h.get(q('/Sale', { $select: 'saleId', $filter: filter }))).body.value.length;
    const sales = h.sim.store.sales();
    const before2024 = sales.filter((s) => (s.saledate ?? 0) < Date.parse('2024-01-01T00:00:00Z')).length;
    expect(await count("date before '2024-01-01'")).toBe(before2024);
    const inRange = sales.filter((s) => (s.saledate ?? 0) >= Date.parse('2024-01-01T00:00:00Z') && (s.saledate ?? 0) < Date.parse('2025-01-01T00:00:00Z')).length;
    expect(await count("date between ('2024-01-01','2024-12-31')")).toBe(inRange);
    const updatedSince = sales.filter((s) => (s.updatedDate ?? 0) >= Date.parse('2024-06-02T00:00:00Z')).length;
    expect(await count("updatedDate after '2024-06-01'")).toBe(updatedSince);
    const thisYear = sales.filter((s) => new Date(s.saledate ?? 0).getUTCFullYear() === 2025).length;
    expect(await count('date thisYear')).toBe(thisYear);
  });

  it('fails le, ge and notEnds as the official request collection records', async () => {
    for (const f of ['saleId le 5', 'saleId ge 5', "heading notEnds 'x'"]) {
      const res = await h.get(q('/Sale', { $select: 'saleId', $filter: f }));
      expect(res.status).toBe(400);
    }
  });

  it('answers 400 for a malformed filter or an operator that does not fit the column', async () => {
    expect((await h.get(q('/Sale', { $filter: 'saleId eq' }))).status).toBe(400);
    expect((await h.get(q('/Sale', { $filter: "heading gt 'a'" }))).status).toBe(400);
    expect((await h.get(q('/Sale', { $filter: 'nope eq 1' }))).status).toBe(400);
    expect((await h.get(q('/Sale', { $filter: "saleId eq 'abc'" }))).status).toBe(400);
  });
});
