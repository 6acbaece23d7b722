import { encodeId } from '../../../src/core/globalId';
import { startCin7, type Cin7Setup } from './harness';

const CREATE_CONTACTS = `mutation($inputs: [CreateContactInput!]!) { createContacts(inputs: $inputs) {
  contact { id remoteId firstName } userErrors { field message code } } }`;

interface Payload {
  contact: { id: string; remoteId: string; firstName: string } | null;
  userErrors: unknown[];
}

/**
 * A Cin7 Omni write the vendor applied and then answered 500: the secondary contacts' PUT beside
 * the records' POST (the write-safety contract every vendor shares is in test/contract).
 */
describe('Cin7 Omni: a batch applied, then answered 500', () => {
  let s: Cin7Setup;
  beforeAll(async () => {
    s = await startCin7({ sim: { size: { customers: 3, suppliers: 0, users: 2, quotes: 0 } }, source: { timeoutMs: 300 } });
  });
  afterAll(async () => s.close());
  beforeEach(() => s.sim.server.clearLog());
  afterEach(() => expect(s.sim.server.pendingFaults()).toBe(0));

  const named = (firstName: string) => s.sim.store.contacts().filter((c) => c.firstName === firstName);

  it('keeps its keyed items unknown, and their retry writes nothing', async () => {
    const record = s.sim.store.contacts()[0]!;
    s.sim.server.afterNext({ match: { method: 'PUT' }, status: 500, body: 'An error has occurred.' });
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
    expect(s.sim.server.requests('POST', '/v1/Contacts')).toHaveLength(1);
  });
});
