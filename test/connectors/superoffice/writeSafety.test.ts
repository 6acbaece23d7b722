import { startSuperOffice, type SuperOfficeSetup } from './harness';

const CREATE_CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) {
  contact { id remoteId lastName } userErrors { field message code } } }`;
const CREATE_CONTACTS = `mutation($inputs: [CreateContactInput!]!) { createContacts(inputs: $inputs) {
  contact { id remoteId lastName } userErrors { field message code } } }`;

interface Payload {
  contact: { id: string; remoteId: string; lastName: string } | null;
  userErrors: unknown[];
}

/**
 * Write safety against the simulator (DESIGN §6): a create whose outcome the gateway cannot
 * know is never sent twice for one idempotency key, and a batch answers every record
 * SuperOffice confirmed even when another of its POSTs fails. SuperOffice has no batch write:
 * a batch is single POSTs, a few at a time.
 */
describe('SuperOffice: write safety', () => {
  let s: SuperOfficeSetup;
  beforeAll(async () => {
    s = await startSuperOffice({ sim: { size: { companies: 3, persons: 3, sales: 0 } }, source: { timeoutMs: 300 } });
  });
  afterAll(async () => s.close());
  beforeEach(() => s.sim.server.clearLog());
  afterEach(() => {
    expect(s.sim.createFaults.pending()).toBe(0);
    expect(s.sim.server.pendingFaults()).toBe(0);
  });

  const persons = (lastName: string) => s.sim.store.persons().filter((p) => p.lastname === lastName);
  const posts = () => s.sim.server.requests('POST', '/Person');

  it('a POST that commits after the timeout, retried 5 times with its key: 1 person, the same SOURCE_OUTCOME_UNKNOWN each time, 1 POST', async () => {
    s.sim.createFaults.commitThenDelay(1500);
    const input = { source: 'superoffice', lastName: 'Unknown-Outcome', idempotencyKey: 'late-person-1' };
    const first = await s.gateway.execute(CREATE_CONTACT, { input });
    expect(first.data).toEqual({ createContact: { contact: null, userErrors: [] } });
    expect(first.errors).toHaveLength(1);
    expect(first.errors?.[0]).toMatchObject({
      path: ['createContact', 'contact'],
      extensions: { code: 'SOURCE_OUTCOME_UNKNOWN', source: 'superoffice', retryable: false },
    });

    const retries = [];
    for (let i = 0; i < 5; i++) retries.push(await s.gateway.execute(CREATE_CONTACT, { input }));
    for (const retry of retries) {
      expect(retry.data).toEqual(first.data);
      expect(retry.errors).toEqual(first.errors);
    }
    expect(persons('Unknown-Outcome')).toHaveLength(1);
    expect(posts()).toHaveLength(1);
  });

  it('a batch of 300 with one POST failing (500): every confirmed person is answered, the failed one is typed, data stands', async () => {
    const before = s.sim.store.persons().length;
    s.sim.createFaults.failNthCreate(137, 500);
    const inputs = Array.from({ length: 300 }, (_, i) => ({ source: 'superoffice', lastName: `Batch-${i}` }));
    const res = await s.gateway.execute(CREATE_CONTACTS, { inputs });
    expect(res.data).not.toBeNull();
    const payloads = res.data?.['createContacts'] as Payload[];
    expect(payloads).toHaveLength(300);

    const created = payloads.filter((p) => p.contact !== null);
    const createdAtVendor = s.sim.store.persons().length - before;
    expect(created).toHaveLength(299);
    expect(createdAtVendor).toBe(created.length);
    // Each record is the one saved for its own input, by index.
    payloads.forEach((p, i) => {
      if (p.contact) expect(s.sim.store.person(Number(p.contact.remoteId))?.lastname).toBe(`Batch-${i}`);
    });

    const failed = payloads.flatMap((p, i) => (p.contact ? [] : [i]));
    expect(failed).toHaveLength(1);
    expect(payloads[failed[0]!]!.userErrors).toEqual([]);
    expect(persons(`Batch-${failed[0]}`)).toEqual([]);
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]).toMatchObject({
      path: ['createContacts', failed[0], 'contact'],
      extensions: { code: 'SOURCE_OUTCOME_UNKNOWN', source: 'superoffice', httpStatus: 500 },
    });
    expect(posts()).toHaveLength(300);
  });

  describe('a save SuperOffice confirmed but answered in a shape the gateway cannot read', () => {
    /** An answer that names the saved person but is not a PersonEntity (its e-mails are not a list). */
    const unreadable = (saved: { body?: unknown }) => ({
      status: 200,
      body: { PersonId: (saved.body as { PersonId: number }).PersonId, Emails: 'see the person' },
    });
    const create = async (lastName: string) => {
      const res = await s.gateway.execute(
        `mutation($input: CreateContactInput!) { createContact(input: $input) { contact { remoteId lastName emails } warnings } }`,
        { input: { source: 'superoffice', lastName, emails: [`${lastName.toLowerCase()}@example.test`] } },
      );
      return res;
    };

    it('is read back by the id its answer names', async () => {
      s.sim.createFaults.commitThenAnswer(unreadable);
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
      s.sim.createFaults.commitThenAnswer(unreadable);
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
      s.sim.createFaults.commitThenAnswer(() => ({ status: 200, body: { Saved: true } }));
      const res = await create('Nameless');
      expect(persons('Nameless')).toHaveLength(1);
      expect(res.data).toEqual({ createContact: { contact: null, warnings: [] } });
      expect(res.errors?.[0]).toMatchObject({
        path: ['createContact', 'contact'],
        extensions: { code: 'SOURCE_OUTCOME_UNKNOWN', source: 'superoffice' },
      });
    });
  });
});
