import { encodeId } from '../../../src/core/globalId';
import type { SimResponse } from '../../../src/simulators/kit';
import { startSuperOffice, type SuperOfficeSetup } from './harness';

/**
 * A save SuperOffice confirmed but answered in a shape the gateway cannot read: read back by the
 * id its answer names, else answered as sent with a warning, else SOURCE_OUTCOME_UNKNOWN.
 */
describe('SuperOffice: a save confirmed in a shape the gateway cannot read', () => {
  let s: SuperOfficeSetup;
  beforeAll(async () => {
    s = await startSuperOffice({ sim: { size: { companies: 3, persons: 3, sales: 0 } }, source: { timeoutMs: 300 } });
  });
  afterAll(async () => s.close());
  beforeEach(() => s.sim.server.clearLog());
  afterEach(() => expect(s.sim.server.pendingFaults()).toBe(0));

  const persons = (lastName: string) => s.sim.store.persons().filter((p) => p.lastname === lastName);
  /** The person's save answers what `answer` makes of the saved entity. */
  const answerSaveWith = (answer: (saved: SimResponse) => SimResponse) =>
    s.sim.server.afterNext({ match: { method: 'POST', pathIncludes: '/Person' }, answer });
  /** An answer that names the saved person but is not a PersonEntity (its e-mails are not a list). */
  const unreadable = (saved: SimResponse): SimResponse => ({
    status: 200,
    body: { PersonId: (saved.body as { PersonId: number }).PersonId, Emails: 'see the person' },
  });
  const create = (lastName: string) =>
    s.gateway.execute(
      `mutation($input: CreateContactInput!) { createContact(input: $input) { contact { remoteId lastName emails } warnings } }`,
      { input: { source: 'superoffice', lastName, emails: [`${lastName.toLowerCase()}@example.test`] } },
    );

  it('is read back by the id its answer names', async () => {
    answerSaveWith(unreadable);
    const res = await create('Mangled');
    expect(res.errors).toBeUndefined();
    const [saved] = persons('Mangled');
    expect(res.data?.['createContact']).toEqual({
      contact: { remoteId: String(saved!.id), lastName: 'Mangled', emails: ['mangled@example.test'] },
      warnings: [],
    });
    expect(s.sim.server.requests('GET', `/Person/${saved!.id}`)).toHaveLength(1);
  });

  it('is answered as sent plus its id, with a warning, when the read-back fails too', async () => {
    answerSaveWith(unreadable);
    s.sim.server.setOutage({ status: 503, match: { method: 'GET', pathIncludes: '/Person' } });
    try {
      const res = await create('Unread');
      expect(res.errors).toBeUndefined();
      const [saved] = persons('Unread');
      expect(res.data?.['createContact']).toEqual({
        contact: { remoteId: String(saved!.id), lastName: 'Unread', emails: ['unread@example.test'] },
        warnings: [
          `SuperOffice saved Person ${saved!.id}, but neither its answer nor a read-back could be read; the record shown is what was sent`,
        ],
      });
    } finally {
      s.sim.server.setOutage(null);
    }
  });

  it('is SOURCE_OUTCOME_UNKNOWN when its answer names no id', async () => {
    answerSaveWith(() => ({ status: 200, body: { Saved: true } }));
    const res = await create('Nameless');
    expect(persons('Nameless')).toHaveLength(1);
    expect(res.data).toEqual({ createContact: { contact: null, warnings: [] } });
    expect(res.errors?.[0]).toMatchObject({
      path: ['createContact', 'contact'],
      extensions: { code: 'SOURCE_OUTCOME_UNKNOWN', source: 'superoffice' },
    });
  });

  it('an update saved but unreadable, and not readable back: SOURCE_OUTCOME_UNKNOWN, and its key never sends it again', async () => {
    const [person] = s.sim.store.persons();
    const update = `mutation($input: UpdateContactInput!) { updateContact(input: $input) { contact { lastName } userErrors { code } } }`;
    const input = { id: encodeId('Contact', 'superoffice', String(person!.id)), lastName: 'Patched', idempotencyKey: 'unreadable-update-1' };
    s.sim.server.afterNext({ match: { method: 'PATCH', pathIncludes: '/Person' }, answer: unreadable });
    // The draft's GET answers; the read-back after the PATCH (the second GET, and its retries) fails.
    s.sim.server.failNext({ status: 503, match: { method: 'GET', pathIncludes: `/Person/${person!.id}` }, nth: 2 }, 3);
    const first = await s.gateway.execute(update, { input });
    expect(first.errors?.[0]?.extensions?.['code']).toBe('SOURCE_OUTCOME_UNKNOWN');
    expect(s.sim.store.persons().find((p) => p.id === person!.id)?.lastname).toBe('Patched');
    const patches = s.sim.server.requests('PATCH', `/Person/${person!.id}`).length;
    const again = await s.gateway.execute(update, { input });
    expect(again.errors?.[0]?.extensions?.['code']).toBe('SOURCE_OUTCOME_UNKNOWN');
    expect(s.sim.server.requests('PATCH', `/Person/${person!.id}`)).toHaveLength(patches);
  });
});
