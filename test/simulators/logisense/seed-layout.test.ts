import { DEFAULT_SWITCHES } from '../../../src/simulators/logisense';
import { fixture, shapeProblems, type EnvelopeFixture } from './support/contract';
import { dig, objects, startSimulator, type Harness } from './support/harness';
import { contactTypeId, pointTypeId } from './support/lookups';

const env = fixture<EnvelopeFixture>('envelopes.json');
const sample = env.patchSample;

/**
 * The default PATCH layout is seed 004's one v6 sample: children beside an empty `details`, and
 * an answer whose items name what was created by `dtoTypeKey` and `action` only (no
 * `patchClientId` echo, no item for the untouched parent).
 */
describe('LogiSense simulator: PATCH in the seed 004 layout (the default)', () => {
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

  const seedBody = (child: Record<string, unknown>): Record<string, unknown> => ({
    details: sample.details,
    [sample.childKey]: { [sample.itemsKey]: [{ patchType: 'create', patchClientId: 1, ...child }] },
  });

  it('creates a contact under the account from the sample body and answers as the sample does', async () => {
    const body = seedBody({ contactTypeId: shipping, title: 'Mr.', firstName: 'John', lastName: 'Sample' });
    expect(Object.keys(body)).toEqual(sample.requestKeys);
    const answer = await h.call('PATCH', 'Account/10001', { body });
    expect(answer.status).toBe(200);
    expect(shapeProblems(answer.body, env.shapes['patch']!)).toEqual([]);
    expect(dig(answer.body, 'results', 'totalCount')).toBe(sample.answerTotalCount);
    const [created] = objects(dig(answer.body, 'results', 'items'));
    expect(Object.keys(created!).sort()).toEqual([...sample.answerItemKeys].sort());
    for (const key of sample.answerItemAbsent) expect(created).not.toHaveProperty(key);
    expect(created).toMatchObject({ action: sample.createdAction, dtoTypeKey: sample.createdDtoTypeKey });
    expect(h.sim.store.contactsOfAccount(10001).map((c) => c.identity)).toContain(created!['identity']);
  });

  it('creates grandchild contact points beside the item fields, each answered as its own created item', async () => {
    const answer = await h.call('PATCH', 'Account/10002', {
      body: seedBody({
        contactTypeId: shipping,
        lastName: 'Pointed',
        contactPoints: { items: [{ patchType: 'create', patchClientId: 2, contactPointTypeId: shippingEmail, value: 'pointed@seed.example' }] },
      }),
    });
    expect(answer.status).toBe(200);
    const items = objects(dig(answer.body, 'results', 'items'));
    expect(items.map((i) => [i['dtoTypeKey'], i['action'], i['patchClientId']])).toEqual([
      ['contact', 'created', undefined],
      ['contactPoint', 'created', undefined],
    ]);
    expect(dig(items[1], 'instance', 'contactId')).toBe(items[0]!['identity']);
    expect(h.sim.store.contactPointsOf(Number(items[0]!['identity'])).map((p) => p.value)).toEqual(['pointed@seed.example']);
  });

  it('does not read children nested inside details: ignored by default, refused with extraFields reject', async () => {
    const nested = { details: { contacts: { items: [{ patchType: 'create', contactTypeId: shipping, lastName: 'Nested' }] } } };
    const before = h.sim.store.contacts().length;
    const ignored = await h.call('PATCH', 'Account/10003', { body: nested });
    expect(ignored.status).toBe(200);
    expect(objects(dig(ignored.body, 'results', 'items'))).toEqual([]);
    h.sim.switches.extraFields = 'reject';
    const refused = await h.call('PATCH', 'Account/10003', { body: nested });
    expect(refused.status).toBe(400);
    expect(String(dig(refused.body, 'errors', 0, 'message'))).toContain('details.contacts is not a child of this object');
    expect(h.sim.store.contacts()).toHaveLength(before);
  });
});
