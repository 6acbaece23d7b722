import { entityProblems, fixture, shapeProblems, type EntityFixture, type EnvelopeFixture } from './support/contract';
import { dig, objects, startSimulator, type Harness } from './support/harness';
import { pointTypeId } from './support/lookups';

const env = fixture<EnvelopeFixture>('envelopes.json');
const currencyFx = fixture<EntityFixture & { rules: { defaultsPerOwner: number } }>('currency.json');
const contactTypeFx = fixture<EntityFixture & { backEndTypes: { usedOnce: string[]; reusable: string[] } }>('contact-type.json');
const pointTypeFx = fixture<EntityFixture & { names: string[] }>('contact-point-type.json');
const contactFx = fixture<EntityFixture>('contact.json');

describe('LogiSense simulator: reference data and contact points', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSimulator({ accounts: 3 });
  });
  afterAll(() => h.close());

  /** A seeded contact whose type is not Billing, and that type's name. */
  const nonBillingContact = () => {
    const types = new Map(h.sim.store.contactTypes().map((t) => [t.identity, t.name]));
    const contact = h.sim.store.contacts().find((c) => types.get(c.contactTypeId) !== 'Billing');
    if (!contact) throw new Error('the seed has no non-Billing contact');
    return { contact, typeName: types.get(contact.contactTypeId) ?? '' };
  };

  it('lists currencies with the documented fields and exactly one isDefault', async () => {
    const answer = await h.get('Currency');
    expect(shapeProblems(answer.body, env.shapes['list']!)).toEqual([]);
    const items = objects(answer.body['items']);
    for (const c of items) expect(entityProblems(c, currencyFx)).toEqual([]);
    expect(items.filter((c) => c['isDefault'] === true)).toHaveLength(currencyFx.rules.defaultsPerOwner);
    expect(items.map((c) => c['code'])).toEqual(expect.arrayContaining(['USD', 'EUR']));
  });

  it('reads one currency by id', async () => {
    const answer = await h.get('Currency/2');
    expect(entityProblems(answer.body['instance'], currencyFx)).toEqual([]);
  });

  it('lists contact types whose back-end types Billing and Service occur once each', async () => {
    const items = objects((await h.get('ContactType')).body['items']);
    for (const t of items) expect(entityProblems(t, contactTypeFx)).toEqual([]);
    for (const once of contactTypeFx.backEndTypes.usedOnce) {
      expect(items.filter((t) => t['contactTypeTypeName'] === once)).toHaveLength(1);
    }
    expect(items.filter((t) => t['contactTypeTypeName'] === 'Other').length).toBeGreaterThan(1);
  });

  it('configures the email, phone, text and address point types once per contact type', async () => {
    const types = objects((await h.get('ContactType')).body['items']);
    const points = objects((await h.get('ContactPointType')).body['items']);
    for (const p of points) expect(entityProblems(p, pointTypeFx)).toEqual([]);
    for (const t of types) {
      const own = points.filter((p) => p['contactTypeId'] === t['identity']).map((p) => p['name']);
      expect(own.sort()).toEqual([...pointTypeFx.names].sort());
    }
    expect(await pointTypeId(h, 'Billing', 'email')).not.toBe(await pointTypeId(h, 'Shipping', 'email'));
  });

  it('marks the Billing e-mail as required and no other point type', async () => {
    const points = objects((await h.get('ContactPointType')).body['items']);
    expect(points.filter((p) => p['isRequired'] === true).map((p) => [p['contactTypeName'], p['name']])).toEqual([['Billing', 'email']]);
  });

  it('serves the paged read of reference data', async () => {
    const answer = await h.get('ContactPointType/Paged');
    expect(shapeProblems(answer.body, env.shapes['paged']!)).toEqual([]);
  });

  it.each(['AccountStatusType', 'AccountType', 'BillGroup', 'Country', 'State'])('lists %s with exactly one default where it has a default flag', async (entity) => {
    const items = objects((await h.get(entity)).body['items']);
    expect(items.length).toBeGreaterThan(0);
    if ('isDefault' in (items[0] ?? {})) expect(items.filter((i) => i['isDefault'] === true)).toHaveLength(1);
  });

  it('refuses writes to reference data with 405', async () => {
    expect((await h.call('POST', 'Currency', { body: { code: 'JPY' } })).status).toBe(405);
    expect((await h.call('DELETE', 'Currency/1')).status).toBe(405);
  });

  it('reads contact points by list and by id in the Detail child shape', async () => {
    const list = objects((await h.get('ContactPoint')).body['items']);
    expect(list.length).toBe(h.sim.store.contactPoints().length);
    const one = (await h.get(`ContactPoint/${String(list[0]?.['identity'])}`)).body['instance'];
    expect(shapeProblems(one, Object.fromEntries(Object.entries(contactFx.detailChildren?.['contactPoints']?.fields ?? {}).map(([k, f]) => [k, f.type])))).toEqual([]);
  });

  it('creates a contact point for a contact with POST ContactPoint', async () => {
    const { contact, typeName } = nonBillingContact();
    const phone = await pointTypeId(h, typeName, 'phone');
    const answer = await h.call('POST', 'ContactPoint', { body: { contactId: contact.identity, contactPointTypeId: phone, value: '+1-555-0199' } });
    expect(answer.status).toBe(200);
    expect(dig(answer.body, 'results', 'items', 0, 'dtoTypeKey')).toBe('contactPoint');
    expect(h.sim.store.contactPointsOf(contact.identity).map((p) => p.value)).toContain('+1-555-0199');
  });

  it('refuses an address-type contact point: addresses have their own child', async () => {
    const { contact, typeName } = nonBillingContact();
    const address = await pointTypeId(h, typeName, 'address');
    const answer = await h.call('POST', 'ContactPoint', { body: { contactId: contact.identity, contactPointTypeId: address, value: '1 Main St' } });
    expect(answer.status).toBe(400);
    expect(String(dig(answer.body, 'errors', 0, 'message'))).toContain('addresses are written through the address child');
  });

  it('refuses a contact point for an unknown contact and without contactId', async () => {
    const phone = await pointTypeId(h, 'Shipping', 'phone');
    const unknown = await h.call('POST', 'ContactPoint', { body: { contactId: 1, contactPointTypeId: phone, value: 'x' } });
    expect(dig(unknown.body, 'errors', 0, 'message')).toBe('contactId 1 does not refer to an existing Contact.');
    const missing = await h.call('POST', 'ContactPoint', { body: { contactPointTypeId: phone, value: 'x' } });
    expect(dig(missing.body, 'errors', 0, 'message')).toBe('contactId is required.');
  });

  it('updates a contact point value with PUT ContactPoint/{id}', async () => {
    const point = h.sim.store.contactPoints().find((p) => p.contactPointTypeId === 2);
    const answer = await h.call('PUT', `ContactPoint/${point?.identity}`, { body: { value: '+1-555-0111' } });
    expect(answer.status).toBe(200);
    expect(dig(answer.body, 'results', 'items', 0, 'instance', 'value')).toBe('+1-555-0111');
  });

  it('has no DELETE for contact points: they are deleted through PATCH Contact/{id}', async () => {
    const point = h.sim.store.contactPoints()[0];
    expect((await h.call('DELETE', `ContactPoint/${point?.identity}`)).status).toBe(405);
  });
});
