import { encodeId } from '../../../src/core/globalId';
import { dataOf } from '../../support/gateway';
import { writes } from './edits';
import { startPipeliner, type PipelinerSetup } from './harness';

/* End to end through the gateway: GraphQL update and delete mutations over the Pipeliner connector and its simulator. */

const UPDATE_CONTACT = `mutation($input: UpdateContactInput!) { updateContact(input: $input) {
  contact { remoteId title primaryAccount { remoteId } version } userErrors { field message code } warnings plannedRequests { method path body } } }`;
const READ_CONTACT = `query($id: ID!) { contact(id: $id) { title primaryAccount { remoteId } version } }`;
const DELETE_CONTACT = `mutation($input: DeleteContactInput!) { deleteContact(input: $input) {
  deletedId userErrors { field code } warnings plannedRequests { method path } } }`;

describe('Pipeliner update and delete mutations', () => {
  let s: PipelinerSetup;
  beforeAll(async () => {
    s = await startPipeliner({ sim: { size: { accounts: 10, contacts: 20, opportunities: 5 } } });
  });
  afterAll(async () => s.close());
  beforeEach(() => s.sim.server.clearLog());

  it('updateContact with the version read: one PATCH of what changed, a later query shows it; the old version is then a CONFLICT; deleteContact twice', async () => {
    const link = s.sim.records('ContactAccountRelations').find((r) => r['is_primary'] === true)!;
    const remoteId = link['contact_id'] as string;
    const id = encodeId('Contact', 'pipeliner', remoteId);
    const account = s.sim.records('Accounts').find((a) => a.id !== link['account_id'])!;
    const accountId = encodeId('Account', 'pipeliner', account.id);
    const v0 = dataOf<{ contact: { version: string } }>(await s.gateway.execute(READ_CONTACT, { id })).contact.version;
    expect(v0).toBe(String(s.sim.record('Contacts', remoteId)!['revision']));

    const dry = dataOf(await s.gateway.execute(UPDATE_CONTACT, { input: { id, title: 'Dr.', expectedVersion: v0, dryRun: true } })).updateContact;
    expect(dry.plannedRequests).toEqual([{ method: 'PATCH', path: `/entities/Contacts/${remoteId}`, body: { title: 'Dr.' } }]);
    expect(writes(s.sim)).toEqual([]);

    const done = dataOf(await s.gateway.execute(UPDATE_CONTACT, { input: { id, title: 'Dr.', accountId, expectedVersion: v0 } })).updateContact;
    expect(done.userErrors).toEqual([]);
    expect(done.contact).toMatchObject({ remoteId, title: 'Dr.', primaryAccount: { remoteId: account.id } });
    expect(done.contact.version).not.toBe(v0);
    expect(writes(s.sim).map((r) => r.method)).toEqual(['PATCH']);
    expect(Object.keys(s.sim.server.requests('PATCH')[0]!.body as object).sort()).toEqual(['account_relations', 'title']);
    expect(dataOf(await s.gateway.execute(READ_CONTACT, { id })).contact).toEqual({ title: 'Dr.', primaryAccount: { remoteId: account.id }, version: done.contact.version });

    s.sim.server.clearLog();
    const stale = dataOf(await s.gateway.execute(UPDATE_CONTACT, { input: { id, title: 'Late', expectedVersion: v0 } })).updateContact;
    expect(stale).toMatchObject({ contact: null, userErrors: [{ field: ['input', 'expectedVersion'], code: 'CONFLICT' }] });
    expect(writes(s.sim)).toEqual([]);

    const deleted = dataOf(await s.gateway.execute(DELETE_CONTACT, { input: { id } })).deleteContact;
    expect(deleted).toMatchObject({ deletedId: id, userErrors: [], warnings: [expect.stringContaining('account link')] });
    expect(s.sim.records('Contacts').some((c) => c.id === remoteId)).toBe(false);
    const again = dataOf(await s.gateway.execute(DELETE_CONTACT, { input: { id } })).deleteContact;
    expect(again).toMatchObject({ deletedId: null, userErrors: [{ field: ['input', 'id'], code: 'NOT_FOUND' }] });
  });

  it('replays an update sent again with its idempotencyKey without a second PATCH, and refuses an id of another source sending nothing', async () => {
    const remoteId = s.sim.records('Contacts')[3]!.id;
    const id = encodeId('Contact', 'pipeliner', remoteId);
    const input = { id, title: 'Keyed', idempotencyKey: 'pipeliner-update-1' };
    const first = dataOf(await s.gateway.execute(UPDATE_CONTACT, { input })).updateContact;
    const again = dataOf(await s.gateway.execute(UPDATE_CONTACT, { input })).updateContact;
    expect(first).toMatchObject({ userErrors: [], contact: { title: 'Keyed' } });
    expect(again.contact).toEqual(first.contact);
    expect(s.sim.server.requests('PATCH')).toHaveLength(1);

    s.sim.server.clearLog();
    const elsewhere = encodeId('Contact', 'elsewhere', remoteId);
    const refused = dataOf(await s.gateway.execute(UPDATE_CONTACT, { input: { id: elsewhere, title: 'Nope' } })).updateContact;
    expect(refused.contact).toBeNull();
    expect(refused.userErrors).toEqual([expect.objectContaining({ field: ['input', 'id'] })]);
    expect(s.sim.server.requests()).toEqual([]);
  });
});
