import { entityProblems, fixture, shapeProblems, type EntityFixture, type EnvelopeFixture } from './support/contract';
import { dig, object, objects, pagination, startSimulator, type Harness } from './support/harness';

const contactFx = fixture<EntityFixture>('contact.json');
const env = fixture<EnvelopeFixture>('envelopes.json');

/** "GET Contact/{id}/Detail" → ["GET", "Contact/20001/Detail"] */
const concrete = (route: string, id: number): [string, string] => {
  const [method = '', path = ''] = route.split(' ');
  return [method, path.replace('{id}', String(id)).replace(/\/$/, '')];
};

describe('LogiSense simulator: Contact reads and routes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSimulator({ accounts: 5 });
  });
  afterAll(() => h.close());

  it('lists every contact in the list envelope, each exactly the documented v6 fields', async () => {
    const answer = await h.get('Contact');
    expect(answer.status).toBe(200);
    expect(shapeProblems(answer.body, env.shapes['list']!)).toEqual([]);
    const items = objects(answer.body['items']);
    expect(items).toHaveLength(h.sim.store.contacts().length);
    expect(answer.body['totalCount']).toBe(items.length);
    for (const c of items) expect(entityProblems(c, contactFx)).toEqual([]);
  });

  it('answers GET Contact/{id} with {trackingId, instance}', async () => {
    const answer = await h.get('Contact/20001');
    expect(shapeProblems(answer.body, env.shapes['single']!)).toEqual([]);
    expect(entityProblems(answer.body['instance'], contactFx)).toEqual([]);
    expect(dig(answer.body, 'instance', 'identity')).toBe(20001);
  });

  it('answers GET Contact/{id}/Detail with contact points and address under details', async () => {
    const answer = await h.get('Contact/20001/Detail');
    expect(answer.status).toBe(200);
    expect(entityProblems(answer.body['instance'], contactFx, { detail: true })).toEqual([]);
    const points = objects(dig(answer.body, 'instance', 'details', 'contactPoints'));
    expect(points.length).toBeGreaterThan(0);
    expect(points.every((p) => p['contactId'] === 20001)).toBe(true);
    expect(object(dig(answer.body, 'instance', 'details', 'address'))['countryName']).toEqual(expect.any(String));
  });

  it('answers GET Contact/Paged/Detail with paged contacts carrying their contact points', async () => {
    const answer = await h.get('Contact/Paged/Detail', pagination(1, 4));
    expect(shapeProblems(answer.body, env.shapes['paged']!)).toEqual([]);
    const items = objects(dig(answer.body, 'pagedResults', 'items'));
    expect(items).toHaveLength(4);
    for (const c of items) expect(entityProblems(c, contactFx, { detail: true })).toEqual([]);
  });

  it('leaves unpopulated children out of details', async () => {
    const bare = h.sim.store.contacts().find((c) => c.addressId === null && h.sim.store.contactPointsOf(c.identity).length === 0);
    const withoutAddress = h.sim.store.contacts().find((c) => c.addressId === null);
    expect(withoutAddress).toBeDefined();
    const answer = await h.get(`Contact/${withoutAddress?.identity}/Detail`);
    expect(dig(answer.body, 'instance', 'details')).not.toHaveProperty('address');
    if (bare) expect(dig((await h.get(`Contact/${bare.identity}/Detail`)).body, 'instance', 'details')).toEqual({});
  });

  it.each(contactFx.routes.filter((r) => r.startsWith('GET')))('serves %s', async (route) => {
    const [method, path] = concrete(route, 20001);
    const answer = await h.call(method, path);
    expect(answer.status).toBe(200);
    expect(answer.body['trackingId']).toEqual(expect.any(String));
  });

  it('has no DELETE: DELETE Contact/{id} is 405 and lists the allowed verbs', async () => {
    const answer = await h.call('DELETE', 'Contact/20001');
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toEqual(expect.stringContaining('PATCH'));
    expect(answer.body['trackingId']).toEqual(expect.any(String));
    expect(h.sim.store.contact(20001)).toBeDefined();
  });

  it('has no Search: POST Contact/Search is 404', async () => {
    const answer = await h.call('POST', 'Contact/Search', { body: { query: { search: [] } } });
    expect(answer.status).toBe(404);
  });

  it('answers 404 with an error envelope for an unknown contact id', async () => {
    const answer = await h.get('Contact/99999');
    expect(answer.status).toBe(404);
    expect(shapeProblems(answer.body, env.shapes['error']!)).toEqual([]);
    expect(objects(answer.body['errors'])[0]?.['message']).toBe('Contact 99999 was not found.');
  });

  it('answers 404 for a non-numeric id, as an int route constraint does', async () => {
    expect((await h.get('Contact/abc')).status).toBe(404);
  });

  it('matches resource routes without regard to case', async () => {
    expect((await h.get('contact/paged/detail')).status).toBe(200);
    expect((await h.get('CONTACT/20001')).status).toBe(200);
    expect((await h.get('Contact/')).status).toBe(200);
  });

  it('answers 404 for entities LogiSense does not have, such as Opportunity', async () => {
    expect((await h.get('Opportunity')).status).toBe(404);
    expect((await h.get('Pipeline')).status).toBe(404);
  });

  it('puts a fresh GUID trackingId on every answer', async () => {
    const a = await h.get('Contact/20001');
    const b = await h.get('Contact/20001');
    expect(a.body['trackingId']).not.toBe(b.body['trackingId']);
    const misses = [await h.get('Nope'), await h.call('DELETE', 'Contact/20001'), await h.get('Contact', { authorization: 'Bearer x' })];
    for (const m of misses) expect(m.body['trackingId']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
