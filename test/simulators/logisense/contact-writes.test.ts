import { entityProblems, fixture, shapeProblems, type EntityFixture, type EnvelopeFixture } from './support/contract';
import { dig, object, objects, NOTES_LAYOUT, startSimulator, type Harness } from './support/harness';
import { contactTypeId, pointTypeId } from './support/lookups';

const contactFx = fixture<EntityFixture>('contact.json');
const env = fixture<EnvelopeFixture>('envelopes.json');

describe('LogiSense simulator: Contact writes', () => {
  let h: Harness;
  let shipping: number;
  let billing: number;
  let shippingEmail: number;
  let shippingPhone: number;
  let billingEmail: number;
  beforeAll(async () => {
    h = await startSimulator({ accounts: 4, switches: NOTES_LAYOUT });
    shipping = await contactTypeId(h, 'Shipping');
    billing = await contactTypeId(h, 'Billing');
    shippingEmail = await pointTypeId(h, 'Shipping', 'email');
    shippingPhone = await pointTypeId(h, 'Shipping', 'phone');
    billingEmail = await pointTypeId(h, 'Billing', 'email');
  });
  afterAll(() => h.close());

  it('creates a contact with POST Contact and answers 200 with the create envelope', async () => {
    const answer = await h.call('POST', 'Contact', { body: { contactTypeId: shipping, title: 'Ms.', firstName: 'Ada', lastName: 'Byron', isUsedForTax: false } });
    expect(answer.status).toBe(200);
    expect(shapeProblems(answer.body, env.shapes['create']!)).toEqual([]);
    const [first] = objects(dig(answer.body, 'results', 'items'));
    expect(shapeProblems(first, env.shapes['createItem']!)).toEqual([]);
    expect(first?.['dtoTypeKey']).toBe('contact');
    expect(entityProblems(first?.['instance'], contactFx)).toEqual([]);
    expect(dig(first, 'instance', 'contactTypeName')).toBe('Shipping');
    const stored = h.sim.store.contact(Number(first?.['identity']));
    expect(stored?.lastName).toBe('Byron');
    expect(h.sim.store.accountsOfContact(Number(first?.['identity']))).toEqual([]);
  });

  it('coerces a numeric string to a number, as the vendor does', async () => {
    const answer = await h.call('POST', 'Contact', { body: { contactTypeId: String(shipping), lastName: 'Coerced' } });
    expect(answer.status).toBe(200);
    expect(dig(answer.body, 'results', 'items', 0, 'instance', 'contactTypeId')).toBe(shipping);
  });

  it('creates contact points and an address nested in the POST body under details', async () => {
    const answer = await h.call('POST', 'Contact', {
      body: {
        contactTypeId: shipping,
        firstName: 'Nested',
        lastName: 'Points',
        details: {
          contactPoints: {
            items: [
              { patchType: 'create', patchClientId: 1, contactPointTypeId: shippingEmail, value: 'nested@example.com' },
              { patchType: 'create', patchClientId: 2, contactPointTypeId: shippingPhone, value: '+1-555-0100' },
            ],
          },
          address: { items: [{ patchType: 'create', patchClientId: 3, countryId: 1, stateId: 1, cityName: 'Springfield', zipCode: '90001', address1: '1 Main St' }] },
        },
      },
    });
    expect(answer.status).toBe(200);
    const items = objects(dig(answer.body, 'results', 'items'));
    expect(items.map((i) => [i['dtoTypeKey'], i['action'], i['patchClientId']])).toEqual([
      ['contact', 'created', undefined],
      ['contactPoint', 'created', 1],
      ['contactPoint', 'created', 2],
      ['address', 'created', 3],
    ]);
    const id = Number(items[0]?.['identity']);
    const detail = await h.get(`Contact/${id}/Detail`);
    expect(objects(dig(detail.body, 'instance', 'details', 'contactPoints')).map((p) => p['value'])).toEqual(['nested@example.com', '+1-555-0100']);
    expect(dig(detail.body, 'instance', 'details', 'address', 'stateName')).toBe('California');
  });

  it('reports every validation problem of a POST in one 400 answer and writes nothing', async () => {
    const before = h.sim.store.contacts().length;
    const answer = await h.call('POST', 'Contact', {
      body: {
        title: 42,
        isUsedForTax: 'maybe',
        details: {
          contactPoints: { items: [{ patchType: 'create', contactPointTypeId: 999, value: 'x' }, { patchType: 'explode' }] },
        },
      },
    });
    expect(answer.status).toBe(400);
    expect(shapeProblems(answer.body, env.shapes['error']!)).toEqual([]);
    expect(answer.body['type']).toBe('create');
    const errors = objects(answer.body['errors']);
    for (const e of errors) expect(shapeProblems(e, env.shapes['errorItem']!)).toEqual([]);
    for (const e of errors) expect(String(e['code'])).toHaveLength(env.errorCodeDigits);
    const messages = errors.map((e) => String(e['message']));
    expect(messages).toEqual(
      expect.arrayContaining([
        'isUsedForTax must be true or false; got "maybe".',
        'contactTypeId is required.',
        "details.contactPoints.items[1].patchType 'explode' is not supported here; use one of create.",
        'details.contactPoints.items[0].contactPointTypeId 999 does not refer to an existing ContactPointType.',
      ]),
    );
    expect(errors.length).toBeGreaterThanOrEqual(4);
    expect(h.sim.store.contacts().length).toBe(before);
  });

  it('refuses a contact point type configured for another contact type', async () => {
    const answer = await h.call('POST', 'Contact', {
      body: { contactTypeId: shipping, details: { contactPoints: { items: [{ patchType: 'create', contactPointTypeId: billingEmail, value: 'a@b.example' }] } } },
    });
    expect(answer.status).toBe(400);
    expect(String(dig(answer.body, 'errors', 0, 'message'))).toContain("is configured for ContactType 'Billing', not 'Shipping'");
  });

  it('requires an e-mail contact point on a Billing contact', async () => {
    const answer = await h.call('POST', 'Contact', { body: { contactTypeId: billing, lastName: 'NoMail' } });
    expect(answer.status).toBe(400);
    expect(String(dig(answer.body, 'errors', 0, 'message'))).toContain("needs a contact point of type 'email'");
  });

  it('refuses an unknown contactTypeId with 400', async () => {
    const answer = await h.call('POST', 'Contact', { body: { contactTypeId: 77 } });
    expect(answer.status).toBe(400);
    expect(dig(answer.body, 'errors', 0, 'message')).toBe('contactTypeId 77 does not refer to an existing ContactType.');
  });

  it('updates only the supplied fields with PUT and answers type "update"', async () => {
    const contact = h.sim.store.contacts().find((c) => c.contactTypeId === shipping && c.firstName !== null);
    const answer = await h.call('PUT', `Contact/${contact?.identity}`, { body: { identity: contact?.identity, lastName: 'Putnam' } });
    expect(answer.status).toBe(200);
    expect(shapeProblems(answer.body, env.shapes['update']!)).toEqual([]);
    const [first] = objects(dig(answer.body, 'results', 'items'));
    expect(first?.['action']).toBe('updated');
    expect(dig(first, 'instance', 'lastName')).toBe('Putnam');
    expect(dig(first, 'instance', 'firstName')).toBe(contact?.firstName);
  });

  it('refuses a PUT whose body identity differs from the route id', async () => {
    const answer = await h.call('PUT', 'Contact/20001', { body: { identity: 20002, lastName: 'X' } });
    expect(answer.status).toBe(400);
    expect(answer.body['type']).toBe('update');
  });

  it('answers 404 for PUT and PATCH of an unknown contact', async () => {
    expect((await h.call('PUT', 'Contact/99999', { body: { lastName: 'X' } })).status).toBe(404);
    expect((await h.call('PATCH', 'Contact/99999', { body: {} })).status).toBe(404);
  });

  it('creates, updates and deletes contact points with PATCH Contact/{id} in one call', async () => {
    const created = await h.call('POST', 'Contact', {
      body: { contactTypeId: shipping, lastName: 'Patchy', details: { contactPoints: { items: [{ patchType: 'create', contactPointTypeId: shippingEmail, value: 'old@example.com' }, { patchType: 'create', contactPointTypeId: shippingPhone, value: '+1-555-0101' }] } } },
    });
    const items = objects(dig(created.body, 'results', 'items'));
    const id = Number(items[0]?.['identity']);
    const emailId = Number(items[1]?.['identity']);
    const phoneId = Number(items[2]?.['identity']);
    const answer = await h.call('PATCH', `Contact/${id}`, {
      body: {
        firstName: 'Now',
        details: {
          contactPoints: {
            items: [
              { patchType: 'update', patchClientId: 10, identity: emailId, value: 'new@example.com' },
              { patchType: 'delete', patchClientId: 11, identity: phoneId },
              { patchType: 'create', patchClientId: 12, contactPointTypeId: shippingEmail, value: 'second@example.com' },
            ],
          },
        },
      },
    });
    expect(answer.status).toBe(200);
    expect(shapeProblems(answer.body, env.shapes['patch']!)).toEqual([]);
    const results = objects(dig(answer.body, 'results', 'items'));
    for (const r of results) expect(shapeProblems(r, env.shapes['patchItem']!)).toEqual([]);
    expect(results.map((r) => [r['dtoTypeKey'], r['action'], r['patchClientId']])).toEqual([
      ['contact', 'updated', undefined],
      ['contactPoint', 'updated', 10],
      ['contactPoint', 'deleted', 11],
      ['contactPoint', 'created', 12],
    ]);
    expect(dig(answer.body, 'results', 'totalCount')).toBe(4);
    expect(h.sim.store.contactPointsOf(id).map((p) => p.value)).toEqual(['new@example.com', 'second@example.com']);
  });

  it('reports malformed PATCH child items all together', async () => {
    const answer = await h.call('PATCH', 'Contact/20001', {
      body: {
        details: {
          contactPoints: { items: [{ value: 'no type' }, { patchType: 'update', value: 'x' }, { patchType: 'delete', identity: 1 }, 'text'] },
          address: { rows: [] },
        },
      },
    });
    expect(answer.status).toBe(400);
    expect(objects(answer.body['errors']).map((e) => e['message'])).toEqual([
      'details.contactPoints.items[0].patchType is required.',
      'details.contactPoints.items[3] must be an object.',
      'details.address must be an object with an items array.',
      "details.contactPoints.items[1].identity is required for patchType 'update'.",
      'details.contactPoints.items[2].identity 1 is not a contact point of contact 20001.',
    ]);
  });

  it('reports a contact untouched by a children-only PATCH as "retrieved"', async () => {
    const answer = await h.call('PATCH', 'Contact/20001', { body: { details: {} } });
    expect(dig(answer.body, 'results', 'items', 0, 'action')).toBe('retrieved');
  });

  it('attaches, detaches and deletes an address through PATCH children', async () => {
    const seeded = h.sim.store.contacts().find((c) => c.addressId !== null);
    const target = h.sim.store.contacts().find((c) => c.addressId === null);
    const addressId = seeded?.addressId ?? 0;
    const attach = await h.call('PATCH', `Contact/${target?.identity}`, { body: { details: { address: { items: [{ patchType: 'attach', identity: addressId }] } } } });
    expect(attach.status).toBe(200);
    expect(dig(attach.body, 'results', 'items', 1, 'action')).toBe('attached');
    expect(h.sim.store.contact(target?.identity ?? 0)?.addressId).toBe(addressId);
    const detach = await h.call('PATCH', `Contact/${target?.identity}`, { body: { details: { address: { items: [{ patchType: 'detach', identity: addressId }] } } } });
    expect(dig(detach.body, 'results', 'items', 1, 'action')).toBe('detached');
    expect(h.sim.store.contact(target?.identity ?? 0)?.addressId).toBeNull();
    expect(h.sim.store.contact(seeded?.identity ?? 0)?.addressId).toBe(addressId);
  });

  it('refuses a second address and a US address without a state, in one answer', async () => {
    const seeded = h.sim.store.contacts().find((c) => c.addressId !== null);
    const answer = await h.call('PATCH', `Contact/${seeded?.identity}`, {
      body: { details: { address: { items: [{ patchType: 'create', countryId: 1, cityName: 'X', zipCode: '1' }] } } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body['type']).toBe('patch');
    expect(objects(answer.body['errors']).map((e) => e['message'])).toEqual([
      expect.stringContaining('already has an address'),
    ]);
    const target = h.sim.store.contacts().find((c) => c.addressId === null);
    const noState = await h.call('PATCH', `Contact/${target?.identity}`, {
      body: { details: { address: { items: [{ patchType: 'create', countryId: 1 }] } } },
    });
    expect(objects(noState.body['errors']).map((e) => e['message'])).toEqual([
      'details.address.items[0].stateId is required for addresses in United States.',
      'details.address.items[0].cityName is required for addresses in United States.',
      'details.address.items[0].zipCode is required for addresses in United States.',
    ]);
  });

  it('refuses to change contactTypeId while contact points of the old type remain', async () => {
    const withPoints = h.sim.store.contacts().find((c) => c.contactTypeId === shipping && h.sim.store.contactPointsOf(c.identity).length > 0);
    const answer = await h.call('PUT', `Contact/${withPoints?.identity}`, { body: { contactTypeId: await contactTypeId(h, 'Technical') } });
    expect(answer.status).toBe(400);
    expect(String(dig(answer.body, 'errors', 0, 'message'))).toContain('belongs to another ContactType');
  });

  it('refuses to turn a second contact of an account into its Billing contact', async () => {
    const account = h.sim.store.accounts().find((a) => a.contactIds.length >= 2);
    const second = h.sim.store.contact(account?.contactIds[1] ?? 0);
    const answer = await h.call('PATCH', `Contact/${second?.identity}`, {
      body: {
        contactTypeId: billing,
        details: {
          contactPoints: {
            items: [
              ...h.sim.store.contactPointsOf(second?.identity ?? 0).map((p) => ({ patchType: 'delete', identity: p.identity })),
              { patchType: 'create', contactPointTypeId: billingEmail, value: 'billing2@example.com' },
            ],
          },
        },
      },
    });
    expect(answer.status).toBe(400);
    expect(objects(answer.body['errors']).map((e) => e['message'])).toEqual([
      `Account ${account?.identity} would have 2 Billing contacts; an account has at most one.`,
    ]);
  });

  it('ignores read-only and unknown fields on write, as a .NET deserializer would', async () => {
    const answer = await h.call('POST', 'Contact', { body: { contactTypeId: shipping, lastName: 'Quiet', identity: 5, contactTypeName: 'X', accountId: 10001 } });
    expect(answer.status).toBe(200);
    const id = Number(dig(answer.body, 'results', 'items', 0, 'identity'));
    expect(id).not.toBe(5);
    expect(h.sim.store.accountsOfContact(id)).toEqual([]);
  });

  it('rejects read-only and unknown fields when the extraFields switch says reject', async () => {
    h.sim.switches.extraFields = 'reject';
    try {
      const answer = await h.call('POST', 'Contact', { body: { contactTypeId: shipping, contactTypeName: 'X', accountId: 10001 } });
      expect(answer.status).toBe(400);
      expect(objects(answer.body['errors']).map((e) => e['message'])).toEqual([
        'contactTypeName is read-only.',
        'accountId is not a property of this object.',
      ]);
    } finally {
      h.sim.switches.extraFields = 'ignore';
    }
  });

  it('answers 415 for a write body that is not JSON and 400 for broken JSON', async () => {
    const notJson = await h.call('POST', 'Contact', { body: 'a=b', headers: { 'content-type': 'text/plain' } });
    expect(notJson.status).toBe(415);
    const broken = await h.call('POST', 'Contact', { body: '{"contactTypeId":' });
    expect(broken.status).toBe(400);
    expect(object(objects(broken.body['errors'])[0])['message']).toBe('The request body is not valid JSON.');
  });
});
