import { deleteOne, writes } from './edits';
import { startPipeliner, type PipelinerSetup } from './harness';

/** Deletes: `DELETE /entities/{Plural}/{id}`; the relation rows go with the record, and the draft says so. */
describe('Pipeliner: deletes', () => {
  let s: PipelinerSetup;
  beforeAll(async () => {
    s = await startPipeliner({ sim: { size: { accounts: 10, contacts: 30, opportunities: 20 } } });
  });
  afterAll(async () => s.close());
  beforeEach(() => s.sim.server.clearLog());

  const live = (plural: 'Contacts' | 'Accounts' | 'Opportunities', id: string) => s.sim.records(plural).some((r) => r.id === id);
  const rows = (plural: 'ContactAccountRelations' | 'LeadOpptyContactRelations' | 'LeadOpptyAccountRelations', column: string, id: string) =>
    s.sim.records(plural).filter((r) => r[column] === id);

  /** A contact with account links and opportunity links. */
  function busyContact(): string {
    return s.sim
      .records('Contacts')
      .map((c) => c.id)
      .find((id) => rows('ContactAccountRelations', 'contact_id', id).length > 0 && rows('LeadOpptyContactRelations', 'contact_id', id).length > 0)!;
  }

  it('answers a dry run with the DELETE and the relations that would go with the contact, removing nothing', async () => {
    const id = busyContact();
    const accountLinks = rows('ContactAccountRelations', 'contact_id', id).length;
    const opportunityLinks = rows('LeadOpptyContactRelations', 'contact_id', id).length;
    const before = s.sim.snapshot();
    const result = await deleteOne(s, 'CONTACT', { id }, { dryRun: true });
    expect(result).toEqual({
      kind: 'planned',
      requests: [{ method: 'DELETE', path: `/entities/Contacts/${id}`, body: null }],
      warnings: [
        `Pipeliner removes the contact's ${accountLinks} account link${accountLinks === 1 ? '' : 's'} and ${opportunityLinks} opportunity link${opportunityLinks === 1 ? '' : 's'} with it`,
      ],
    });
    expect(writes(s.sim)).toEqual([]);
    expect(s.sim.snapshot()).toBe(before);
  });

  it('deletes a contact with its relation rows; a second delete is NOT_FOUND on id', async () => {
    const id = busyContact();
    const result = await deleteOne(s, 'CONTACT', { id });
    expect(result).toMatchObject({ kind: 'created', record: { remoteId: id }, warnings: [expect.stringContaining('account link')] });
    expect(s.sim.server.requests('DELETE').map((r) => r.path)).toEqual([expect.stringMatching(new RegExp(`/entities/Contacts/${id}$`))]);
    expect(live('Contacts', id)).toBe(false);
    expect(rows('ContactAccountRelations', 'contact_id', id)).toEqual([]);
    expect(rows('LeadOpptyContactRelations', 'contact_id', id)).toEqual([]);

    s.sim.server.clearLog();
    const again = await deleteOne(s, 'CONTACT', { id });
    expect(again).toEqual({ kind: 'rejected', userErrors: [{ field: ['id'], code: 'NOT_FOUND', message: expect.any(String) }] });
    expect(writes(s.sim)).toEqual([]);
  });

  it('refuses a stale expectedVersion with CONFLICT and removes nothing; the current one deletes', async () => {
    const id = s.sim.records('Opportunities')[0]!.id;
    const current = String(s.sim.record('Opportunities', id)!['revision']);
    const stale = await deleteOne(s, 'OPPORTUNITY', { id, expectedVersion: '0' });
    expect(stale).toMatchObject({ kind: 'rejected', userErrors: [{ field: ['expectedVersion'], code: 'CONFLICT' }] });
    expect(writes(s.sim)).toEqual([]);
    expect(live('Opportunities', id)).toBe(true);

    const done = await deleteOne(s, 'OPPORTUNITY', { id, expectedVersion: current });
    expect(done).toMatchObject({ kind: 'created', record: { remoteId: id }, warnings: [expect.stringMatching(/account link.*contact link/)] });
    expect(live('Opportunities', id)).toBe(false);
    expect(rows('LeadOpptyAccountRelations', 'lead_oppty_id', id)).toEqual([]);
    expect(rows('LeadOpptyContactRelations', 'lead_oppty_id', id)).toEqual([]);
  });

  it("deletes an account, saying which contact and opportunity links go with it", async () => {
    const id = s.sim.records('Accounts').find((a) => rows('ContactAccountRelations', 'account_id', a.id).length > 0)!.id;
    const contactLinks = rows('ContactAccountRelations', 'account_id', id).length;
    const result = await deleteOne(s, 'ACCOUNT', { id });
    expect(result).toMatchObject({ kind: 'created', record: { remoteId: id } });
    expect((result as { warnings: string[] }).warnings[0]).toContain(`${contactLinks} contact link`);
    expect(live('Accounts', id)).toBe(false);
    expect(rows('ContactAccountRelations', 'account_id', id)).toEqual([]);
  });

  it('answers NOT_FOUND when the record went between the draft and the DELETE', async () => {
    const id = s.sim.records('Opportunities')[1]!.id;
    s.sim.server.failNext({
      status: 404,
      match: { method: 'DELETE', pathIncludes: id },
      body: { success: false, code: 404, name: 'ERROR_NOT_FOUND', message: `Opportunity with id '${id}' not found.`, http_status: 404 },
    });
    const result = await deleteOne(s, 'OPPORTUNITY', { id });
    expect(result).toMatchObject({ kind: 'rejected', userErrors: [{ field: ['id'], code: 'NOT_FOUND' }] });
  });
});
