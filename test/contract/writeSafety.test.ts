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

const CREATE_ACCOUNT = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } userErrors { field message code } } }`;
const UPDATE_ACCOUNT = `mutation($input: UpdateAccountInput!) { updateAccount(input: $input) {
  account { id name version } userErrors { field message code } warnings plannedRequests { method path body headers } } }`;
const DELETE_ACCOUNT = `mutation($input: DeleteAccountInput!) { deleteAccount(input: $input) {
  deletedId userErrors { field message code } warnings plannedRequests { method path body headers } } }`;
const READ_ACCOUNT = `query($id: ID!) { account(id: $id) { id name version } }`;

/**
 * The write path's guarantees for updates and deletes, on every vendor that declares them (the
 * `edits` entry of its table row): a dry run plans and writes nothing, a key answers its first
 * outcome without writing again (and refuses another input), and an update whose outcome the
 * gateway cannot know stays bound to its key.
 */
describe.each(VENDORS.filter((v) => v.edits))('$source: updates and deletes on the write path', (vendor: ContractVendor) => {
  const edits = vendor.edits!;
  let v: RunningVendor;
  beforeAll(async () => {
    v = await vendor.start({ timeoutMs: TIMEOUT_MS });
  });
  afterAll(async () => v.close());
  afterEach(() => expect(v.server.pendingFaults()).toBe(0));

  const writes = () => v.server.log.filter((r) => vendor.isWrite(r));
  const data = (res: ExecuteResult): Record<string, any> => {
    if (res.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
    return res.data as Record<string, any>;
  };
  /** A fresh account of the vendor's own (its global id), the log cleared after it. */
  const freshAccount = async (name: string): Promise<string> => {
    const created = data(await v.gateway.execute(CREATE_ACCOUNT, { input: { source: vendor.source, ...vendor.minimal.account(name) } })).createAccount;
    expect(created.userErrors).toEqual([]);
    v.server.clearLog();
    return created.account.id as string;
  };
  const nameOf = async (id: string): Promise<string | null> => (data(await v.gateway.execute(READ_ACCOUNT, { id })).account?.name as string | undefined) ?? null;

  it('update dryRun answers planned requests and writes nothing', async () => {
    const id = await freshAccount('Edit Dry');
    const res = data(await v.gateway.execute(UPDATE_ACCOUNT, { input: { id, ...edits.update('Edit Dry Renamed'), dryRun: true } })).updateAccount;
    expect(res).toMatchObject({ account: null, userErrors: [], plannedRequests: expect.arrayContaining([expect.objectContaining({ method: expect.stringMatching(/^(PUT|PATCH|POST)$/) })]) });
    expect(writes()).toEqual([]);
    expect(await nameOf(id)).toBe('Edit Dry');
  });

  it('update with an idempotencyKey twice: written once, the same answer; another change under the key is CONFLICT, nothing written', async () => {
    const id = await freshAccount('Edit Key');
    const input = { id, ...edits.update('Edit Key Renamed'), idempotencyKey: `edit-${id}` };
    const first = data(await v.gateway.execute(UPDATE_ACCOUNT, { input })).updateAccount;
    expect(first).toMatchObject({ account: { id, name: 'Edit Key Renamed' }, userErrors: [] });
    const sent = writes().length;
    expect(sent).toBeGreaterThan(0);
    const again = data(await v.gateway.execute(UPDATE_ACCOUNT, { input })).updateAccount;
    expect(again).toEqual(first);
    const other = data(await v.gateway.execute(UPDATE_ACCOUNT, { input: { ...input, ...edits.update('Edit Key Other') } })).updateAccount;
    expect(other.userErrors).toEqual([{ field: ['input', 'idempotencyKey'], message: 'this idempotencyKey was used with a different input', code: 'CONFLICT' }]);
    expect(writes()).toHaveLength(sent);
    expect(await nameOf(id)).toBe('Edit Key Renamed');
  });

  it('update committed after the timeout, then the same key 5 times: 6 identical SOURCE_OUTCOME_UNKNOWN, 1 write', async () => {
    const id = await freshAccount('Edit Late');
    v.server.afterNext({ match: edits.updateWrite, delayMs: LATE_MS });
    const input = { id, ...edits.update('Edit Late Renamed'), idempotencyKey: `late-${id}` };
    const first = await v.gateway.execute(UPDATE_ACCOUNT, { input });
    expect(first.data).toEqual({ updateAccount: expect.objectContaining({ account: null, userErrors: [] }) });
    expect(first.errors).toEqual([
      expect.objectContaining({ path: ['updateAccount', 'account'], extensions: expect.objectContaining({ code: 'SOURCE_OUTCOME_UNKNOWN', source: vendor.source }) }),
    ]);
    const sent = writes().length;
    for (let i = 0; i < 5; i += 1) {
      const retry = await v.gateway.execute(UPDATE_ACCOUNT, { input });
      expect({ data: retry.data, errors: retry.errors }).toEqual({ data: first.data, errors: first.errors });
    }
    expect(writes()).toHaveLength(sent);
    expect(writes().filter((r) => r.method === edits.updateWrite.method)).toHaveLength(1);
  });

  if (!edits.deletes) {
    it('deleteAccount (also as a dry run) answers UNSUPPORTED_BY_SOURCE and sends nothing', async () => {
      const id = await freshAccount('Edit Undeletable');
      for (const dryRun of [false, true]) {
        const res = await v.gateway.execute(DELETE_ACCOUNT, { input: { id, dryRun } });
        expect(res.errors?.map((e) => [e.extensions?.['code'], e.extensions?.['source']])).toEqual([['UNSUPPORTED_BY_SOURCE', vendor.source]]);
      }
      expect(writes()).toEqual([]);
      expect(await nameOf(id)).toBe('Edit Undeletable');
    });
    return;
  }
  it('delete dryRun plans and removes nothing; with a key twice: removed once, the same deletedId; without it a second delete is NOT_FOUND', async () => {
    const id = await freshAccount('Edit Delete');
    const before = v.count('account');
    const dry = data(await v.gateway.execute(DELETE_ACCOUNT, { input: { id, dryRun: true } })).deleteAccount;
    expect(dry).toMatchObject({ deletedId: null, userErrors: [], plannedRequests: expect.arrayContaining([expect.objectContaining({ method: expect.any(String) })]) });
    expect(writes()).toEqual([]);
    expect(v.count('account')).toBe(before);

    const input = { id, idempotencyKey: `delete-${id}` };
    const first = data(await v.gateway.execute(DELETE_ACCOUNT, { input })).deleteAccount;
    expect(first).toMatchObject({ deletedId: id, userErrors: [] });
    const sent = writes().length;
    expect(data(await v.gateway.execute(DELETE_ACCOUNT, { input })).deleteAccount).toEqual(first);
    expect(writes()).toHaveLength(sent);
    expect(v.count('account')).toBe(before - 1);
    const again = data(await v.gateway.execute(DELETE_ACCOUNT, { input: { id } })).deleteAccount;
    expect(again).toMatchObject({ deletedId: null, userErrors: [{ field: ['input', 'id'], code: 'NOT_FOUND' }] });
    expect(writes()).toHaveLength(sent);
  });
});
