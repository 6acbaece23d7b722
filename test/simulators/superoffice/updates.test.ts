import { useFreshSim } from './harness';

/**
 * The update and delete routes as the Swagger and the vendor notes describe them: PUT replaces
 * the whole entity, PATCH takes JSON Patch or a merge patch (an object where the entity has an
 * array is appended), If-Unmodified-Since → 412 when the record changed later, UpdatedDate
 * advanced by every write, DELETE → 204, 404 for unknown ids, saves checked as a POST is.
 */
let now = new Date('2025-03-01T12:00:00Z');
const h = useFreshSim({ clock: () => now });
const JSON_PATCH = { 'Content-Type': 'application/json-patch+json' };
const later = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));

beforeEach(() => {
  now = new Date('2025-03-01T12:00:00Z');
});

describe('SuperOffice simulator: updates and deletes', () => {
  it('stamps UpdatedDate on every write, and answers 412 only when the record changed after If-Unmodified-Since', async () => {
    const first = await h.send('PATCH', '/Person/6', [{ op: 'replace', path: '/Title', value: 'A' }], JSON_PATCH);
    expect(first.body.UpdatedDate).toBe('2025-03-01T12:00:00');
    const stamp = 'Sat, 01 Mar 2025 12:00:00 GMT';
    later(5);
    // Unchanged since the stamp: written, and the stamp moves on.
    const fresh = await h.send('PATCH', '/Person/6', [{ op: 'replace', path: '/Title', value: 'B' }], { ...JSON_PATCH, 'If-Unmodified-Since': stamp });
    expect(fresh.status).toBe(200);
    expect(fresh.body.UpdatedDate).toBe('2025-03-01T12:00:05');
    // Changed after the stamp: 412, nothing written.
    const before = h.sim.store.person(6);
    const stale = await h.send('PATCH', '/Person/6', [{ op: 'replace', path: '/Title', value: 'C' }], { ...JSON_PATCH, 'If-Unmodified-Since': stamp });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ Error: true, ErrorType: 'SoException' });
    expect(h.sim.store.person(6)).toEqual(before);
    expect((await h.send('PUT', '/Person/6', { Lastname: 'x' }, { 'If-Unmodified-Since': stamp })).status).toBe(412);
    expect((await h.send('DELETE', '/Person/6', undefined, { 'If-Unmodified-Since': stamp })).status).toBe(412);
    expect(h.sim.store.person(6)).toBeDefined();
    expect(h.sim.writeHeaders().map((w) => [w.method, w.ifUnmodifiedSince])).toEqual([
      ['PATCH', null],
      ['PATCH', stamp],
      ['PATCH', stamp],
      ['PUT', stamp],
      ['DELETE', stamp],
    ]);
  });

  it('PUT resets what the body leaves out; PATCH changes only the properties it names', async () => {
    const before = h.sim.store.person(6)!;
    const patched = await h.send('PATCH', '/Person/6', [{ op: 'replace', path: '/MiddleName', value: 'Q.' }], JSON_PATCH);
    expect(patched.body).toMatchObject({ MiddleName: 'Q.', Firstname: before.firstname, Lastname: before.lastname });
    const put = await h.send('PUT', '/Person/6', { Lastname: 'Only' });
    expect(put.body).toMatchObject({ Lastname: 'Only', Firstname: '', MiddleName: '', Emails: [], Contact: null });
  });

  it('a JSON Patch replace of an array replaces it; in a merge patch an object is appended and an array replaces', async () => {
    const replaced = await h.send('PATCH', '/Contact/2', [{ op: 'replace', path: '/Emails', value: [{ Value: 'a@x.example' }] }], JSON_PATCH);
    expect(replaced.body.Emails.map((e: { Value: string }) => e.Value)).toEqual(['a@x.example']);
    const merge = { 'Content-Type': 'application/merge-patch+json' };
    const appended = await h.send('PATCH', '/Contact/2', { Emails: { Value: 'b@x.example' } }, merge);
    expect(appended.body.Emails.map((e: { Value: string }) => e.Value)).toEqual(['a@x.example', 'b@x.example']);
    const arrays = await h.send('PATCH', '/Contact/2', { Emails: [{ Value: 'c@x.example' }] }, merge);
    expect(arrays.body.Emails.map((e: { Value: string }) => e.Value)).toEqual(['c@x.example']);
  });

  it('refuses a JSON Patch of one line of an address; the whole Address/Postal object is written', async () => {
    const part = await h.send('PATCH', '/Contact/2', [{ op: 'replace', path: '/Address/Postal/City', value: 'Bergen' }], JSON_PATCH);
    expect(part.status).toBe(400);
    const whole = await h.send(
      'PATCH',
      '/Contact/2',
      [{ op: 'replace', path: '/Address/Postal', value: { Address1: 'Bryggen 1', Address2: '', Address3: '', City: 'Bergen', County: '', State: '', Zipcode: '5003' } }],
      JSON_PATCH,
    );
    expect(whole.status).toBe(200);
    expect(h.sim.store.contact(2)!.address.postal).toMatchObject({ address1: 'Bryggen 1', city: 'Bergen', zipcode: '5003' });
  });

  it('checks a PATCH as strictly as a POST: blank name, unknown company, a sale\'s person of another company', async () => {
    const blank = await h.send('PATCH', '/Contact/2', [{ op: 'replace', path: '/Name', value: ' ' }], JSON_PATCH);
    expect([blank.status, blank.body.ErrorMessage]).toEqual([400, expect.stringContaining('Name: Company name is mandatory')]);
    const company = await h.send('PATCH', '/Person/6', [{ op: 'replace', path: '/Contact', value: { ContactId: 99999 } }], JSON_PATCH);
    expect([company.status, company.body.ErrorMessage]).toEqual([400, expect.stringContaining('Contact id 99999 not found')]);
    const sale = h.sim.store.sales().find((x) => x.personId > 0)!;
    const stranger = h.sim.store.persons().find((p) => p.contactId !== sale.contactId && p.contactId > 0)!;
    const person = await h.send('PATCH', `/Sale/${sale.id}`, [{ op: 'replace', path: '/Person', value: { PersonId: stranger.id } }], JSON_PATCH);
    expect([person.status, person.body.ErrorMessage]).toEqual([400, expect.stringContaining('is not a contact person of company')]);
    expect(h.sim.store.sale(sale.id)!.personId).toBe(sale.personId);
  });

  it('answers 404 SoNotFoundException for PATCH, PUT and DELETE of an unknown id, and DELETE 204 once', async () => {
    for (const [method, body] of [['PATCH', []], ['PUT', { Name: 'x' }], ['DELETE', undefined]] as const) {
      const res = await h.send(method, '/Contact/99999', body, method === 'PATCH' ? JSON_PATCH : {});
      expect([res.status, res.body.ErrorType]).toEqual([404, 'SoNotFoundException']);
    }
    const sale = h.sim.store.sales()[0]!;
    expect((await h.send('DELETE', `/Sale/${sale.id}`)).status).toBe(204);
    expect((await h.send('DELETE', `/Sale/${sale.id}`)).status).toBe(404);
  });
});
