import { DEFAULT_SWITCHES } from '../../../src/simulators/logisense';
import { dig, objects, startSimulator, type Harness } from './support/harness';
import { contactTypeId, pointTypeId } from './support/lookups';

describe('LogiSense simulator: switches for the open questions', () => {
  let h: Harness;
  let shipping: number;
  let shippingEmail: number;
  beforeAll(async () => {
    h = await startSimulator({ accounts: 3 });
    shipping = await contactTypeId(h, 'Shipping');
    shippingEmail = await pointTypeId(h, 'Shipping', 'email');
  });
  afterEach(() => Object.assign(h.sim.switches, DEFAULT_SWITCHES));
  afterAll(() => h.close());

  it('defaults to the readings the notes rank first, and to seed 004 for PATCH', () => {
    expect(DEFAULT_SWITCHES).toMatchObject({
      tokenLifetimeSeconds: 1800,
      contactLink: 'accountPatchCreate',
      accountContactsKey: 'contacts',
      contactPointsKey: 'contactPoints',
      patchChildrenAt: 'topLevel',
      echoPatchClientId: false,
      patchParentItem: 'whenChanged',
      writeItemShape: 'wrapped',
      singleGetShape: 'instance',
      pagedShape: 'pagedResults',
    });
  });

  it('answers GET X/{id} as a one-item list when singleGetShape is list', async () => {
    h.sim.switches.singleGetShape = 'list';
    const answer = await h.get('Contact/20001');
    expect(answer.body['totalCount']).toBe(1);
    expect(dig(answer.body, 'items', 0, 'identity')).toBe(20001);
    expect(answer.body).not.toHaveProperty('instance');
  });

  it('answers create and update items as bare objects when writeItemShape is bare, as seed 004 shows', async () => {
    h.sim.switches.writeItemShape = 'bare';
    const created = await h.call('POST', 'Contact', { body: { contactTypeId: shipping, lastName: 'Bare' } });
    const item = dig(created.body, 'results', 'items', 0);
    expect(item).toMatchObject({ lastName: 'Bare', contactTypeId: shipping });
    expect(item).not.toHaveProperty('action');
    const patched = await h.call('PATCH', 'Contact/20001', { body: { title: 'Mx.' } });
    expect(dig(patched.body, 'results', 'items', 0, 'action')).toBe('updated');
  });

  it('reads PATCH children inside details when patchChildrenAt is details, as the notes read a v6 client', async () => {
    h.sim.switches.patchChildrenAt = 'details';
    const answer = await h.call('PATCH', 'Account/10001', {
      body: { details: { contacts: { items: [{ patchType: 'create', patchClientId: 1, contactTypeId: shipping, lastName: 'Nested' }] } } },
    });
    expect(answer.status).toBe(200);
    expect(dig(answer.body, 'results', 'items', 0, 'dtoTypeKey')).toBe('contact');
    const ignored = await h.call('PATCH', 'Account/10001', {
      body: { details: {}, contacts: { items: [{ patchType: 'create', contactTypeId: shipping, lastName: 'TopLevel' }] } },
    });
    expect(objects(dig(ignored.body, 'results', 'items'))).toHaveLength(0);
  });

  it('echoes patchClientId and lists an untouched parent as retrieved when the switches say so', async () => {
    h.sim.switches.echoPatchClientId = true;
    h.sim.switches.patchParentItem = 'always';
    const answer = await h.call('PATCH', 'Account/10001', {
      body: { details: {}, contacts: { items: [{ patchType: 'create', patchClientId: 4, contactTypeId: shipping, lastName: 'Echo' }] } },
    });
    expect(objects(dig(answer.body, 'results', 'items')).map((i) => [i['dtoTypeKey'], i['action'], i['patchClientId']])).toEqual([
      ['account', 'retrieved', undefined],
      ['contact', 'created', 4],
    ]);
  });

  it('uses the accountContactsKey switch for PATCH bodies and Account detail alike', async () => {
    h.sim.switches.accountContactsKey = 'contact';
    const answer = await h.call('PATCH', 'Account/10002', {
      body: { details: {}, contact: { items: [{ patchType: 'create', contactTypeId: shipping, lastName: 'Singular' }] } },
    });
    expect(objects(dig(answer.body, 'results', 'items'))).toHaveLength(1);
    const detail = await h.get('Account/10002/Detail');
    expect(objects(dig(detail.body, 'instance', 'details', 'contact')).map((c) => c['lastName'])).toContain('Singular');
  });

  it('silently drops children under a key the server does not know, as a .NET server would', async () => {
    const answer = await h.call('PATCH', 'Account/10003', {
      body: { details: {}, contactList: { items: [{ patchType: 'create', contactTypeId: shipping }] } },
    });
    expect(answer.status).toBe(200);
    expect(objects(dig(answer.body, 'results', 'items'))).toHaveLength(0);
  });

  it('uses the contactPointsKey switch for contact point children', async () => {
    h.sim.switches.contactPointsKey = 'contactPoint';
    const answer = await h.call('POST', 'Contact', {
      body: { contactTypeId: shipping, contactPoint: { items: [{ patchType: 'create', contactPointTypeId: shippingEmail, value: 'singular@example.com' }] } },
    });
    expect(objects(dig(answer.body, 'results', 'items')).map((i) => i['dtoTypeKey'])).toEqual(['contact', 'contactPoint']);
  });

  it('lets a Billing contact go without an e-mail when enforceRequiredContactPoints is off', async () => {
    h.sim.switches.enforceRequiredContactPoints = false;
    const answer = await h.call('POST', 'Contact', { body: { contactTypeId: await contactTypeId(h, 'Billing'), lastName: 'NoMail' } });
    expect(answer.status).toBe(200);
  });
});
