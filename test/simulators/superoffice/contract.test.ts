import { conformsTo } from './contract';
import { startSim, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startSim();
});
afterEach(() => expect(h.sim.server.pendingFaults()).toBe(0));
afterAll(() => h.close());

describe('SuperOffice simulator answers conform to the Swagger-derived fixtures', () => {
  it.each([
    ['/Contact/2', 'ContactEntityWithLinks'],
    ['/Contact/1', 'ContactEntityWithLinks'],
    ['/Person/6', 'PersonEntityWithLinks'],
    ['/Person/1', 'PersonEntityWithLinks'],
    ['/Sale/1', 'SaleEntityWithLinks'],
    ['/Contact/default', 'ContactEntity'],
    ['/Person/default', 'PersonEntity'],
    ['/Sale/default', 'SaleEntity'],
    ['/Contact/2/Simple', 'Contact'],
    ['/Person/6/Simple', 'Person'],
    ['/Sale/1/Simple', 'Sale'],
    ['/User/currentAssociate', 'Associate'],
    ['/List/Currency/Items/1', 'CurrencyEntity'],
    ['/List/Rating/Items/1', 'SaleStageEntity'],
    ['/List/SaleType/Items/1', 'SaleTypeEntity'],
    ['/Contact?$top=5', 'ODataSlimResponse'],
    ['/Person?$top=5', 'ODataSlimResponse'],
    ['/Sale?$top=5', 'ODataSlimResponse'],
  ])('GET %s conforms to %s', async (path, fixture) => {
    const res = await h.get(path);
    expect(res.status).toBe(200);
    expect(conformsTo(fixture, res.body)).toEqual([]);
  });

  it('every seeded sale, with or without a person, conforms to SaleEntityWithLinks', async () => {
    for (const sale of h.sim.store.sales()) {
      const res = await h.get(`/Sale/${sale.id}`);
      expect(conformsTo('SaleEntityWithLinks', res.body)).toEqual([]);
    }
  });

  it('list endpoints answer arrays whose items conform', async () => {
    const cases: [string, string][] = [
      ['/List/Currency/Items', 'CurrencyEntity'],
      ['/List/Rating/Items?includeDeleted=true', 'SaleStageEntity'],
      ['/List/SaleType/Items', 'SaleTypeEntity'],
      ['/MDOList/associate', 'MDOListItem'],
      ['/MDOList/salestage?additional=SaleTypeID=1', 'MDOListItem'],
    ];
    for (const [path, fixture] of cases) {
      const res = await h.get(path);
      expect(Array.isArray(res.body)).toBe(true);
      for (const item of res.body as unknown[]) expect(conformsTo(fixture, item)).toEqual([]);
    }
  });

  it('created, replaced and patched entities conform to the WithLinks definitions', async () => {
    const c = await h.send('POST', '/Contact', { Name: 'Contract Test AS' });
    expect(conformsTo('ContactEntityWithLinks', c.body)).toEqual([]);
    const p = await h.send('POST', '/Person', { Firstname: 'Ada', Lastname: 'Lovelace', Contact: { ContactId: c.body.ContactId } });
    expect(conformsTo('PersonEntityWithLinks', p.body)).toEqual([]);
    const s = await h.send('POST', '/Sale', { Heading: 'Deal', Contact: { ContactId: c.body.ContactId }, Amount: 10 });
    expect(conformsTo('SaleEntityWithLinks', s.body)).toEqual([]);
    const patched = await h.send('PATCH', `/Sale/${s.body.SaleId}`, [{ op: 'replace', path: '/Amount', value: 20 }]);
    expect(conformsTo('SaleEntityWithLinks', patched.body)).toEqual([]);
  });

  it('an entity answered with $select still conforms (value types keep their type)', async () => {
    const res = await h.get('/Sale/1?$select=Heading,Amount');
    expect(conformsTo('SaleEntityWithLinks', res.body)).toEqual([]);
  });

  it('the 404 error body conforms to the documented error object', async () => {
    const res = await h.get('/Person/424242');
    expect(res.status).toBe(404);
    expect(conformsTo('ErrorBody', res.body)).toEqual([]);
  });

  it('the checker itself rejects a wrong shape', () => {
    expect(conformsTo('EntityElement', { Value: 1, Extra: true })).toEqual(
      expect.arrayContaining([
        'EntityElement.Extra: not a property of EntityElement',
        'EntityElement.Value: expected string, got 1',
        'EntityElement.StrippedValue: missing',
      ]),
    );
  });
});
