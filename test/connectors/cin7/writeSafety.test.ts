import { encodeId } from '../../../src/core/globalId';
import { startCin7, type Cin7Setup } from './harness';

const CREATE_CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) {
  contact { id remoteId firstName } userErrors { field message code } } }`;
const CREATE_CONTACTS = `mutation($inputs: [CreateContactInput!]!) { createContacts(inputs: $inputs) {
  contact { id remoteId firstName } userErrors { field message code } } }`;

interface Payload {
  contact: { id: string; remoteId: string; firstName: string } | null;
  userErrors: unknown[];
}

/**
 * Write safety against the simulator (DESIGN §6): a create whose outcome the gateway cannot
 * know is never sent twice for one idempotency key, and a batch answers every record Cin7
 * Omni confirmed even when one of its batch POSTs (250 records each) fails.
 */
describe('Cin7 Omni: write safety', () => {
  let s: Cin7Setup;
  beforeAll(async () => {
    s = await startCin7({ sim: { size: { customers: 3, suppliers: 0, users: 2, quotes: 0 } }, source: { timeoutMs: 300 } });
  });
  afterAll(async () => s.close());
  beforeEach(() => s.sim.server.clearLog());
  afterEach(() => {
    expect(s.sim.pendingWriteFaults()).toBe(0);
    expect(s.sim.server.pendingFaults()).toBe(0);
  });

  const named = (firstName: string) => s.sim.store.contacts().filter((c) => c.firstName === firstName);
  const posts = () => s.sim.server.requests('POST', '/v1/Contacts');

  it('a POST that commits after the timeout, retried 5 times with its key: 1 record, the same SOURCE_OUTCOME_UNKNOWN each time, 1 POST', async () => {
    s.sim.failWrite({ method: 'POST', answerAfterMs: 800 });
    const input = { source: 'cin7', firstName: 'Unknown-Outcome', idempotencyKey: 'late-contact-1' };
    const first = await s.gateway.execute(CREATE_CONTACT, { input });
    expect(first.data).toEqual({ createContact: { contact: null, userErrors: [] } });
    expect(first.errors).toHaveLength(1);
    expect(first.errors?.[0]).toMatchObject({
      path: ['createContact', 'contact'],
      extensions: { code: 'SOURCE_OUTCOME_UNKNOWN', source: 'cin7', vendor: 'CIN7_OMNI', retryable: false },
    });

    const retries = [];
    for (let i = 0; i < 5; i++) retries.push(await s.gateway.execute(CREATE_CONTACT, { input }));
    for (const retry of retries) {
      expect(retry.data).toEqual(first.data);
      expect(retry.errors).toEqual(first.errors);
    }
    expect(named('Unknown-Outcome')).toHaveLength(1);
    expect(posts()).toHaveLength(1);
  });

  it('600 contacts in 3 batch POSTs, the second failing (500): every confirmed record is answered, the rest typed, data stands', async () => {
    const before = s.sim.store.contacts().length;
    s.sim.failWrite({ method: 'POST', nth: 2, commit: false, status: 500 });
    const inputs = Array.from({ length: 600 }, (_, i) => ({ source: 'cin7', firstName: `Batch-${i}` }));
    const res = await s.gateway.execute(CREATE_CONTACTS, { inputs });
    expect(res.data).not.toBeNull();
    const payloads = res.data?.['createContacts'] as Payload[];
    expect(payloads).toHaveLength(600);
    expect(posts().map((p) => (p.body as unknown[]).length)).toEqual([250, 250, 100]);

    const created = payloads.filter((p) => p.contact !== null);
    expect(created).toHaveLength(350);
    expect(s.sim.store.contacts().length - before).toBe(created.length);
    // Each record is the one written for its own input, by index.
    payloads.forEach((p, i) => {
      if (p.contact) expect([i, s.sim.store.contact(Number(p.contact.remoteId))?.firstName]).toEqual([i, `Batch-${i}`]);
    });

    const failed = payloads.flatMap((p, i) => (p.contact ? [] : [i]));
    expect(failed).toEqual(Array.from({ length: 250 }, (_, k) => 250 + k));
    for (const i of failed) expect(payloads[i]!.userErrors).toEqual([]);
    expect(res.errors).toHaveLength(250);
    res.errors!.forEach((e, k) => {
      expect(e).toMatchObject({
        path: ['createContacts', failed[k], 'contact'],
        extensions: { code: 'SOURCE_OUTCOME_UNKNOWN', source: 'cin7', httpStatus: 500 },
      });
    });
  });

  it('a batch the vendor applied and then answered 500: its keyed items stay unknown, and their retry writes nothing', async () => {
    const record = s.sim.store.contacts()[0]!;
    s.sim.failWrite({ method: 'PUT', status: 500 });
    const inputs = [
      { source: 'cin7', firstName: 'Applied-Solo', idempotencyKey: 'applied-1' },
      { source: 'cin7', firstName: 'Applied-Secondary', accountId: encodeId('Account', 'cin7', String(record.id)), idempotencyKey: 'applied-2' },
    ];
    const first = await s.gateway.execute(CREATE_CONTACTS, { inputs });
    const payloads = first.data?.['createContacts'] as Payload[];
    // The POST went through beside the failed PUT.
    expect(payloads[0]!.contact?.firstName).toBe('Applied-Solo');
    expect(payloads[1]).toEqual({ contact: null, userErrors: [] });
    expect(first.errors?.map((e) => [e.path, e.extensions?.['code']])).toEqual([[['createContacts', 1, 'contact'], 'SOURCE_OUTCOME_UNKNOWN']]);
    const secondaries = () => (s.sim.store.contact(record.id)!.secondaryContacts ?? []).filter((c) => c.firstName === 'Applied-Secondary');
    expect(secondaries()).toHaveLength(1);

    const retry = await s.gateway.execute(CREATE_CONTACTS, { inputs });
    expect(retry.data).toEqual(first.data);
    expect(retry.errors).toEqual(first.errors);
    expect(secondaries()).toHaveLength(1);
    expect(named('Applied-Solo')).toHaveLength(1);
    expect(s.sim.server.requests('PUT')).toHaveLength(1);
    expect(posts()).toHaveLength(1);
  });
});
