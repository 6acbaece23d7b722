import { toStageId } from '../../../src/connectors/superoffice/ids';
import { recordingCall } from '../../support/calls';
import { startSuperOffice, type SuperOfficeSetup } from './harness';
import { changed, recordOf, writePaths } from './writePaths';

/** Opportunities (SuperOffice sales) updated through core's write path against the simulator. */
describe('SuperOffice: opportunity updates', () => {
  let s: SuperOfficeSetup;
  const w = writePaths(() => s);
  let saleId: number;
  const used = new Set<number>();

  beforeAll(async () => {
    s = await startSuperOffice();
  });
  afterAll(async () => s.close());
  beforeEach(() => {
    const types = new Map(s.sim.store.saleTypes().map((t) => [t.id, t]));
    const sale = s.sim.store
      .sales()
      .find((x) => x.contactId > 1 && x.personId > 0 && x.status === 'Open' && (types.get(x.saleTypeId)?.stageIds.length ?? 0) > 2 && !types.get(x.saleTypeId)?.hasStakeholders && !used.has(x.id))!;
    saleId = sale.id;
    used.add(sale.id);
    s.sim.server.clearLog();
    s.sim.clearWriteHeaders();
  });
  const read = async (id: number) => (await s.connector.getMany('OPPORTUNITY', [String(id)], recordingCall()))[0]!;

  it('renames the sale: only its heading changes at the vendor, the PATCH holds only it, a later read shows it', async () => {
    const before = s.sim.store.sale(saleId)!;
    const record = recordOf(await w.update('OPPORTUNITY', { id: String(saleId), changes: { name: 'Renewed frame agreement' } }));
    expect(w.writes()).toEqual([
      { method: 'PATCH', path: `/Sale/${saleId}`, body: [{ op: 'replace', path: '/Heading', value: 'Renewed frame agreement' }], status: 200 },
    ]);
    expect(changed(before, s.sim.store.sale(saleId))).toEqual(['heading']);
    expect(record.name).toBe('Renewed frame agreement');
    expect(record.version).toBe((await read(saleId)).version);
    expect((await read(saleId)).name).toBe('Renewed frame agreement');
  });

  it('moves the sale to another stage of its pipeline: Rating and the stage\'s probability are written', async () => {
    const before = s.sim.store.sale(saleId)!;
    const type = s.sim.store.saleTypes().find((t) => t.id === before.saleTypeId)!;
    const next = type.stageIds.find((id) => id !== before.stageId)!;
    const probability = s.sim.store.stages().find((st) => st.id === next)!.probability;
    const record = recordOf(await w.update('OPPORTUNITY', { id: String(saleId), changes: { stageId: toStageId(type.id, next) } }));
    expect(w.writes()[0]!.body).toEqual([
      { op: 'replace', path: '/Rating', value: { Id: next } },
      { op: 'replace', path: '/Probability', value: probability },
    ]);
    expect(record).toMatchObject({ stageId: toStageId(type.id, next), probability });
    expect(changed(before, s.sim.store.sale(saleId)).filter((k) => k !== 'probability')).toEqual(['stageId']);
  });

  it('a stage of another pipeline is a CONFLICT on stageId; a person of another company a CONFLICT; nothing sent', async () => {
    const sale = s.sim.store.sale(saleId)!;
    const other = s.sim.store.saleTypes().find((t) => t.id !== sale.saleTypeId && t.stageIds.some((id) => !s.sim.store.saleTypes().find((x) => x.id === sale.saleTypeId)!.stageIds.includes(id)))!;
    const foreignStage = other.stageIds.find((id) => !s.sim.store.saleTypes().find((x) => x.id === sale.saleTypeId)!.stageIds.includes(id))!;
    const stranger = s.sim.store.persons().find((p) => p.contactId > 1 && p.contactId !== sale.contactId)!;
    const result = await w.update('OPPORTUNITY', {
      id: String(saleId),
      changes: { stageId: toStageId(other.id, foreignStage), primaryContactId: String(stranger.id) },
    });
    expect(result).toMatchObject({
      kind: 'rejected',
      userErrors: expect.arrayContaining([
        expect.objectContaining({ field: ['stageId'], code: 'CONFLICT' }),
        expect.objectContaining({ field: ['primaryContactId'], code: 'CONFLICT' }),
      ]),
    });
    expect(w.writes()).toEqual([]);
  });

  it('a new pipeline without a stage puts the sale at its first stage; probability null goes back to the stage\'s', async () => {
    const sale = s.sim.store.sale(saleId)!;
    const other = s.sim.store.saleTypes().find((t) => t.id !== sale.saleTypeId && !t.hasStakeholders && t.stageIds.length > 0)!;
    const first = s.sim.store.stages().find((st) => st.id === other.stageIds[0])!;
    const moved = recordOf(await w.update('OPPORTUNITY', { id: String(saleId), changes: { pipelineId: String(other.id), probability: 3 } }));
    expect(moved).toMatchObject({ pipelineId: String(other.id), stageId: toStageId(other.id, first.id), probability: 3 });
    const back = recordOf(await w.update('OPPORTUNITY', { id: String(saleId), changes: { probability: null } }));
    expect(back.probability).toBe(first.probability);
    expect(s.sim.store.sale(saleId)).toMatchObject({ saleTypeId: other.id, stageId: first.id, probability: first.probability });
  });

  it('changes the amount and clears the description with null; a sale date cannot be cleared', async () => {
    recordOf(await w.update('OPPORTUNITY', { id: String(saleId), changes: { description: 'Some text' } }));
    const record = recordOf(await w.update('OPPORTUNITY', { id: String(saleId), changes: { value: { amount: '1234.5' }, description: null } }));
    expect(record.value?.amount).toBe('1234.5');
    expect(s.sim.store.sale(saleId)).toMatchObject({ amount: 1234.5, saleText: '' });
    s.sim.server.clearLog();
    const refused = await w.update('OPPORTUNITY', { id: String(saleId), changes: { closingDate: null } });
    expect(refused).toMatchObject({ kind: 'rejected', userErrors: [{ field: ['closingDate'], code: 'REQUIRED' }] });
    expect(w.writes()).toEqual([]);
  });

  it('a stale expectedVersion is a CONFLICT, nothing written; a fresh one writes with If-Unmodified-Since', async () => {
    const version = (await read(saleId)).version!;
    const fresh = recordOf(await w.update('OPPORTUNITY', { id: String(saleId), expectedVersion: version, changes: { closingDate: '2026-06-30' } }));
    expect(fresh.closingDate).toBe('2026-06-30');
    expect(fresh.version).not.toBe(version);
    expect(s.sim.writeHeaders()[0]).toMatchObject({ method: 'PATCH', ifUnmodifiedSince: new Date(version).toUTCString() });
    s.sim.server.clearLog();
    const stale = await w.update('OPPORTUNITY', { id: String(saleId), expectedVersion: version, changes: { name: 'x' } });
    expect(stale).toMatchObject({ kind: 'rejected', userErrors: [{ field: ['expectedVersion'], code: 'CONFLICT' }] });
    expect(w.writes()).toEqual([]);
  });
});
