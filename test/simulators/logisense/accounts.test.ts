import { entityProblems, fixture, shapeProblems, type EntityFixture, type EnvelopeFixture } from './support/contract';
import { dig, objects, pagination, NOTES_LAYOUT, startSimulator, type Harness } from './support/harness';
import { contactTypeId, pointTypeId } from './support/lookups';

const accountFx = fixture<EntityFixture>('account.json');
const contactFx = fixture<EntityFixture>('contact.json');
const env = fixture<EnvelopeFixture>('envelopes.json');

describe('LogiSense simulator: Account reads', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSimulator({ accounts: 6 });
  });
  afterAll(() => h.close());

  it('lists accounts with the documented v6 fields and no currencyCode', async () => {
    const answer = await h.get('Account');
    expect(shapeProblems(answer.body, env.shapes['list']!)).toEqual([]);
    const items = objects(answer.body['items']);
    expect(items).toHaveLength(6);
    for (const a of items) expect(entityProblems(a, accountFx)).toEqual([]);
  });

  it('fills every xxxName from the referenced row', async () => {
    const account = (await h.get('Account/10001')).body['instance'];
    const currencies = objects((await h.get('Currency')).body['items']);
    const currency = currencies.find((c) => c['identity'] === dig(account, 'currencyId'));
    expect(dig(account, 'currencyName')).toBe(currency?.['name']);
    expect(dig(account, 'accountStatusTypeName')).toEqual(expect.any(String));
    expect(dig(account, 'billGroupName')).toEqual(expect.any(String));
  });

  it('serves Account/Paged in the paged envelope', async () => {
    const answer = await h.get('Account/Paged', pagination(2, 4));
    expect(shapeProblems(answer.body, env.shapes['paged']!)).toEqual([]);
    expect(objects(dig(answer.body, 'pagedResults', 'items')).map((a) => a['identity'])).toEqual([10005, 10006]);
  });

  it('embeds the account contacts with their contact points in Account/{id}/Detail', async () => {
    const answer = await h.get('Account/10001/Detail');
    const contacts = objects(dig(answer.body, 'instance', 'details', 'contacts'));
    expect(contacts.map((c) => c['identity'])).toEqual(h.sim.store.account(10001)?.contactIds);
    for (const c of contacts) expect(entityProblems(c, contactFx, { detail: true })).toEqual([]);
    expect(objects(dig(contacts[0], 'details', 'contactPoints')).some((p) => p['contactPointTypeName'] === 'email')).toBe(true);
  });

  it('has no DELETE for accounts', async () => {
    expect((await h.call('DELETE', 'Account/10001')).status).toBe(405);
  });
});

