import type { WritableEntity } from '../../../src/core/writes';
import { recordingCall } from '../../support/calls';
import { startSuperOffice, type SuperOfficeSetup } from './harness';
import { recordOf, writePaths } from './writePaths';

/** Deletes through core's write path: `DELETE /{Entity}/{id}` → 204, the record gone at the vendor. */
describe('SuperOffice: deletes', () => {
  let s: SuperOfficeSetup;
  const w = writePaths(() => s);

  beforeAll(async () => {
    s = await startSuperOffice();
  });
  afterAll(async () => s.close());
  beforeEach(() => {
    s.sim.server.clearLog();
    s.sim.clearWriteHeaders();
  });

  const ENTITY = { ACCOUNT: 'Contact', CONTACT: 'Person', OPPORTUNITY: 'Sale' } as const;
  const exists = (entity: WritableEntity, id: number) =>
    entity === 'ACCOUNT' ? s.sim.store.contact(id) : entity === 'CONTACT' ? s.sim.store.person(id) : s.sim.store.sale(id);
  /** A record of each entity that nothing else in this file touches. */
  const pick = (entity: WritableEntity, nth: number): number => {
    if (entity === 'OPPORTUNITY') return s.sim.store.sales()[nth]!.id;
    if (entity === 'CONTACT') return s.sim.store.persons().filter((p) => p.contactId > 1)[nth]!.id;
    return s.sim.store.contacts().filter((c) => c.id > 1).slice(-1 - nth)[0]!.id;
  };

  it.each(['ACCOUNT', 'CONTACT', 'OPPORTUNITY'] as const)('%s: deleted with DELETE → 204, gone at the vendor; a second delete is NOT_FOUND, nothing sent', async (entity) => {
    const id = pick(entity, 0);
    const result = await w.remove(entity, { id: String(id) });
    expect(recordOf(result)).toEqual({ remoteId: String(id) });
    expect(w.writes()).toEqual([{ method: 'DELETE', path: `/${ENTITY[entity]}/${id}`, body: undefined, status: 204 }]);
    expect(exists(entity, id)).toBeUndefined();
    expect((await s.connector.getMany(entity, [String(id)], recordingCall()))[0]).toBeNull();

    s.sim.server.clearLog();
    const again = await w.remove(entity, { id: String(id) });
    expect(again).toMatchObject({ kind: 'rejected', userErrors: [{ field: ['id'], code: 'NOT_FOUND' }] });
    expect(w.writes()).toEqual([]);
  });

  it.each(['ACCOUNT', 'CONTACT', 'OPPORTUNITY'] as const)('%s: a dry run writes nothing and answers the DELETE with its precondition', async (entity) => {
    const id = pick(entity, 1);
    const version = (await s.connector.getMany(entity, [String(id)], recordingCall()))[0]!.version!;
    const dry = await w.remove(entity, { id: String(id), expectedVersion: version }, { dryRun: true });
    expect(dry).toMatchObject({
      kind: 'planned',
      requests: [{ method: 'DELETE', path: `/${ENTITY[entity]}/${id}`, body: null, headers: { 'If-Unmodified-Since': new Date(version).toUTCString() } }],
    });
    expect(w.writes()).toEqual([]);
    expect(exists(entity, id)).toBeDefined();
  });

  it('a company delete says what goes with it (its persons), in the dry run as in the delete', async () => {
    const company = s.sim.store.contacts().find((c) => c.id > 1 && s.sim.store.persons().filter((p) => p.contactId === c.id).length >= 2 && c.id !== pick('ACCOUNT', 0) && c.id !== pick('ACCOUNT', 1))!;
    const persons = s.sim.store.persons().filter((p) => p.contactId === company.id);
    const dry = await w.remove('ACCOUNT', { id: String(company.id) }, { dryRun: true });
    expect(dry.kind === 'planned' && dry.warnings).toEqual([expect.stringContaining(`${persons.length} persons`)]);
    const done = await w.remove('ACCOUNT', { id: String(company.id) });
    expect(done.kind === 'created' && done.warnings).toEqual(dry.kind === 'planned' ? dry.warnings : []);
    expect(persons.every((p) => s.sim.store.person(p.id) === undefined)).toBe(true);
  });

  it('a stale version is a CONFLICT before sending; a change after the draft is the 412 of the DELETE, the same CONFLICT', async () => {
    const id = pick('CONTACT', 2);
    const version = (await s.connector.getMany('CONTACT', [String(id)], recordingCall()))[0]!.version!;
    const path = s.connector.deletes.CONTACT!;
    const call = recordingCall();
    const drafts = await path.draft([{ id: String(id), expectedVersion: version }], call);
    const res = await fetch(`${s.sim.apiBase}/Person/${id}`, {
      method: 'PATCH',
      headers: { ...s.sim.authHeaders(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ Title: 'Changed meanwhile' }),
    });
    expect(res.status).toBe(200);
    s.sim.server.clearLog();
    const [answer] = await path.commit(drafts as never, call);
    expect(answer).toMatchObject({ userErrors: [{ field: ['expectedVersion'], code: 'CONFLICT' }] });
    expect(w.writes().map((r) => [r.method, r.status])).toEqual([['DELETE', 412]]);
    expect(s.sim.store.person(id)).toBeDefined();

    s.sim.server.clearLog();
    const stale = await w.remove('CONTACT', { id: String(id), expectedVersion: version });
    expect(stale).toMatchObject({ kind: 'rejected', userErrors: [{ field: ['expectedVersion'], code: 'CONFLICT' }] });
    expect(w.writes()).toEqual([]);
  });
});
