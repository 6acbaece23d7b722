import { changedFields, patchBody, readLater, recordOf, updateOne, writes } from './edits';
import { startPipeliner, type PipelinerSetup } from './harness';

/** Opportunity updates: one PATCH; the stage as `step_id` within the pipeline; relations sent whole. */
describe('Pipeliner: opportunity updates', () => {
  let s: PipelinerSetup;
  let next = 0;
  beforeAll(async () => {
    s = await startPipeliner({ sim: { size: { accounts: 10, contacts: 30, opportunities: 30 } } });
  });
  afterAll(async () => s.close());
  beforeEach(() => s.sim.server.clearLog());

  const opportunity = (id: string) => s.sim.record('Opportunities', id)!;
  const fresh = () => s.sim.records('Opportunities')[next++]!.id;
  const steps = (pipelineId: string) =>
    s.sim
      .records('Steps')
      .filter((x) => x['pipeline_id'] === pipelineId)
      .sort((a, b) => (a['sort_order'] as number) - (b['sort_order'] as number));
  const pipelineOf = (id: string) => s.sim.record('Steps', opportunity(id)['step_id'] as string)!['pipeline_id'] as string;
  const otherPipeline = (id: string) => s.sim.records('Pipelines').find((p) => p.id !== pipelineOf(id))!.id;
  const contactLinks = (id: string) => s.sim.records('LeadOpptyContactRelations').filter((r) => r['lead_oppty_id'] === id);

  it('changes one field: only it changes at the vendor, the PATCH carries only it, a later read shows it', async () => {
    const id = fresh();
    const before = opportunity(id);
    const record = recordOf(await updateOne(s, 'OPPORTUNITY', { id, changes: { name: 'Renamed deal' } }));
    expect(changedFields(before, opportunity(id))).toEqual(['name']);
    expect(patchBody(s.sim)).toEqual({ name: 'Renamed deal' });
    expect(record).toMatchObject({ name: 'Renamed deal', version: String(opportunity(id)['revision']) });
    expect(await readLater(s, 'OPPORTUNITY', id)).toMatchObject({ name: 'Renamed deal', version: record.version });
  });

  it('clears the description with null', async () => {
    const id = fresh();
    recordOf(await updateOne(s, 'OPPORTUNITY', { id, changes: { description: 'to be cleared' } }));
    s.sim.server.clearLog();
    const record = recordOf(await updateOne(s, 'OPPORTUNITY', { id, changes: { description: null } }));
    expect(patchBody(s.sim)).toEqual({ description: '' });
    expect(opportunity(id)['description']).toBe('');
    expect(record.remoteData).toMatchObject({ description: '' });
  });

  it.each([
    [['closingDate'], { closingDate: null }],
    [['stageId'], { stageId: null }],
    [['value'], { value: null }],
    [['ownerId'], { ownerId: null }],
    [['name'], { name: null }],
  ] as const)('refuses null on %j, which Pipeliner requires, and writes nothing', async (field, changes) => {
    const id = fresh();
    const result = await updateOne(s, 'OPPORTUNITY', { id, changes });
    expect(result).toMatchObject({ kind: 'rejected', userErrors: [{ field, code: 'REQUIRED' }] });
    expect(writes(s.sim)).toEqual([]);
  });

  it('moves the stage within its pipeline by step_id', async () => {
    const id = fresh();
    const target = steps(pipelineOf(id)).find((x) => x.id !== opportunity(id)['step_id'])!;
    const record = recordOf(await updateOne(s, 'OPPORTUNITY', { id, changes: { stageId: target.id } }));
    expect(patchBody(s.sim)).toEqual({ step_id: target.id });
    expect(opportunity(id)['step_id']).toBe(target.id);
    expect(record).toMatchObject({ stageId: target.id, pipelineId: pipelineOf(id) });
  });

  it("refuses a stage of another pipeline than the opportunity's unless that pipeline is named", async () => {
    const id = fresh();
    const other = otherPipeline(id);
    const foreign = steps(other)[1]!;
    const refused = await updateOne(s, 'OPPORTUNITY', { id, changes: { stageId: foreign.id } });
    expect(refused).toMatchObject({ kind: 'rejected', userErrors: [{ field: ['stageId'], code: 'CONFLICT' }] });
    const mismatched = await updateOne(s, 'OPPORTUNITY', { id, changes: { stageId: foreign.id, pipelineId: pipelineOf(id) } });
    expect(mismatched).toMatchObject({ kind: 'rejected', userErrors: [{ field: ['stageId'], code: 'CONFLICT' }] });
    expect(writes(s.sim)).toEqual([]);

    const moved = recordOf(await updateOne(s, 'OPPORTUNITY', { id, changes: { stageId: foreign.id, pipelineId: other } }));
    expect(moved).toMatchObject({ stageId: foreign.id, pipelineId: other });
  });

  it("moves to a pipeline's first stage when only the pipeline is named", async () => {
    const id = fresh();
    const other = otherPipeline(id);
    recordOf(await updateOne(s, 'OPPORTUNITY', { id, changes: { pipelineId: other } }));
    expect(patchBody(s.sim)).toEqual({ step_id: steps(other)[0]!.id });
  });

  it('sends the value with the three fields the spec requires when the amount changes', async () => {
    const id = fresh();
    const before = opportunity(id)['value'] as { currency_id: string };
    const record = recordOf(await updateOne(s, 'OPPORTUNITY', { id, changes: { value: { amount: '1234.5' } } }));
    expect(patchBody(s.sim)).toEqual({ value: { base_value: expect.any(Number), currency_id: before.currency_id, value_foreign: 1234.5 } });
    expect(record.value).toMatchObject({ amount: '1234.5' });
  });

  it('replaces the contacts with exactly one primary', async () => {
    const id = fresh();
    const contacts = s.sim.records('Contacts').slice(0, 2).map((c) => c.id);
    const record = recordOf(await updateOne(s, 'OPPORTUNITY', { id, changes: { contactIds: contacts, primaryContactId: contacts[1]! } }));
    expect(patchBody(s.sim)).toEqual({
      contact_relations: [
        { contact_id: contacts[0], is_primary: false },
        { contact_id: contacts[1], is_primary: true },
      ],
    });
    expect(contactLinks(id).map((r) => [r['contact_id'], r['is_primary']]).sort()).toEqual(
      [
        [contacts[0], false],
        [contacts[1], true],
      ].sort(),
    );
    expect(record).toMatchObject({ primaryContactId: contacts[1], contactIds: [contacts[1], contacts[0]] });
  });

  it('refuses a stale expectedVersion with CONFLICT and writes nothing; a fresh one writes', async () => {
    const id = fresh();
    const current = String(opportunity(id)['revision']);
    const stale = await updateOne(s, 'OPPORTUNITY', { id, expectedVersion: `${current}0`, changes: { name: 'No' } });
    expect(stale).toMatchObject({ kind: 'rejected', userErrors: [{ field: ['expectedVersion'], code: 'CONFLICT' }] });
    expect(writes(s.sim)).toEqual([]);
    const written = recordOf(await updateOne(s, 'OPPORTUNITY', { id, expectedVersion: current, changes: { name: 'Yes' } }));
    expect(written.version).toBe(String(opportunity(id)['revision']));
    expect(written.version).not.toBe(current);
  });

  it('answers a dry run with the planned PATCH and writes nothing', async () => {
    const id = fresh();
    const result = await updateOne(s, 'OPPORTUNITY', { id, changes: { closingDate: '2027-01-31' } }, { dryRun: true });
    expect(result).toEqual({ kind: 'planned', requests: [{ method: 'PATCH', path: `/entities/Opportunities/${id}`, body: { closing_date: '2027-01-31' } }], warnings: [] });
    expect(writes(s.sim)).toEqual([]);
  });
});
