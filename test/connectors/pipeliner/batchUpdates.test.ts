import { updateMany } from './edits';
import { startPipeliner, type PipelinerSetup } from './harness';

/** Batch updates: `batch-modify` with the ids in the items, 100 a call, answered per item. */
describe('Pipeliner: batch updates', () => {
  let s: PipelinerSetup;
  beforeAll(async () => {
    s = await startPipeliner({ sim: { size: { accounts: 5, contacts: 160, opportunities: 0 } } });
  });
  afterAll(async () => s.close());
  beforeEach(() => s.sim.server.clearLog());

  it('updates 150 contacts in two calls; when the first fails, the second chunk is still sent and its records reported', async () => {
    const ids = s.sim.records('Contacts').slice(0, 150).map((c) => c.id);
    const before = new Map(ids.map((id) => [id, s.sim.record('Contacts', id)!]));
    s.sim.server.failNext({
      status: 500,
      body: { success: false, code: 500, name: 'ERROR', message: 'unexpected', http_status: 500 },
      nth: 1,
      match: { method: 'POST', pathIncludes: '/batch-modify' },
    });
    const results = await updateMany(s, 'CONTACT', ids.map((id, i) => ({ id, changes: { title: `T${i}` } })));

    const batches = s.sim.server.requests('POST', '/entities/Contacts/batch-modify');
    expect(batches.map((b) => (b.body as unknown[]).length)).toEqual([100, 50]);
    expect(batches.every((b) => b.query.includes('rollback-method=1'))).toBe(true);
    expect((batches[1]!.body as Array<Record<string, unknown>>)[0]).toEqual({ title: 'T100', id: ids[100] });
    expect(s.sim.server.requests('PATCH')).toEqual([]);

    results.slice(0, 100).forEach((r) => expect(r).toMatchObject({ kind: 'failed', error: { code: 'SOURCE_OUTCOME_UNKNOWN' } }));
    results.slice(100).forEach((r, k) => {
      const id = ids[100 + k]!;
      expect(r).toMatchObject({ kind: 'created', record: { remoteId: id, title: `T${100 + k}`, version: String(s.sim.record('Contacts', id)!['revision']) } });
    });
    // The failed call wrote nothing; the other chunk's records changed.
    expect(s.sim.record('Contacts', ids[0]!)).toEqual(before.get(ids[0]!));
    expect(s.sim.record('Contacts', ids[149]!)!['title']).toBe('T149');
  });

  it('answers an item Pipeliner reports as unknown inside the batch with NOT_FOUND on id, keeping the others', async () => {
    const [a, b] = s.sim.records('Contacts').slice(150, 152).map((c) => c.id);
    s.sim.server.failNext({
      status: 200,
      match: { method: 'POST', pathIncludes: '/batch-modify' },
      body: { success: true, data: [a, { success: false, code: 404, name: 'ERROR_NOT_FOUND', message: `Contact with id '${b}' not found.`, http_status: 404 }] },
    });
    const results = await updateMany(s, 'CONTACT', [
      { id: a!, changes: { title: 'Kept' } },
      { id: b!, changes: { title: 'Gone' } },
    ]);
    expect(results[0]).toMatchObject({ kind: 'created', record: { remoteId: a } });
    expect(results[1]).toEqual({ kind: 'rejected', userErrors: [{ field: ['id'], code: 'NOT_FOUND', message: expect.any(String) }] });
  });

  it('keeps refused inputs out of the batch and answers them where they stood', async () => {
    const ids = s.sim.records('Contacts').slice(152, 155).map((c) => c.id);
    const results = await updateMany(s, 'CONTACT', [
      { id: ids[0]!, changes: { title: 'A' } },
      { id: ids[1]!, changes: { ownerId: null } },
      { id: ids[2]!, changes: { title: 'C' } },
    ]);
    expect(results.map((r) => r.kind)).toEqual(['created', 'rejected', 'created']);
    const [batch] = s.sim.server.requests('POST', '/batch-modify');
    expect(batch!.body).toEqual([
      { title: 'A', id: ids[0] },
      { title: 'C', id: ids[2] },
    ]);
  });
});
