import { startSim, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startSim();
});
afterEach(() => expect(h.sim.server.pendingFaults()).toBe(0));
afterAll(() => h.close());

describe('SuperOffice simulator pipelines (SaleType + Rating)', () => {
  it('lists sale types with every stage, the type’s own ones Selected', async () => {
    const res = await h.get('/List/SaleType/Items');
    expect(res.status).toBe(200);
    expect(res.body.map((t: { Name: string }) => t.Name)).toEqual(['New business', 'Upsell', 'Renewal', 'Key account']);
    expect(res.body.map((t: { HasStakeholders: boolean }) => t.HasStakeholders)).toEqual([false, false, false, true]);
    const upsell = res.body[1];
    const selected = upsell.Stages.filter((s: { Selected: boolean }) => s.Selected);
    expect(selected.map((s: { Id: number; Name: string }) => [s.Id, s.Name])).toEqual([
      [6, 'Discovery'],
      [7, 'Demo'],
      [8, 'Contract sent'],
    ]);
  });

  it('lists stages under List/Rating with probabilities, deleted ones only on request', async () => {
    const live = await h.get('/List/Rating/Items');
    expect(live.body.every((s: { Deleted: boolean }) => !s.Deleted)).toBe(true);
    expect(live.body[0]).toMatchObject({ SaleStageId: 1, Value: 'Lead', Probability: 10 });
    const all = await h.get('/List/Rating/Items?includeDeleted=true');
    expect(all.body.length).toBe(live.body.length + 1);
    expect((await h.get('/List/SaleStage/Items')).status).toBe(404);
  });

  it('answers a single item and 404 for an unknown one', async () => {
    expect((await h.get('/List/SaleType/Items/2')).body.Name).toBe('Upsell');
    const missing = await h.get('/List/Rating/Items/999');
    expect(missing.status).toBe(404);
    expect(missing.body.ErrorType).toBe('SoNotFoundException');
  });

  it('answers the MDO salestage list of a sale type in pipeline order with Sold and Lost appended', async () => {
    const res = await h.get('/MDOList/salestage?additional=SaleTypeID=3');
    expect(res.body.map((i: { Id: number }) => i.Id)).toEqual([2, 4, 5, -2, -1]);
    expect(res.body[0].ExtraInfo).toContain('Probability=25');
    expect(res.body[3].ExtraInfo).toBe('Probability=100');
  });
});

describe('SuperOffice simulator currencies and users', () => {
  it('lists currencies with Rate and Units; the base currency has rate 1 and is what GetBaseCurrency answers', async () => {
    const res = await h.get('/List/Currency/Items');
    expect(res.body.map((c: { Name: string }) => c.Name)).toEqual(['EUR', 'USD', 'GBP', 'NOK', 'SEK']);
    expect(res.body[3]).toMatchObject({ CurrencyId: 4, Name: 'NOK', Rate: 1166, Units: 100 });
    const base = await h.send('POST', '/Agents/List/GetBaseCurrency', {});
    expect(base.body).toMatchObject({ CurrencyId: 1, Name: 'EUR', Rate: 1, Units: 1 });
  });

  it('converts amounts to the base currency as amount / Rate * Units by default (open question 7)', async () => {
    const sale = h.sim.store.sales().find((s) => s.currencyId === 4);
    if (!sale) throw new Error('seed has no NOK sale');
    const res = await h.get(`/Sale?$select=amount,amountInBaseCurrency&$filter=saleId eq ${sale.id}`);
    expect(res.body.value[0].amountInBaseCurrency).toBeCloseTo((sale.amount / 1166) * 100, 2);
    const other = await startSim({ baseAmountFormula: 'multiplyByRate' });
    try {
      const r = await other.get(`/Sale?$select=amountInBaseCurrency&$filter=saleId eq ${sale.id}`);
      expect(r.body.value[0].amountInBaseCurrency).toBeCloseTo((sale.amount * 1166) / 100, 2);
    } finally {
      await other.close();
    }
  });

  it('answers the caller as User/currentAssociate', async () => {
    const res = await h.get('/User/currentAssociate');
    expect(res.body).toMatchObject({ AssociateId: 1, Name: 'RJ', FullName: 'Ragnhild Jensen', Type: 'InternalAssociate', PersonId: 1 });
  });

  it('answers MDOList/associate sorted by name with person ids in ExtraInfo', async () => {
    const res = await h.get('/MDOList/associate');
    expect(res.body.map((i: { Name: string }) => i.Name)).toEqual(['Emil Nyberg', 'Kari Lie', 'Mats Berg', 'Ragnhild Jensen', 'Tom Young']);
    expect(res.body[3]).toMatchObject({ Id: 1, ExtraInfo: 'person_id=1&contact_id=1' });
    expect((await h.get('/MDOList/associate?query=kari')).body).toHaveLength(1);
  });

  it('does not serve single-user calls (Online-restricted) and can switch the AllUsers archive off', async () => {
    expect((await h.get('/User/1')).status).toBe(404);
    const off = await startSim({ userArchive: false });
    try {
      expect((await off.get('/User')).status).toBe(404);
    } finally {
      await off.close();
    }
  });
});
