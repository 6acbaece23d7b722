import type { ExecuteResult } from '../../src/server';
import { VENDORS, type ContractVendor, type Entity, type RunningVendor } from './vendors';

/** Each source's budget per vendor call; the late answers come well after it. */
const TIMEOUT_MS = 400;
const LATE_MS = 1200;

const MUTATION: Record<Entity, { field: string; query: string }> = {
  account: {
    field: 'createAccount',
    query: `mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id remoteId } userErrors { field message code } } }`,
  },
  contact: {
    field: 'createContact',
    query: `mutation($input: CreateContactInput!) { createContact(input: $input) { contact { id remoteId } userErrors { field message code } } }`,
  },
};
const CREATE_CONTACTS = `mutation($inputs: [CreateContactInput!]!) { createContacts(inputs: $inputs) {
  contact { id remoteId } userErrors { field message code } } }`;

interface Payload {
  contact: { id: string; remoteId: string } | null;
  userErrors: unknown[];
}

/**
 * Write safety (DESIGN §6), the same contract for every vendor, through the gateway against its
 * simulator: a create whose outcome the gateway cannot know is never sent twice for one
 * idempotency key, and a batch answers every record the vendor confirmed when one of its vendor
 * calls fails.
 */
describe.each(VENDORS)('$source: write safety', (vendor: ContractVendor) => {
  let v: RunningVendor;
  beforeAll(async () => {
    v = await vendor.start({ timeoutMs: TIMEOUT_MS });
  });
  afterAll(async () => v.close());
  beforeEach(() => v.server.clearLog());
  afterEach(() => expect(v.server.pendingFaults()).toBe(0));

  const writes = () => v.server.log.filter((r) => vendor.isWrite(r));
  const outcomeOf = (res: ExecuteResult) => ({ data: res.data, errors: res.errors });

  it.each<Entity>(['account', 'contact'])(
    'create %s committed after the timeout, then the same key 5 times: 1 record, 6 identical SOURCE_OUTCOME_UNKNOWN, 1 write',
    async (entity) => {
      const { field, query } = MUTATION[entity];
      const before = v.count(entity);
      // The simulator commits the write, then answers long after the gateway gave up.
      v.server.afterNext({ match: vendor.writeOf[entity], delayMs: LATE_MS });
      const input = { source: vendor.source, idempotencyKey: `late-${entity}`, ...vendor.minimal[entity](`Late ${entity}`) };

      const first = await v.gateway.execute(query, { input });
      expect(first.data).toEqual({ [field]: { [entity]: null, userErrors: [] } });
      expect(first.errors).toHaveLength(1);
      expect(first.errors?.[0]).toMatchObject({
        path: [field, entity],
        extensions: { code: 'SOURCE_OUTCOME_UNKNOWN', source: vendor.source, vendor: vendor.vendor, retryable: false },
      });

      const retries: ExecuteResult[] = [];
      for (let i = 0; i < 5; i += 1) retries.push(await v.gateway.execute(query, { input }));
      for (const retry of retries) expect(outcomeOf(retry)).toEqual(outcomeOf(first));

      expect(v.count(entity)).toBe(before + 1);
      expect(writes()).toHaveLength(1);
    },
  );

  const { batch } = vendor;
  it(`createContacts ×${batch.size} with one vendor call failing (500): every confirmed record in its payload, the rest typed, data stands`, async () => {
    const before = v.count('contact');
    v.server.failNext(batch.fault);
    const inputs = Array.from({ length: batch.size }, (_, i) => ({ source: vendor.source, ...batch.input(i) }));

    const res = await v.gateway.execute(CREATE_CONTACTS, { inputs });
    expect(res.data).not.toBeNull();
    const payloads = res.data?.['createContacts'] as Payload[];
    expect(payloads).toHaveLength(batch.size);

    // Chunked to the vendor's batch size, or one write per input.
    const sent = writes();
    if (batch.chunk === null) expect(sent).toHaveLength(batch.size);
    else expect(sent.map((r) => (r.body as unknown[]).length)).toEqual(chunks(batch.size, batch.chunk));

    const created = payloads.filter((p) => p.contact !== null);
    expect(v.count('contact') - before).toBe(created.length);
    // Each record is the one written for its own input, by index (so none was written twice).
    payloads.forEach((p, i) => {
      if (p.contact) expect([i, v.storedContactTag(p.contact.remoteId)]).toEqual([i, batch.tag(i)]);
    });
    expect(new Set(created.map((p) => p.contact!.remoteId)).size).toBe(created.length);

    const failed = payloads.flatMap((p, i) => (p.contact ? [] : [i]));
    if (Array.isArray(batch.failed)) expect(failed).toEqual(batch.failed);
    else expect(failed).toHaveLength(batch.failed.count);
    for (const i of failed) expect(payloads[i]!.userErrors).toEqual([]);
    // The failed call's items carry the typed error at their record field, one each, in order.
    expect(res.errors).toHaveLength(failed.length);
    res.errors!.forEach((e, k) => {
      expect(e).toMatchObject({
        path: ['createContacts', failed[k], 'contact'],
        extensions: { code: 'SOURCE_OUTCOME_UNKNOWN', source: vendor.source, httpStatus: 500 },
      });
    });
  });
});

/** The sizes of the batches `total` items make at `size` per batch. */
function chunks(total: number, size: number): number[] {
  return Array.from({ length: Math.ceil(total / size) }, (_, k) => Math.min(size, total - k * size));
}