describe('LogiSense simulator: Account writes and the contact link', () => {
  let h: Harness;
  let shipping: number;
  let billing: number;
  let shippingEmail: number;
  let billingEmail: number;
  beforeAll(async () => {
    h = await startSimulator({ accounts: 3, switches: NOTES_LAYOUT });
    shipping = await contactTypeId(h, 'Shipping');
    billing = await contactTypeId(h, 'Billing');
    shippingEmail = await pointTypeId(h, 'Shipping', 'email');
    billingEmail = await pointTypeId(h, 'Billing', 'email');
  });
  afterAll(() => h.close());

  it('creates an account with POST and defaults the currency to the isDefault one', async () => {
    const answer = await h.call('POST', 'Account', { body: { name: 'Fresh Account Ltd.' } });
    expect(answer.status).toBe(200);
    expect(shapeProblems(answer.body, env.shapes['create']!)).toEqual([]);
    const instance = dig(answer.body, 'results', 'items', 0, 'instance');
    expect(entityProblems(instance, accountFx)).toEqual([]);
    const defaultCurrency = h.sim.store.currencies().find((c) => c.isDefault);
    expect(dig(instance, 'currencyId')).toBe(defaultCurrency?.identity);
    expect(dig(answer.body, 'results', 'items', 0, 'dtoTypeKey')).toBe('account');
  });

  it('reports a missing name and bad references of a new account in one answer', async () => {
    const answer = await h.call('POST', 'Account', { body: { currencyId: 99, accountStatusTypeId: 98, billGroupId: 'x' } });
    expect(answer.status).toBe(400);
    expect(objects(answer.body['errors']).map((e) => e['message'])).toEqual([
      'billGroupId must be a positive whole number; got "x".',
      'name is required.',
      'currencyId 99 does not refer to an existing Currency.',
      'accountStatusTypeId 98 does not refer to an existing AccountStatusType.',
    ]);
  });

  it('links a new contact, its e-mail and its address to an account in one PATCH Account/{id}', async () => {
    const answer = await h.call('PATCH', 'Account/10002', {
      body: {
        details: {
          contacts: {
            items: [
              {
                patchType: 'create',
                patchClientId: 7,
                contactTypeId: shipping,
                firstName: 'Linked',
                lastName: 'Person',
                details: {
                  contactPoints: { items: [{ patchType: 'create', patchClientId: 8, contactPointTypeId: shippingEmail, value: 'linked@example.com' }] },
                  address: { items: [{ patchType: 'create', patchClientId: 9, countryId: 3, cityName: 'London', zipCode: 'SW1A 1AA' }] },
                },
              },
            ],
          },
        },
      },
    });
    expect(answer.status).toBe(200);
    const items = objects(dig(answer.body, 'results', 'items'));
    expect(items.map((i) => [i['dtoTypeKey'], i['action'], i['patchClientId']])).toEqual([
      ['account', 'retrieved', undefined],
      ['contact', 'created', 7],
      ['contactPoint', 'created', 8],
      ['address', 'created', 9],
    ]);
    const contactId = Number(items[1]?.['identity']);
    expect(h.sim.store.accountsOfContact(contactId).map((a) => a.identity)).toEqual([10002]);
    const detail = await h.get('Account/10002/Detail');
    const linked = objects(dig(detail.body, 'instance', 'details', 'contacts')).find((c) => c['identity'] === contactId);
    expect(dig(linked, 'details', 'contactPoints', 0, 'value')).toBe('linked@example.com');
  });

  it('creates an account together with its Billing contact in one POST', async () => {
    const answer = await h.call('POST', 'Account', {
      body: {
        name: 'With Contacts Inc.',
        details: { contacts: { items: [{ patchType: 'create', contactTypeId: billing, lastName: 'Payer', details: { contactPoints: { items: [{ patchType: 'create', contactPointTypeId: billingEmail, value: 'payer@example.com' }] } } }] } },
      },
    });
    expect(answer.status).toBe(200);
    const accountId = Number(dig(answer.body, 'results', 'items', 0, 'identity'));
    expect(h.sim.store.contactsOfAccount(accountId).map((c) => c.lastName)).toEqual(['Payer']);
  });

  it('refuses a second Billing contact on an account and changes nothing', async () => {
    const before = h.sim.store.contacts().length;
    const answer = await h.call('PATCH', 'Account/10001', {
      body: { details: { contacts: { items: [{ patchType: 'create', contactTypeId: billing, details: { contactPoints: { items: [{ patchType: 'create', contactPointTypeId: billingEmail, value: 'b2@example.com' }] } } }] } } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body['type']).toBe('patch');
    expect(objects(answer.body['errors']).map((e) => e['message'])).toEqual(['Account 10001 would have 2 Billing contacts; an account has at most one.']);
    expect(h.sim.store.contacts().length).toBe(before);
  });

  it('updates a child contact and deletes another with their cascade listed', async () => {
    const [first, , third] = h.sim.store.account(10001)?.contactIds ?? [];
    const extra = await h.call('PATCH', 'Account/10001', { body: { details: { contacts: { items: [{ patchType: 'create', contactTypeId: shipping, lastName: 'Temp', details: { contactPoints: { items: [{ patchType: 'create', contactPointTypeId: shippingEmail, value: 'temp@example.com' }] } } }] } } } });
    const tempId = Number(dig(extra.body, 'results', 'items', 1, 'identity'));
    const answer = await h.call('PATCH', 'Account/10001', {
      body: {
        name: 'Renamed Account',
        details: {
          contacts: {
            items: [
              { patchType: 'update', patchClientId: 1, identity: first, title: 'Dr.' },
              { patchType: 'delete', patchClientId: 2, identity: tempId },
            ],
          },
        },
      },
    });
    expect(answer.status).toBe(200);
    const items = objects(dig(answer.body, 'results', 'items'));
    expect(items.map((i) => [i['dtoTypeKey'], i['action']])).toEqual([
      ['account', 'updated'],
      ['contact', 'updated'],
      ['contact', 'deleted'],
      ['contactPoint', 'deleted'],
    ]);
    expect(h.sim.store.contact(tempId)).toBeUndefined();
    expect(h.sim.store.contact(first ?? 0)?.title).toBe('Dr.');
    expect(h.sim.store.account(10001)?.name).toBe('Renamed Account');
    expect(third === undefined || h.sim.store.contact(third) !== undefined).toBe(true);
  });

  it('refuses to update or delete a contact that is not a child of the account', async () => {
    const foreign = h.sim.store.account(10003)?.contactIds[0];
    const answer = await h.call('PATCH', 'Account/10001', { body: { details: { contacts: { items: [{ patchType: 'delete', identity: foreign }] } } } });
    expect(answer.status).toBe(400);
    expect(dig(answer.body, 'errors', 0, 'message')).toBe(`details.contacts.items[0].identity ${foreign} is not a contact of account 10001.`);
  });

  it('refuses attach and detach of contacts unless the contactLink switch allows them', async () => {
    const orphan = await h.call('POST', 'Contact', { body: { contactTypeId: shipping, lastName: 'Orphan' } });
    const orphanId = Number(dig(orphan.body, 'results', 'items', 0, 'identity'));
    const attach = { details: { contacts: { items: [{ patchType: 'attach', identity: orphanId }] } } };
    const refused = await h.call('PATCH', 'Account/10003', { body: attach });
    expect(refused.status).toBe(400);
    h.sim.switches.contactLink = 'accountPatchCreateOrAttach';
    try {
      const accepted = await h.call('PATCH', 'Account/10003', { body: attach });
      expect(accepted.status).toBe(200);
      expect(dig(accepted.body, 'results', 'items', 1, 'action')).toBe('attached');
      expect(h.sim.store.accountsOfContact(orphanId).map((a) => a.identity)).toEqual([10003]);
      const detached = await h.call('PATCH', 'Account/10003', { body: { details: { contacts: { items: [{ patchType: 'detach', identity: orphanId }] } } } });
      expect(dig(detached.body, 'results', 'items', 1, 'action')).toBe('detached');
      expect(h.sim.store.accountsOfContact(orphanId)).toEqual([]);
    } finally {
      h.sim.switches.contactLink = 'accountPatchCreate';
    }
  });

  it('updates account fields with PUT and leaves its contacts alone', async () => {
    const contactsBefore = h.sim.store.account(10003)?.contactIds;
    const answer = await h.call('PUT', 'Account/10003', { body: { name: 'Put Name', details: { contacts: { items: [{ patchType: 'delete', identity: contactsBefore?.[0] }] } } } });
    expect(answer.status).toBe(200);
    expect(answer.body['type']).toBe('update');
    expect(h.sim.store.account(10003)?.name).toBe('Put Name');
    expect(h.sim.store.account(10003)?.contactIds).toEqual(contactsBefore);
  });

  it('keeps lastUpdate in the vendor date format after a write', async () => {
    const answer = await h.call('PUT', 'Account/10002', { body: { name: 'Dated' } });
    expect(String(dig(answer.body, 'results', 'items', 0, 'instance', 'lastUpdate'))).toMatch(new RegExp(env.dates.pattern));
  });
});
