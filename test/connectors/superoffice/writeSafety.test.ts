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
});
