import { encodeId } from '../../../src/core/globalId';
import type { Gateway } from '../../../src/server';
import { dataOf, testGateway } from '../../support/gateway';
import { expectNoPendingFaults, SOURCE, startLogiSense, type Setup } from './harness';

/** The source's budget per vendor call; the late answers below come well after it. */
const TIMEOUT_MS = 300;
const LATE_MS = TIMEOUT_MS + 500;

const CREATE_ACCOUNT = `mutation ($input: CreateAccountInput!) {
  createAccount(input: $input) { account { remoteId } userErrors { code } } }`;
const CREATE_CONTACT = `mutation ($input: CreateContactInput!) {
  createContact(input: $input) { contact { remoteId } userErrors { code } } }`;
const CREATE_CONTACTS = `mutation ($inputs: [CreateContactInput!]!) {
  createContacts(inputs: $inputs) { contact { remoteId } userErrors { code } } }`;

const account = (remoteId: number) => encodeId('Account', SOURCE, String(remoteId));

/**
 * Write safety against the simulator, through the gateway: a create whose outcome is unknown is
 * never sent twice for one idempotency key, and a batch never loses a record the vendor
 * confirmed because another input failed.
 */
describe('LogiSense: write safety', () => {
  let s: Setup;
  let gw: Gateway;
  beforeEach(async () => {
    s = await startLogiSense({ source: { timeoutMs: TIMEOUT_MS } });
    gw = await testGateway([s.connector]);
    dataOf(await gw.execute(`{ currencies(sources: ["${SOURCE}"]) { code } }`)); // hold a token
    s.sim.server.clearLog();
  });
  afterEach(async () => {
    expectNoPendingFaults(s);
    await gw.stop();
    await s.sim.close();
  });

  const writes = () => s.sim.server.log.filter((r) => r.method === 'POST' || r.method === 'PATCH');

  const lateCases = [
    {
      name: 'createAccount (POST Account)',
      query: CREATE_ACCOUNT,
      field: 'createAccount',
      record: 'account',
      input: { name: 'Late Answer Ltd' },
      match: { method: 'POST', pathIncludes: '/Account' },
      count: () => s.sim.store.accounts().length,
    },
    {
      name: 'createContact (PATCH Account/{id})',
      query: CREATE_CONTACT,
      field: 'createContact',
      record: 'contact',
      input: { lastName: 'Late', emails: ['late@answer.example'], accountId: account(10003) },
      match: { method: 'PATCH', pathIncludes: '/Account/10003' },
      count: () => s.sim.store.contacts().length,
    },
  ];

  it.each(lateCases)(
    '$name committed after the timeout, then the same key 5 times: 1 record, 6 identical SOURCE_OUTCOME_UNKNOWN, 1 write',
    async ({ query, field, record, input, match, count }) => {
      const before = count();
      // The simulator applies the write, then answers long after the client gave up.
      s.sim.server.afterNext({ match, delayMs: LATE_MS });
      const variables = { input: { source: SOURCE, idempotencyKey: `late-${field}`, ...input } };
      const answers = [];
      for (let i = 0; i < 6; i += 1) answers.push(await gw.execute(query, variables));

      expect(count()).toBe(before + 1);
      expect(writes()).toHaveLength(1);
      for (const answer of answers) {
        expect(answer.data).toEqual({ [field]: { [record]: null, userErrors: [] } });
        expect(answer.errors).toHaveLength(1);
        expect(answer.errors![0]).toMatchObject({
          path: [field, record],
          extensions: { code: 'SOURCE_OUTCOME_UNKNOWN', source: SOURCE },
        });
      }
      const [first, ...retries] = answers.map((a) => ({
        message: a.errors![0]!.message,
        extensions: a.errors![0]!.extensions,
      }));
      expect(retries).toHaveLength(5);
      for (const retry of retries) expect(retry).toEqual(first);
    },
  );

  it('createContacts ×8 with one PATCH failing with 500: every confirmed record in its payload, the other a typed error', async () => {
    const before = s.sim.store.contacts().length;
    const inputs = Array.from({ length: 8 }, (_, i) => ({
      source: SOURCE,
      lastName: `Batch ${i}`,
      emails: [`batch${i}@safety.example`],
      accountId: account(10001 + i),
    }));
    // The fourth input's PATCH fails before the vendor writes anything.
    s.sim.server.failNext({ status: 500, match: { method: 'PATCH', pathIncludes: '/Account/10004' } });

    const result = await gw.execute(CREATE_CONTACTS, { inputs });
    expect(result.data).not.toBeNull();
    const payloads = (result.data as { createContacts: Array<{ contact: { remoteId: string } | null }> })
      .createContacts;
    expect(payloads).toHaveLength(8);
    expect(result.errors?.map((e) => [e.path, e.extensions?.['code']])).toEqual([
      [['createContacts', 3, 'contact'], 'SOURCE_OUTCOME_UNKNOWN'],
    ]);

    const created = s.sim.store.contacts().length - before;
    const withRecord = payloads.filter((p) => p.contact !== null);
    expect(withRecord).toHaveLength(created);
    expect(created).toBe(7);
    payloads.forEach((p, i) => {
      if (i === 3) return expect(p.contact).toBeNull();
      // Each record is the one written for its own input, under its own account.
      const id = Number(p.contact!.remoteId);
      expect(s.sim.store.contact(id)?.lastName).toBe(`Batch ${i}`);
      expect(s.sim.store.accountsOfContact(id).map((a) => a.identity)).toEqual([10001 + i]);
    });
  });
});
