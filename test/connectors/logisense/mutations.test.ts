import { encodeId } from '../../../src/core/globalId';
import type { Gateway } from '../../../src/server';
import type { ContactRow } from '../../../src/simulators/logisense';
import { dataOf, testGateway } from '../../support/gateway';
import { expectNoPendingFaults, type Setup, SOURCE, startLogiSense } from './harness';

/*
 * End to end through the gateway: GraphQL update and delete mutations over the LogiSense
 * connector and its simulator.
 */

const UPDATE_CONTACT = `mutation($input: UpdateContactInput!) { updateContact(input: $input) {
  contact { id remoteId firstName lastName title emails phones version primaryAccount { remoteId } }
  userErrors { field message code } warnings plannedRequests { method path body headers } } }`;
const UPDATE_ACCOUNT = `mutation($input: UpdateAccountInput!) { updateAccount(input: $input) {
  account { remoteId name version } userErrors { field message code } warnings plannedRequests { method path body headers } } }`;
const READ_CONTACT = `query($id: ID!) { contact(id: $id) { firstName emails version primaryAccount { remoteId } } }`;
const READ_ACCOUNT = `query($id: ID!) { account(id: $id) { name version } }`;
const DELETE_CONTACT = `mutation($input: DeleteContactInput!) { deleteContact(input: $input) { deletedId userErrors { field code } } }`;
const DELETE_ACCOUNT = `mutation($input: DeleteAccountInput!) { deleteAccount(input: $input) { deletedId userErrors { field code } } }`;

