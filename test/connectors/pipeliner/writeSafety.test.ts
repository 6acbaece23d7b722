import { randomUUID } from 'node:crypto';
import type { ExecuteResult } from '../../../src/server';
import { startPipeliner, type PipelinerSetup } from './harness';

const CREATE = `mutation($input: CreateContactInput!) { createContact(input: $input) {
  contact { id name } userErrors { field message code } } }`;
const MANY = `mutation($inputs: [CreateContactInput!]!) { createContacts(inputs: $inputs) {
  contact { id name } userErrors { field code } } }`;

/**
 * Write safety against the simulator, through the gateway: a create never duplicates after an
 * unknown outcome, and a batch answer never drops a record Pipeliner confirmed.
 */
describe('Pipeliner: write safety', () => {
  let s: PipelinerSetup;
  beforeAll(async () => {
    s = await startPipeliner({ sim: { size: { accounts: 3, contacts: 3, opportunities: 0 } }, source: { timeoutMs: 400, maxRetries: 0 } });
  });
  afterAll(async () => s.close());
  beforeEach(() => s.sim.server.clearLog());
  afterEach(() => {
    expect(s.sim.faults.pending()).toBe(0);
    expect(s.sim.server.pendingFaults()).toBe(0);
  });

  const outcomeOf = (res: ExecuteResult) => ({ data: res.data, errors: res.errors });

  it('a POST that commits after the timeout, retried 5 times with its key: 1 record, 6 identical answers, 1 POST', async () => {
    const before = s.sim.count('Contacts');
    s.sim.faults.commitThenAnswerAfter(1200, { method: 'POST', pathIncludes: '/entities/Contacts' });
    const input = { source: 'pipeliner', firstName: 'Late', lastName: 'Answer', idempotencyKey: randomUUID() };

    const first = await s.gateway.execute(CREATE, { input });
    expect(first.data).toEqual({ createContact: { contact: null, userErrors: [] } });
    expect(first.errors).toHaveLength(1);
    expect(first.errors?.[0]).toMatchObject({
      path: ['createContact', 'contact'],
      extensions: { code: 'SOURCE_OUTCOME_UNKNOWN', source: 'pipeliner', retryable: false },
    });

    const retries: ExecuteResult[] = [];
    for (let i = 0; i < 5; i += 1) retries.push(await s.gateway.execute(CREATE, { input }));
    for (const retry of retries) expect(outcomeOf(retry)).toEqual(outcomeOf(first));

    // The vendor stored it once, whenever its late answer goes out.
    await waitFor(() => s.sim.server.requests('POST').every((r) => r.status !== 0));
    expect(s.sim.count('Contacts')).toBe(before + 1);
    expect(s.sim.server.requests('POST')).toHaveLength(1);
  });

  it('300 contacts whose second batch call fails with 500: every confirmed record answered, the rest typed, data kept', async () => {
    const before = s.sim.count('Contacts');
    s.sim.faults.failNth(2, { status: 500, body: { success: false, code: 500, name: 'ERROR', http_status: 500 } }, {
      method: 'POST',
      pathIncludes: '/Contacts/batch-modify',
    });
    const inputs = Array.from({ length: 300 }, (_, i) => ({ source: 'pipeliner', firstName: `Safe${i}`, lastName: 'Batch' }));

    const res = await s.gateway.execute(MANY, { inputs });
    expect(res.data).not.toBeNull();
    const payloads = (res.data as { createContacts: Array<{ contact: { name: string } | null; userErrors: unknown[] }> }).createContacts;
    expect(payloads).toHaveLength(300);
    expect(s.sim.server.requests('POST', '/Contacts/batch-modify').map((r) => (r.body as unknown[]).length)).toEqual([100, 100, 100]);

    const written = s.sim.count('Contacts') - before;
    expect(written).toBe(200);
    expect(payloads.filter((p) => p.contact)).toHaveLength(written);
    payloads.forEach((p, i) => {
      if (i >= 100 && i < 200) expect(p).toEqual({ contact: null, userErrors: [] });
      else expect(p.contact?.name).toBe(`Safe${i} Batch`);
    });
    // The failed chunk's items carry the typed error at their record field, one each.
    expect(res.errors).toHaveLength(100);
    expect(res.errors?.map((e) => e.path)).toEqual(Array.from({ length: 100 }, (_, k) => ['createContacts', 100 + k, 'contact']));
    expect(res.errors?.every((e) => e.extensions?.['code'] === 'SOURCE_OUTCOME_UNKNOWN' && e.extensions?.['httpStatus'] === 500)).toBe(true);
  });
});

async function waitFor(done: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
