import { encodeId } from '../../../src/core/globalId';
import { dataOf } from '../../support/gateway';
import { startSuperOffice, type SuperOfficeSetup } from './harness';

/* End to end through the gateway: GraphQL update and delete mutations over the SuperOffice connector and its simulator. */

const UPDATE_CONTACT = `mutation($input: UpdateContactInput!) { updateContact(input: $input) {
  contact { remoteId jobTitle emails version } userErrors { field message code } warnings plannedRequests { method path body headers } } }`;
const READ_CONTACT = `query($id: ID!) { contact(id: $id) { jobTitle emails version } }`;
const DELETE_OPPORTUNITY = `mutation($input: DeleteOpportunityInput!) { deleteOpportunity(input: $input) {
  deletedId userErrors { field code } plannedRequests { method path headers } } }`;

describe('SuperOffice update and delete mutations', () => {
  let s: SuperOfficeSetup;
  beforeAll(async () => {
    s = await startSuperOffice();
  });
  afterAll(async () => s.close());
  beforeEach(() => s.sim.server.clearLog());
  const writes = () => s.sim.server.log.filter((r) => r.method !== 'GET');

  it('updateContact with the version read: one PATCH with If-Unmodified-Since, a later query shows it; the old version is then a CONFLICT', async () => {
    const person = s.sim.store.persons().find((p) => p.contactId > 1 && p.emails.length > 0)!;
    const id = encodeId('Contact', 'superoffice', String(person.id));
    const v0 = dataOf<{ contact: { version: string } }>(await s.gateway.execute(READ_CONTACT, { id })).contact.version;

    const dry = dataOf(await s.gateway.execute(UPDATE_CONTACT, { input: { id, jobTitle: 'Buyer', expectedVersion: v0, dryRun: true } })).updateContact;
    expect(dry.plannedRequests).toEqual([
      {
        method: 'PATCH',
        path: `/Person/${person.id}`,
        body: [{ op: 'replace', path: '/Title', value: 'Buyer' }],
        headers: { 'Content-Type': 'application/json-patch+json', 'If-Unmodified-Since': new Date(v0).toUTCString() },
      },
    ]);
    expect(writes()).toEqual([]);

    const done = dataOf(await s.gateway.execute(UPDATE_CONTACT, { input: { id, jobTitle: 'Buyer', emails: ['buyer@new.example'], expectedVersion: v0 } })).updateContact;
    expect(done.userErrors).toEqual([]);
    expect(done.contact).toMatchObject({ jobTitle: 'Buyer', emails: ['buyer@new.example'] });
    expect(done.contact.version).not.toBe(v0);
    expect(writes().map((r) => [r.method, r.status])).toEqual([['PATCH', 200]]);
    expect(s.sim.writeHeaders().at(-1)!.ifUnmodifiedSince).toBe(new Date(v0).toUTCString());
    expect(dataOf(await s.gateway.execute(READ_CONTACT, { id })).contact).toEqual({ jobTitle: 'Buyer', emails: ['buyer@new.example'], version: done.contact.version });

    s.sim.server.clearLog();
    const stale = dataOf(await s.gateway.execute(UPDATE_CONTACT, { input: { id, jobTitle: 'Late', expectedVersion: v0 } })).updateContact;
    expect(stale).toMatchObject({ contact: null, userErrors: [{ field: ['input', 'expectedVersion'], code: 'CONFLICT' }] });
    expect(writes()).toEqual([]);
  });

  it('deleteOpportunity: the dry run shows the DELETE, the delete removes the sale, a second delete is NOT_FOUND', async () => {
    const sale = s.sim.store.sales()[0]!;
    const id = encodeId('Opportunity', 'superoffice', String(sale.id));
    const dry = dataOf(await s.gateway.execute(DELETE_OPPORTUNITY, { input: { id, dryRun: true } })).deleteOpportunity;
    expect(dry.plannedRequests).toEqual([{ method: 'DELETE', path: `/Sale/${sale.id}`, headers: null }]);
    expect(s.sim.store.sale(sale.id)).toBeDefined();
    expect(dataOf(await s.gateway.execute(DELETE_OPPORTUNITY, { input: { id } })).deleteOpportunity).toMatchObject({ deletedId: id, userErrors: [] });
    expect(s.sim.store.sale(sale.id)).toBeUndefined();
    const again = dataOf(await s.gateway.execute(DELETE_OPPORTUNITY, { input: { id } })).deleteOpportunity;
    expect(again).toMatchObject({ deletedId: null, userErrors: [{ field: ['input', 'id'], code: 'NOT_FOUND' }] });
  });
});
