import { fixture, modelProblems, wire } from './support/contract';
import { startSim, type Harness } from './support/harness';

describe('Cin7 simulator: reading contacts', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSim();
  });
  afterAll(() => h.close());

  it('answers every contact in the shape of the Contact fixture, secondary contacts included', async () => {
    const res = await h.get('/v1/Contacts?rows=250');
    expect(res.body.length).toBe(h.sim.store.contacts().length);
    const problems = (res.body as unknown[]).flatMap((c, i) => modelProblems(c, fixture('contact.json'), `contacts[${i}]`));
    const children = (res.body as Array<{ secondaryContacts: unknown[] | null }>).flatMap((c, i) =>
      (c.secondaryContacts ?? []).flatMap((s, j) => modelProblems(s, fixture('secondary-contact.json'), `contacts[${i}].secondaryContacts[${j}]`)),
    );
    expect([...problems, ...children]).toEqual([]);
  });

  it('sends secondaryContacts as null, not [], for a record without any (vendor sample)', async () => {
    const res = await h.get('/v1/Contacts?rows=250');
    const none = (res.body as Array<{ secondaryContacts: unknown }>).filter((c) => c.secondaryContacts === null);
    expect(none.length).toBeGreaterThan(0);
    expect((res.body as Array<{ secondaryContacts: unknown }>).some((c) => Array.isArray(c.secondaryContacts) && c.secondaryContacts.length === 0)).toBe(false);
  });

  it('answers GET /v1/Contacts/{id} with the single object, not an array', async () => {
    const one = h.sim.store.contacts()[4]!;
    const res = await h.get(`/v1/Contacts/${one.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(one);
    expect(modelProblems(res.body, fixture('contact.json'))).toEqual([]);
  });

  it('answers 404 "Resource not found" for an unknown id, or 200 null when getUnknownId says so', async () => {
    const res = await h.get('/v1/Contacts/999999');
    expect(res.status).toBe(404);
    expect(res.body).toBe(wire().errors['404']);
    h.sim.switches.getUnknownId = 'null';
    try {
      const empty = await h.get('/v1/Contacts/999999');
      expect(empty.status).toBe(200);
      expect(empty.text).toBe('null');
    } finally {
      h.sim.switches.getUnknownId = 'notFound';
    }
  });

  it('answers ASP.NET\'s 400 for an id that is not an integer', async () => {
    const res = await h.get('/v1/Contacts/abc');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ Message: 'The request is invalid.' });
  });

  it('routes paths case-insensitively and with a trailing slash, as ASP.NET does', async () => {
    expect((await h.get('/v1/contacts/1')).status).toBe(200);
    expect((await h.get('/V1/CONTACTS/?rows=1')).status).toBe(200);
  });

  it('answers 404 with ASP.NET\'s Message object for an unknown resource', async () => {
    const res = await h.get('/v1/SalesPeople');
    expect(res.status).toBe(404);
    expect(res.body.Message).toMatch(/^No HTTP resource was found that matches the request URI '.*\/api\/v1\/SalesPeople'\.$/);
  });

  it('answers 405 for verbs a route does not serve', async () => {
    const routes = wire().routes;
    expect(routes['Contacts']!.collection).not.toContain('DELETE');
    expect((await h.send('DELETE', '/v1/Contacts')).status).toBe(405);
    expect((await h.send('PATCH', '/v1/Contacts/1', {})).status).toBe(405);
    expect((await h.send('POST', '/v1/Users', [{ firstName: 'x' }])).status).toBe(405);
    expect((await h.send('DELETE', '/v1/Quotes/1')).status).toBe(405);
  });

  it('answers JSON with UTC dates in yyyy-MM-ddTHH:mm:ssZ', async () => {
    const res = await h.get('/v1/Contacts/1');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.body.createdDate).toMatch(new RegExp(wire().dates.pattern));
  });
});
