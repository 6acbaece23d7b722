import { changedFields, patchBody, readLater, recordOf, updateOne, writes } from './edits';
import { startPipeliner, type PipelinerSetup } from './harness';

/** Account updates: one PATCH with only the changed columns; the address per part. */
describe('Pipeliner: account updates', () => {
  let s: PipelinerSetup;
  let next = 0;
  beforeAll(async () => {
    s = await startPipeliner({ sim: { size: { accounts: 20, contacts: 0, opportunities: 0 } } });
  });
  afterAll(async () => s.close());
  beforeEach(() => s.sim.server.clearLog());

  const account = (id: string) => s.sim.record('Accounts', id)!;
  /** A seeded account with a home page and a city, not used by another test. */
  const fresh = () => s.sim.records('Accounts').filter((a) => a['home_page'] !== '' && a['city'] !== '')[next++]!.id;

  it('changes one address part: only that column changes, the PATCH carries only it, a later read shows it', async () => {
    const id = fresh();
    const before = account(id);
    const record = recordOf(await updateOne(s, 'ACCOUNT', { id, changes: { address: { city: 'Innsbruck' } } }));
    expect(changedFields(before, account(id))).toEqual(['city']);
    expect(patchBody(s.sim)).toEqual({ city: 'Innsbruck' });
    expect(record.address).toMatchObject({ city: 'Innsbruck', street: before['address'] || null });
    expect(record.version).toBe(String(account(id)['revision']));
    expect(record.version).not.toBe(String(before['revision']));
    expect(await readLater(s, 'ACCOUNT', id)).toMatchObject({ address: { city: 'Innsbruck' }, version: record.version });
  });

  it("costs the record's GET and the PATCH: the PATCH answer is the whole account, so nothing is read back", async () => {
    const id = fresh();
    const record = recordOf(await updateOne(s, 'ACCOUNT', { id, changes: { name: 'Renamed once' } }));
    expect(s.sim.server.log.map((r) => r.method)).toEqual(['GET', 'PATCH']);
    expect(record).toMatchObject({ name: 'Renamed once', version: String(account(id)['revision']) });
    // As a later read answers it (only the vendor's raw record differs: a read by id expands the owner).
    const later = await readLater(s, 'ACCOUNT', id);
    expect({ ...later, remoteData: null }).toEqual({ ...record, remoteData: null });
  });

  it('clears the website with null, and the whole address with address: null', async () => {
    const id = fresh();
    const record = recordOf(await updateOne(s, 'ACCOUNT', { id, changes: { website: null, address: null } }));
    expect(account(id)).toMatchObject({ home_page: '', address: '', city: '', state_province: '', zip_code: '', country: '' });
    expect(patchBody(s.sim)).toMatchObject({ home_page: '', city: '' });
    expect(record).toMatchObject({ website: null, address: null });
  });

  it('refuses null on the name, which Pipeliner requires, and writes nothing', async () => {
    const id = fresh();
    const before = s.sim.snapshot();
    const result = await updateOne(s, 'ACCOUNT', { id, changes: { name: null, website: 'https://kept-out.test' } });
    expect(result).toEqual({ kind: 'rejected', userErrors: [expect.objectContaining({ field: ['name'], code: 'REQUIRED' })] });
    expect(writes(s.sim)).toEqual([]);
    expect(s.sim.snapshot()).toBe(before);
  });

  it('refuses a stale expectedVersion with CONFLICT and writes nothing; a fresh one writes', async () => {
    const id = fresh();
    const current = String(account(id)['revision']);
    const stale = await updateOne(s, 'ACCOUNT', { id, expectedVersion: '1', changes: { name: 'Stale Co' } });
    expect(stale).toMatchObject({ kind: 'rejected', userErrors: [{ field: ['expectedVersion'], code: 'CONFLICT' }] });
    expect(writes(s.sim)).toEqual([]);
    const written = recordOf(await updateOne(s, 'ACCOUNT', { id, expectedVersion: current, changes: { name: 'Fresh Co' } }));
    expect(account(id)['name']).toBe('Fresh Co');
    expect(written.version).not.toBe(current);
  });

  it('answers a dry run with the planned PATCH and writes nothing', async () => {
    const id = fresh();
    const result = await updateOne(s, 'ACCOUNT', { id, changes: { phones: ['+43 1 000'] } }, { dryRun: true });
    expect(result).toMatchObject({ kind: 'planned', requests: [{ method: 'PATCH', path: `/entities/Accounts/${id}`, body: { phone1: '+43 1 000' } }] });
    expect(writes(s.sim)).toEqual([]);
  });

  it('sends nothing when the changes are what the account already has', async () => {
    const id = fresh();
    const result = await updateOne(s, 'ACCOUNT', { id, changes: { name: account(id)['name'] as string } });
    expect(recordOf(result).name).toBe(account(id)['name']);
    expect(writes(s.sim)).toEqual([]);
  });
});