describe('LogiSense update and delete mutations through the gateway', () => {
  let s: Setup;
  let gw: Gateway;
  beforeAll(async () => {
    s = await startLogiSense({ sim: { accounts: 6 } });
    gw = await testGateway([s.connector]);
  });
  afterAll(async () => {
    expectNoPendingFaults(s);
    await gw.stop();
    await s.sim.close();
  });
  beforeEach(() => s.sim.server.clearLog());

  const writes = () => s.sim.server.log.filter((r) => r.method !== 'GET' && !/\/Login$/i.test(r.path));
  const typeName = (c: ContactRow) => s.sim.store.contactTypes().find((t) => t.identity === c.contactTypeId)?.name;
  const reusable = (skip: number) =>
    s.sim.store.contacts().filter((c) => ['Shipping', 'Technical'].includes(typeName(c) ?? '') && c.firstName)[skip]!;
  const contactId = (c: ContactRow) => encodeId('Contact', SOURCE, String(c.identity));

  it('updateContact with a fresh expectedVersion changes the name and replaces the e-mails; a later query shows them with the new version', async () => {
    const before = reusable(0);
    const id = contactId(before);
    const read = dataOf(await gw.execute(READ_CONTACT, { id })).contact;
    const payload = dataOf(
      await gw.execute(UPDATE_CONTACT, { input: { id, firstName: 'Gatewayed', emails: ['gw@update.example'], expectedVersion: read.version } }),
    ).updateContact;
    expect(payload.userErrors).toEqual([]);
    expect(payload.contact).toMatchObject({ firstName: 'Gatewayed', emails: ['gw@update.example'], primaryAccount: read.primaryAccount });
    expect(payload.contact.version).not.toBe(read.version);
    expect(s.sim.store.contact(before.identity)).toEqual({ ...before, firstName: 'Gatewayed' });
    expect(writes().map((r) => r.method + ' ' + r.path.replace('/ResourceServer/api/v6', ''))).toEqual([`PATCH /Contact/${before.identity}`]);
    const later = dataOf(await gw.execute(READ_CONTACT, { id })).contact;
    expect(later).toEqual({ firstName: 'Gatewayed', emails: ['gw@update.example'], version: payload.contact.version, primaryAccount: read.primaryAccount });
  });

  it('updateAccount: a stale expectedVersion is a CONFLICT, nothing written; a dry run answers the PATCH with its UpdateRequest header', async () => {
    const id = encodeId('Account', SOURCE, '10002');
    const before = s.sim.store.account(10002);
    const stale = dataOf(await gw.execute(UPDATE_ACCOUNT, { input: { id, name: 'Never', expectedVersion: '2001-01-01T00:00:00Z' } })).updateAccount;
    expect(stale).toMatchObject({ account: null, userErrors: [{ field: ['input', 'expectedVersion'], code: 'CONFLICT' }] });
    const dry = dataOf(await gw.execute(UPDATE_ACCOUNT, { input: { id, name: 'Dry Name', dryRun: true } })).updateAccount;
    expect(dry.plannedRequests).toEqual([
      { method: 'PATCH', path: '/Account/10002', body: { name: 'Dry Name' }, headers: { UpdateRequest: '{"filters":["name"]}' } },
    ]);
    expect(writes()).toEqual([]);
    expect(s.sim.store.account(10002)).toEqual(before);

    const version = dataOf(await gw.execute(READ_ACCOUNT, { id })).account.version;
    const done = dataOf(await gw.execute(UPDATE_ACCOUNT, { input: { id, name: 'Wet Name', expectedVersion: version } })).updateAccount;
    expect(done).toMatchObject({ userErrors: [], account: { name: 'Wet Name' } });
    expect(dataOf(await gw.execute(READ_ACCOUNT, { id })).account).toEqual({ name: 'Wet Name', version: done.account.version });
  });

  it('refuses a name an account cannot do without, and fields LogiSense cannot change, before sending anything', async () => {
    const account = encodeId('Account', SOURCE, '10003');
    const cleared = dataOf(await gw.execute(UPDATE_ACCOUNT, { input: { id: account, name: null } })).updateAccount;
    expect(cleared).toMatchObject({ account: null, userErrors: [{ field: ['input', 'name'], code: 'REQUIRED' }] });
    const moved = dataOf(
      await gw.execute(UPDATE_CONTACT, { input: { id: contactId(reusable(1)), accountId: encodeId('Account', SOURCE, '10004') } }),
    ).updateContact;
    expect(moved).toMatchObject({ contact: null, userErrors: [{ field: ['input', 'accountId'], code: 'UNSUPPORTED' }] });
    expect(writes()).toEqual([]);
  });

  it('an update naming a record of another source answers a userError and sends nothing', async () => {
    const foreign = encodeId('Contact', 'elsewhere', String(reusable(2).identity));
    const payload = dataOf(await gw.execute(UPDATE_CONTACT, { input: { id: foreign, firstName: 'Nope' } })).updateContact;
    expect(payload.contact).toBeNull();
    expect(payload.userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'] })]);
    expect(s.sim.server.log).toEqual([]);
  });

  it('deleteContact and deleteAccount answer UNSUPPORTED_BY_SOURCE with the reason, and nothing is removed', async () => {
    const contact = reusable(3);
    const refused = await gw.execute(DELETE_CONTACT, { input: { id: contactId(contact) } });
    expect(refused.data).toBeNull();
    expect(refused.errors).toEqual([
      expect.objectContaining({
        message: `Source "${SOURCE}" (LOGISENSE) cannot delete contacts: LogiSense v6 has no delete for contacts`,
        extensions: expect.objectContaining({ code: 'UNSUPPORTED_BY_SOURCE', source: SOURCE }),
      }),
    ]);
    const account = await gw.execute(DELETE_ACCOUNT, { input: { id: encodeId('Account', SOURCE, '10005') } });
    expect(account.errors?.[0]).toMatchObject({
      message: `Source "${SOURCE}" (LOGISENSE) cannot delete accounts: LogiSense documents no delete for accounts (an account is closed through its status)`,
      extensions: { code: 'UNSUPPORTED_BY_SOURCE' },
    });
    expect(writes()).toEqual([]);
    expect(s.sim.store.contact(contact.identity)).toEqual(contact);
    expect(s.sim.store.account(10005)).toBeDefined();
  });
});

describe('LogiSense updates on the write path: idempotency keys as for creates', () => {
  let s: Setup;
  let gw: Gateway;
  beforeAll(async () => {
    s = await startLogiSense({ sim: { accounts: 4 }, source: { timeoutMs: 300 } });
    gw = await testGateway([s.connector]);
  });
  afterAll(async () => {
    expectNoPendingFaults(s);
    await gw.stop();
    await s.sim.close();
  });
  beforeEach(() => s.sim.server.clearLog());
  const patches = () => s.sim.server.log.filter((r) => r.method === 'PATCH');

  it('the same key twice: written once, the same answer; another change under the key is CONFLICT, nothing written', async () => {
    const input = { id: encodeId('Account', SOURCE, '10001'), name: 'Keyed Once', idempotencyKey: 'ls-edit-1' };
    const first = dataOf(await gw.execute(UPDATE_ACCOUNT, { input })).updateAccount;
    expect(first).toMatchObject({ account: { name: 'Keyed Once' }, userErrors: [] });
    expect(dataOf(await gw.execute(UPDATE_ACCOUNT, { input })).updateAccount).toEqual(first);
    const other = dataOf(await gw.execute(UPDATE_ACCOUNT, { input: { ...input, name: 'Keyed Other' } })).updateAccount;
    expect(other.userErrors).toEqual([expect.objectContaining({ field: ['input', 'idempotencyKey'], code: 'CONFLICT' })]);
    expect(patches()).toHaveLength(1);
    expect(s.sim.store.account(10001)?.name).toBe('Keyed Once');
  });

  it('a PATCH committed after the timeout, then the same key 5 times: SOURCE_OUTCOME_UNKNOWN every time, one write', async () => {
    s.sim.server.afterNext({ match: { method: 'PATCH', pathIncludes: '/Account/10002' }, delayMs: 800 });
    const input = { id: encodeId('Account', SOURCE, '10002'), name: 'Late Name', idempotencyKey: 'ls-late-1' };
    const first = await gw.execute(UPDATE_ACCOUNT, { input });
    expect(first.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'SOURCE_OUTCOME_UNKNOWN', source: SOURCE }) })]);
    for (let i = 0; i < 5; i += 1) {
      const retry = await gw.execute(UPDATE_ACCOUNT, { input });
      expect({ data: retry.data, errors: retry.errors }).toEqual({ data: first.data, errors: first.errors });
    }
    await new Promise((r) => setTimeout(r, 600));
    expect(patches()).toHaveLength(1);
    expect(s.sim.store.account(10002)?.name).toBe('Late Name');
  });
});
