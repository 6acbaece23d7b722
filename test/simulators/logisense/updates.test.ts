import { DEFAULT_SWITCHES } from '../../../src/simulators/logisense';
import { dig, objects, startSimulator, type Harness } from './support/harness';
import { contactTypeId, pointTypeId } from './support/lookups';

const filters = (...names: string[]) => ({ UpdateRequest: JSON.stringify({ filters: names }) });

describe('LogiSense simulator: updates (PUT/PATCH X/{id}, the UpdateRequest header) and the absent deletes', () => {
  let h: Harness;
  let technical: number;
  let technicalEmail: number;
  // A clock that stands still, so two writes can land in the same tick.
  const clock = { ms: Date.parse('2026-03-01T10:00:00.000Z') };
  beforeAll(async () => {
    h = await startSimulator({ accounts: 4, now: () => clock.ms });
    technical = await contactTypeId(h, 'Technical');
    technicalEmail = await pointTypeId(h, 'Technical', 'email');
  });
  afterEach(() => Object.assign(h.sim.switches, DEFAULT_SWITCHES));
  afterAll(() => h.close());

  const technicalContact = () => h.sim.store.contacts().find((c) => c.contactTypeId === technical && c.firstName !== null && c.lastName !== null)!;

  it('writes only the properties the UpdateRequest header names; others in the body stay as they were', async () => {
    const before = technicalContact();
    const answer = await h.call('PATCH', `Contact/${before.identity}`, {
      body: { firstName: 'Filtered', lastName: 'Not written' },
      headers: filters('firstName'),
    });
    expect(answer.status).toBe(200);
    expect(h.sim.store.contact(before.identity)).toEqual({ ...before, firstName: 'Filtered' });
    expect(h.sim.updateRequests().at(-1)).toEqual({ method: 'PATCH', path: `Contact/${before.identity}`, filters: ['firstName'] });
  });

  it('writes every property of the body without the header (optional since v4)', async () => {
    const before = technicalContact();
    const answer = await h.call('PUT', `Contact/${before.identity}`, { body: { firstName: 'Both', lastName: 'Written' } });
    expect(answer.status).toBe(200);
    expect(h.sim.store.contact(before.identity)).toEqual({ ...before, firstName: 'Both', lastName: 'Written' });
    expect(h.sim.updateRequests().at(-1)).toEqual({ method: 'PUT', path: `Contact/${before.identity}`, filters: null });
  });

  it('filters properties only: contact point children of a PATCH are written whatever the header names', async () => {
    const before = technicalContact();
    const answer = await h.call('PATCH', `Contact/${before.identity}`, {
      body: { title: 'Dr.', contactPoints: { items: [{ patchType: 'create', contactPointTypeId: technicalEmail, value: 'child@filter.example' }] } },
      headers: filters('title'),
    });
    expect(answer.status).toBe(200);
    expect(h.sim.store.contact(before.identity)?.title).toBe('Dr.');
    expect(h.sim.store.contactPointsOf(before.identity).map((p) => p.value)).toContain('child@filter.example');
  });

  it('refuses a malformed header, or filters naming unknown, read-only or unsent properties, all in one 400, writing nothing', async () => {
    const before = technicalContact();
    const bad = await h.call('PATCH', `Contact/${before.identity}`, {
      body: { firstName: 'Never' },
      headers: filters('firstName', 'nickname', 'contactTypeName', 'lastName'),
    });
    expect(bad.status).toBe(400);
    expect(bad.body['type']).toBe('patch');
    expect(objects(bad.body['errors']).map((e) => e['message'])).toEqual([
      "UpdateRequest filter 'nickname' is not a property of this object.",
      "UpdateRequest filter 'contactTypeName' is read-only.",
      "UpdateRequest filter 'lastName' names a property the body does not carry.",
    ]);
    const broken = await h.call('PUT', `Account/10001`, { body: { name: 'Never' }, headers: { UpdateRequest: '{filters:' } });
    expect(broken.status).toBe(400);
    expect(broken.body['type']).toBe('update');
    const shape = await h.call('PUT', `Account/10001`, { body: { name: 'Never' }, headers: { UpdateRequest: '{"filters":"name"}' } });
    expect(shape.status).toBe(400);
    expect(h.sim.store.contact(before.identity)).toEqual(before);
    expect(h.sim.store.account(10001)?.name).not.toBe('Never');
  });

  it('ignores the header when the updateRequestHeader switch says so (the notes §8 checklist)', async () => {
    h.sim.switches.updateRequestHeader = 'ignore';
    const before = technicalContact();
    const answer = await h.call('PATCH', `Contact/${before.identity}`, { body: { lastName: 'Unfiltered' }, headers: filters('nickname') });
    expect(answer.status).toBe(200);
    expect(h.sim.store.contact(before.identity)?.lastName).toBe('Unfiltered');
  });

  it('updates an account with PATCH: only the sent property changes, and lastUpdate moves on every write, even within one tick', async () => {
    const before = h.sim.store.account(10002)!;
    const first = await h.call('PATCH', 'Account/10002', { body: { name: 'Renamed Once' }, headers: filters('name') });
    expect(first.status).toBe(200);
    expect(dig(first.body, 'type')).toBe('patch');
    expect(dig(first.body, 'results', 'items', 0, 'action')).toBe('updated');
    const once = h.sim.store.account(10002)!;
    expect(once).toEqual({ ...before, name: 'Renamed Once', lastUpdate: once.lastUpdate });
    expect(once.lastUpdate).toBeGreaterThan(before.lastUpdate);
    await h.call('PATCH', 'Account/10002', { body: { name: 'Renamed Twice' } });
    const twice = h.sim.store.account(10002)!;
    expect(twice.lastUpdate).toBeGreaterThan(once.lastUpdate);
    expect(dig((await h.get('Account/10002')).body, 'instance', 'lastUpdate')).toBe(new Date(twice.lastUpdate).toISOString().replace(/\.?0+Z$/, 'Z'));
  });

  it('leaves lastUpdate alone when a PATCH changes only child contacts', async () => {
    const before = h.sim.store.account(10003)!;
    const contact = h.sim.store.contactsOfAccount(10003).find((c) => c.contactTypeId === technical) ?? h.sim.store.contactsOfAccount(10003)[0]!;
    const answer = await h.call('PATCH', 'Account/10003', {
      body: { details: {}, contacts: { items: [{ patchType: 'update', identity: contact.identity, title: 'Prof.' }] } },
    });
    expect(answer.status).toBe(200);
    expect(h.sim.store.contact(contact.identity)?.title).toBe('Prof.');
    expect(h.sim.store.account(10003)?.lastUpdate).toBe(before.lastUpdate);
  });

  it('refuses null for an account name (it cannot be cleared) and an empty one, writing nothing', async () => {
    const before = h.sim.store.account(10004)!;
    const cleared = await h.call('PATCH', 'Account/10004', { body: { name: null } });
    expect(cleared.status).toBe(400);
    expect(dig(cleared.body, 'errors', 0, 'message')).toBe('name must be a string; got null.');
    const blank = await h.call('PUT', 'Account/10004', { body: { name: '  ' } });
    expect(blank.status).toBe(400);
    expect(h.sim.store.account(10004)).toEqual(before);
  });

  it('clears a contact title with null, as its field allows', async () => {
    const before = technicalContact();
    const answer = await h.call('PATCH', `Contact/${before.identity}`, { body: { title: null }, headers: filters('title') });
    expect(answer.status).toBe(200);
    expect(h.sim.store.contact(before.identity)).toEqual({ ...before, title: null });
  });

  it('answers 404 with the error envelope for an update of an unknown id, before reading the header', async () => {
    for (const [method, path] of [
      ['PUT', 'Account/99999'],
      ['PATCH', 'Account/99999'],
      ['PUT', 'Contact/99999'],
      ['PATCH', 'Contact/99999'],
    ] as const) {
      const answer = await h.call(method, path, { body: { name: 'X' }, headers: { UpdateRequest: 'not json' } });
      expect(answer.status).toBe(404);
      expect(dig(answer.body, 'errors', 0, 'message')).toMatch(/^(Account|Contact) 99999 was not found\.$/);
    }
  });

  it('has no DELETE for contacts or accounts: 405, with the verbs the route has', async () => {
    const contact = technicalContact();
    const refused = await h.call('DELETE', `Contact/${contact.identity}`);
    expect(refused.status).toBe(405);
    expect(refused.headers.get('allow')?.split(', ').sort()).toEqual(['GET', 'PATCH', 'PUT']);
    expect((await h.call('DELETE', 'Account/10001')).status).toBe(405);
    expect(h.sim.store.contact(contact.identity)).not.toBeUndefined();
  });
});
