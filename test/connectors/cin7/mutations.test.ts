import { encodeId } from '../../../src/core/globalId';
import { dataOf } from '../../support/gateway';
import { startCin7, type Cin7Setup } from './harness';

/*
 * End to end through the gateway: GraphQL update and delete mutations over the Cin7 Omni
 * connector and its simulator.
 */

const UPDATE_CONTACT = `mutation($input: UpdateContactInput!) { updateContact(input: $input) {
  contact { id remoteId firstName lastName jobTitle emails phones version primaryAccount { remoteId } }
  userErrors { field message code } warnings plannedRequests { method path body } } }`;
const UPDATE_ACCOUNT = `mutation($input: UpdateAccountInput!) { updateAccount(input: $input) {
  account { remoteId name website version } userErrors { field message code } } }`;
const READ_CONTACT = `query($id: ID!) { contact(id: $id) { jobTitle lastName version } }`;
const DELETE_ACCOUNT = `mutation($input: DeleteAccountInput!) { deleteAccount(input: $input) {
  deletedId userErrors { field message code } warnings plannedRequests { method path } } }`;
const DELETE_CONTACT = `mutation($input: DeleteContactInput!) { deleteContact(input: $input) { deletedId userErrors { field code } } }`;

describe('Cin7 Omni update and delete mutations', () => {
  let s: Cin7Setup;
  beforeAll(async () => {
    s = await startCin7({ sim: { size: { customers: 20, suppliers: 2, users: 4, quotes: 0 } } });
  });
  afterAll(async () => s.close());
  beforeEach(() => s.sim.server.clearLog());

  const withSecondaries = (skip: number) => s.sim.store.contacts().filter((c) => c.company && c.firstName && (c.secondaryContacts?.length ?? 0) >= 2)[skip]!;
  const writes = () => s.sim.server.log.filter((r) => r.method !== 'GET');

  it('updateContact of a secondary contact changes that field only, and a later query shows it with the new version', async () => {
    const before = withSecondaries(0);
    const [target, ...others] = before.secondaryContacts!;
    const id = encodeId('Contact', 'cin7', `${before.id}.s${target!.id}`);
    const v0 = dataOf<{ contact: { version: string } }>(await s.gateway.execute(READ_CONTACT, { id })).contact.version;
    const payload = dataOf(await s.gateway.execute(UPDATE_CONTACT, { input: { id, jobTitle: 'Warehouse Lead', expectedVersion: v0 } })).updateContact;
    expect(payload.userErrors).toEqual([]);
    expect(payload.contact).toMatchObject({ jobTitle: 'Warehouse Lead', firstName: target!.firstName, primaryAccount: { remoteId: String(before.id) } });
    expect(payload.contact.version).not.toBe(v0);
    const after = s.sim.store.contact(before.id)!;
    expect(after.secondaryContacts).toEqual([{ ...target, jobTitle: 'Warehouse Lead' }, ...others]);
    expect({ ...after, secondaryContacts: null, modifiedDate: null }).toEqual({ ...before, secondaryContacts: null, modifiedDate: null });
    const later = dataOf(await s.gateway.execute(READ_CONTACT, { id })).contact;
    expect(later).toEqual({ jobTitle: 'Warehouse Lead', lastName: target!.lastName, version: payload.contact.version });
  });

  it('a stale expectedVersion is a CONFLICT on expectedVersion, nothing written; dry runs show the PUT and write nothing', async () => {
    const before = withSecondaries(1);
    const id = encodeId('Account', 'cin7', String(before.id));
    const stale = dataOf(await s.gateway.execute(UPDATE_ACCOUNT, { input: { id, website: 'x.example', expectedVersion: 'never~000000000000' } })).updateAccount;
    expect(stale).toMatchObject({ account: null, userErrors: [{ field: ['input', 'expectedVersion'], code: 'CONFLICT' }] });
    const dry = dataOf(await s.gateway.execute(UPDATE_CONTACT, { input: { id: encodeId('Contact', 'cin7', String(before.id)), lastName: null, dryRun: true } })).updateContact;
    expect(dry.plannedRequests).toEqual([{ method: 'PUT', path: '/v1/Contacts', body: [{ id: before.id, type: before.type, lastName: '' }] }]);
    expect(writes()).toEqual([]);
    expect(s.sim.store.contact(before.id)).toEqual(before);
  });

  it('a field Cin7 does not have, or a first name cleared, is refused before anything is sent', async () => {
    const before = withSecondaries(2);
    const id = encodeId('Contact', 'cin7', String(before.id));
    const unsupported = dataOf(await s.gateway.execute(UPDATE_CONTACT, { input: { id, middleName: 'Q', jobTitle: 'never sent' } })).updateContact;
    expect(unsupported).toMatchObject({ contact: null, userErrors: [{ field: ['input', 'middleName'], code: 'UNSUPPORTED' }] });
    const required = dataOf(await s.gateway.execute(UPDATE_CONTACT, { input: { id, firstName: null } })).updateContact;
    expect(required).toMatchObject({ contact: null, userErrors: [{ field: ['input', 'firstName'], code: 'REQUIRED' }] });
    expect(writes()).toEqual([]);
    expect(s.sim.store.contact(before.id)).toEqual(before);
  });

  it('deleteAccount removes the record (its people with it, as the dry run warns); a second delete is NOT_FOUND; a removed secondary contact is gone', async () => {
    const before = withSecondaries(3);
    const id = encodeId('Account', 'cin7', String(before.id));
    const dry = dataOf(await s.gateway.execute(DELETE_ACCOUNT, { input: { id, dryRun: true } })).deleteAccount;
    expect(dry.plannedRequests).toEqual([{ method: 'DELETE', path: `/v1/Contacts/${before.id}` }]);
    expect(dry.warnings.join(' ')).toContain(`${before.id}.s${before.secondaryContacts![0]!.id}`);
    expect(s.sim.store.contact(before.id)).toBeDefined();

    const other = withSecondaries(4);
    const sc = encodeId('Contact', 'cin7', `${other.id}.s${other.secondaryContacts![0]!.id}`);
    expect(dataOf(await s.gateway.execute(DELETE_CONTACT, { input: { id: sc } })).deleteContact).toEqual({ deletedId: sc, userErrors: [] });
    expect(s.sim.store.contact(other.id)!.secondaryContacts).toEqual(other.secondaryContacts!.slice(1));

    const first = dataOf(await s.gateway.execute(DELETE_ACCOUNT, { input: { id } })).deleteAccount;
    expect(first).toMatchObject({ deletedId: id, userErrors: [] });
    expect(s.sim.store.contact(before.id)).toBeUndefined();
    const second = dataOf(await s.gateway.execute(DELETE_ACCOUNT, { input: { id } })).deleteAccount;
    expect(second).toMatchObject({ deletedId: null, userErrors: [{ field: ['input', 'id'], code: 'NOT_FOUND' }] });
  });
});
