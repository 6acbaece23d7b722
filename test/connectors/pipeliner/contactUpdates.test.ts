import { changedFields, patchBody, readLater, recordOf, updateOne, writes } from './edits';
import { startPipeliner, type PipelinerSetup } from './harness';

/** Contact updates: one PATCH with only what changes; the account link as the primary relation item. */
describe('Pipeliner: contact updates', () => {
  let s: PipelinerSetup;
  beforeAll(async () => {
    s = await startPipeliner({ sim: { size: { accounts: 20, contacts: 60, opportunities: 0 } } });
  });
  afterAll(async () => s.close());
  beforeEach(() => s.sim.server.clearLog());

  const contact = (id: string) => s.sim.record('Contacts', id)!;
  const links = (id: string) => s.sim.records('ContactAccountRelations').filter((r) => r['contact_id'] === id);
  /** A contact with a primary account link and `others` further links, not used by another test. */
  const used = new Set<string>();
  function linkedContact(others: number): string {
    const id = s.sim
      .records('Contacts')
      .map((c) => c.id)
      .find((cid) => !used.has(cid) && links(cid).some((l) => l['is_primary'] === true) && links(cid).length === others + 1 && contact(cid)['first_name'] !== '');
    if (!id) throw new Error(`no contact with ${others} secondary links left`);
    used.add(id);
    return id;
  }

  it('changes one field: only it changes at the vendor, the PATCH carries only it, a later read shows it', async () => {
    const id = linkedContact(0);
    const before = contact(id);
    const result = await updateOne(s, 'CONTACT', { id, changes: { title: 'Prof.' } });
    const record = recordOf(result);
    expect(changedFields(before, contact(id))).toEqual(['title']);
    expect(patchBody(s.sim)).toEqual({ title: 'Prof.' });
    // The record read by the draft, the PATCH, the record read back: nothing else.
    expect(s.sim.server.requests().map((r) => r.method)).toEqual(['GET', 'PATCH', 'GET']);
    expect(s.sim.server.requests('PATCH')[0]!.path).toMatch(new RegExp(`/entities/Contacts/${id}$`));
    expect(record).toMatchObject({ remoteId: id, title: 'Prof.', version: String(contact(id)['revision']) });
    expect(record.version).not.toBe(String(before['revision']));
    expect(await readLater(s, 'CONTACT', id)).toMatchObject({ title: 'Prof.', version: record.version });
  });

  it('clears a clearable field with null', async () => {
    const id = linkedContact(0);
    recordOf(await updateOne(s, 'CONTACT', { id, changes: { middleName: 'Q.' } }));
    s.sim.server.clearLog();
    const record = recordOf(await updateOne(s, 'CONTACT', { id, changes: { middleName: null, emails: null } }));
    expect(contact(id)).toMatchObject({ middle_name: '', email1: '' });
    expect(patchBody(s.sim)).toMatchObject({ middle_name: '' });
    expect(record).toMatchObject({ middleName: null, emails: [] });
  });

  it('replaces the e-mail list, sending only the slots that change', async () => {
    const id = linkedContact(0);
    const first = contact(id)['email1'];
    recordOf(await updateOne(s, 'CONTACT', { id, changes: { emails: [first as string, 'second@example.test'] } }));
    expect(patchBody(s.sim)).toEqual({ email2: 'second@example.test' });
    expect(contact(id)).toMatchObject({ email1: first, email2: 'second@example.test' });
  });

  it.each([
    ['lastName', { firstName: null, lastName: null }, 'REQUIRED'],
    ['ownerId', { ownerId: null }, 'REQUIRED'],
  ] as const)('refuses null on %s, which Pipeliner cannot clear, and writes nothing', async (field, changes, code) => {
    const id = linkedContact(0);
    const before = s.sim.snapshot();
    const result = await updateOne(s, 'CONTACT', { id, changes });
    expect(result).toEqual({ kind: 'rejected', userErrors: [expect.objectContaining({ field: [field], code })] });
    expect(writes(s.sim)).toEqual([]);
    expect(s.sim.snapshot()).toBe(before);
  });

  it('refuses a stale expectedVersion with CONFLICT naming the current one; a fresh one writes and answers the new version', async () => {
    const id = linkedContact(0);
    const current = String(contact(id)['revision']);
    const stale = await updateOne(s, 'CONTACT', { id, expectedVersion: String(Number(current) - 1), changes: { title: 'Stale' } });
    expect(stale).toEqual({ kind: 'rejected', userErrors: [{ field: ['expectedVersion'], code: 'CONFLICT', message: expect.stringContaining(`now at version ${current}`) }] });
    expect(writes(s.sim)).toEqual([]);

    const fresh = recordOf(await updateOne(s, 'CONTACT', { id, expectedVersion: current, changes: { title: 'Fresh' } }));
    expect(fresh.title).toBe('Fresh');
    expect(fresh.version).toBe(String(contact(id)['revision']));
    expect(fresh.version).not.toBe(current);
  });

  it('moves the primary account link to another account, keeping the other links and the job title', async () => {
    const id = linkedContact(1);
    const before = links(id);
    const secondary = before.find((l) => l['is_primary'] !== true)!;
    const target = s.sim.records('Accounts').find((a) => !before.some((l) => l['account_id'] === a.id))!;
    const jobTitle = (await readLater(s, 'CONTACT', id))!.jobTitle;
    s.sim.server.clearLog();

    const record = recordOf(await updateOne(s, 'CONTACT', { id, changes: { accountId: target.id } }));
    expect(patchBody(s.sim)).toEqual({
      account_relations: [
        { account_id: target.id, is_primary: true, ...(jobTitle ? { position: jobTitle } : {}) },
        { account_id: secondary['account_id'], is_primary: false },
      ],
    });
    const after = links(id);
    expect(after.find((l) => l['is_primary'] === true)!['account_id']).toBe(target.id);
    expect(after.find((l) => l['account_id'] === secondary['account_id'])!.id).toBe(secondary.id);
    expect(record).toMatchObject({ primaryAccountId: target.id, jobTitle });
    expect(record.accounts.map((a) => a.accountId).sort()).toEqual([target.id, secondary['account_id']].sort());
  });

  it('unlinks a contact whose only link is removed; the job title stays as its quick position', async () => {
    const id = linkedContact(0);
    const jobTitle = (await readLater(s, 'CONTACT', id))!.jobTitle;
    s.sim.server.clearLog();
    const record = recordOf(await updateOne(s, 'CONTACT', { id, changes: { accountId: null } }));
    expect(patchBody(s.sim)).toEqual({ account_relations: [], ...(jobTitle ? { position: jobTitle } : {}) });
    expect(links(id)).toEqual([]);
    expect(record).toMatchObject({ primaryAccountId: null, accounts: [], jobTitle });
  });

  it('refuses to remove the primary link alone while other links remain, writing nothing', async () => {
    const id = linkedContact(1);
    const result = await updateOne(s, 'CONTACT', { id, changes: { accountId: null } });
    expect(result).toMatchObject({ kind: 'rejected', userErrors: [{ field: ['accountId'], code: 'INVALID' }] });
    expect(writes(s.sim)).toEqual([]);
  });

  it('writes the job title onto the primary link', async () => {
    const id = linkedContact(0);
    const record = recordOf(await updateOne(s, 'CONTACT', { id, changes: { jobTitle: 'Chief Tester' } }));
    expect(patchBody(s.sim)).toEqual({ account_position: 'Chief Tester' });
    expect(links(id)[0]!['position']).toBe('Chief Tester');
    expect(record.jobTitle).toBe('Chief Tester');
  });

  it('answers a dry run with the PATCH it would send and writes nothing', async () => {
    const id = linkedContact(0);
    const before = s.sim.snapshot();
    const result = await updateOne(s, 'CONTACT', { id, changes: { lastName: 'Planned' } }, { dryRun: true });
    expect(result).toEqual({ kind: 'planned', requests: [{ method: 'PATCH', path: `/entities/Contacts/${id}`, body: { last_name: 'Planned' } }], warnings: [] });
    expect(writes(s.sim)).toEqual([]);
    expect(s.sim.snapshot()).toBe(before);
  });

  it('answers NOT_FOUND on id for a contact Pipeliner does not hold', async () => {
    const result = await updateOne(s, 'CONTACT', { id: '01234567-abcd-dcba-ffff-000000000000', changes: { title: 'X' } });
    expect(result).toMatchObject({ kind: 'rejected', userErrors: [{ field: ['id'], code: 'NOT_FOUND' }] });
    expect(writes(s.sim)).toEqual([]);
  });
});
