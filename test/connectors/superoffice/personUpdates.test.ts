import type { InputRejected } from '../../../src/core/errors';
import { recordingCall } from '../../support/calls';
import { startSuperOffice, type SuperOfficeSetup } from './harness';
import { changed, recordOf, writePaths } from './writePaths';

/**
 * Contacts (SuperOffice persons) updated through core's write path against the simulator:
 * one PATCH of JSON Patch operations with only what changed, If-Unmodified-Since from
 * expectedVersion, the vendor's state before and after.
 */
describe('SuperOffice: contact updates', () => {
  let s: SuperOfficeSetup;
  const w = writePaths(() => s);
  /** A person at a company that has at least one e-mail, fresh per test. */
  let personId: number;

  beforeAll(async () => {
    s = await startSuperOffice();
  });
  afterAll(async () => s.close());
  let used = new Set<number>();
  beforeEach(() => {
    const p = s.sim.store.persons().find((x) => x.contactId > 1 && x.emails.length > 0 && x.officePhones.length > 0 && !used.has(x.id))!;
    personId = p.id;
    used.add(p.id);
    s.sim.server.clearLog();
    s.sim.clearWriteHeaders();
  });
  afterAll(() => (used = new Set()));

  const read = async (id: number) => (await s.connector.getMany('CONTACT', [String(id)], recordingCall()))[0]!;

  it('changes one field: only that property changes at the vendor, the PATCH holds only it, a later read shows it', async () => {
    const before = s.sim.store.person(personId)!;
    const result = await w.update('CONTACT', { id: String(personId), changes: { jobTitle: 'Head of Purchasing' } });
    const record = recordOf(result);
    expect(record.jobTitle).toBe('Head of Purchasing');
    expect(w.writes()).toEqual([
      { method: 'PATCH', path: `/Person/${personId}`, body: [{ op: 'replace', path: '/Title', value: 'Head of Purchasing' }], status: 200 },
    ]);
    expect(s.sim.writeHeaders()).toEqual([{ method: 'PATCH', path: `/Person/${personId}`, ifUnmodifiedSince: null, contentType: 'application/json-patch+json' }]);
    const after = s.sim.store.person(personId)!;
    expect(changed(before, after)).toEqual(['title']);
    expect(after.updatedDate!).toBeGreaterThan(before.updatedDate ?? 0);
    expect((await read(personId)).jobTitle).toBe('Head of Purchasing');
  });

  it('clears a clearable field with null, and refuses clearing the last name left, sending nothing', async () => {
    const cleared = recordOf(await w.update('CONTACT', { id: String(personId), changes: { jobTitle: null, title: null } }));
    expect([cleared.jobTitle, cleared.title]).toEqual([null, null]);
    expect(s.sim.store.person(personId)).toMatchObject({ title: '', mrmrs: '' });

    s.sim.server.clearLog();
    const refused = await w.update('CONTACT', { id: String(personId), changes: { firstName: null, lastName: '  ' } });
    expect(refused).toMatchObject({ kind: 'rejected', userErrors: [{ field: ['lastName'], code: 'REQUIRED' }] });
    expect(w.writes()).toEqual([]);
  });

  it('replaces the e-mails and phones (never appends), keeping a number in the list it was in', async () => {
    const before = s.sim.store.person(personId)!;
    const record = recordOf(
      await w.update('CONTACT', { id: String(personId), changes: { emails: ['only@new.example'], phones: ['+47 22 33 44 55'] } }),
    );
    expect(record.emails).toEqual(['only@new.example']);
    expect(record.phones).toEqual(['+47 22 33 44 55']);
    const after = s.sim.store.person(personId)!;
    expect(after.emails.map((e) => e.value)).toEqual(['only@new.example']);
    expect(after.officePhones.map((e) => e.value)).toEqual(['+47 22 33 44 55']);
    expect(changed(before, after).every((k) => ['emails', 'officePhones', 'mobilePhones', 'privatePhones', 'otherPhones'].includes(k))).toBe(true);
    const [patch] = w.writes();
    expect((patch!.body as Array<{ path: string }>).map((o) => o.path)[0]).toBe('/Emails');
  });

  it('moves the person to another company; an owner other than the company\'s is a CONFLICT, nothing sent', async () => {
    const other = s.sim.store.contacts().find((c) => c.id > 1 && c.id !== s.sim.store.person(personId)!.contactId)!;
    const moved = recordOf(await w.update('CONTACT', { id: String(personId), changes: { accountId: String(other.id) } }));
    expect(moved.primaryAccountId).toBe(String(other.id));
    expect(s.sim.store.person(personId)!.contactId).toBe(other.id);

    s.sim.server.clearLog();
    const stranger = s.sim.store.associates().find((a) => a.id !== other.associateId)!;
    const refused = await w.update('CONTACT', { id: String(personId), changes: { ownerId: String(stranger.id) } });
    expect(refused).toMatchObject({ kind: 'rejected', userErrors: [{ field: ['ownerId'], code: 'CONFLICT' }] });
    expect(w.writes()).toEqual([]);
  });

  it('a stale expectedVersion is a CONFLICT naming the current version, and nothing is written', async () => {
    const old = (await read(personId)).version!;
    const now = recordOf(await w.update('CONTACT', { id: String(personId), changes: { middleName: 'K.' } })).version;
    s.sim.server.clearLog();
    const before = s.sim.store.person(personId);
    const result = await w.update('CONTACT', { id: String(personId), expectedVersion: old, changes: { jobTitle: 'x' } });
    expect(result).toMatchObject({ kind: 'rejected', userErrors: [{ field: ['expectedVersion'], code: 'CONFLICT' }] });
    expect(result.kind === 'rejected' && result.userErrors[0]!.message).toContain(`now at version ${now}`);
    expect(w.writes()).toEqual([]);
    expect(s.sim.store.person(personId)).toEqual(before);
  });

  it('a change landing after the draft: the PATCH carries If-Unmodified-Since, SuperOffice answers 412, that is the same CONFLICT', async () => {
    const version = (await read(personId)).version!;
    expect(version).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const path = s.connector.updates.CONTACT!;
    const call = recordingCall();
    const drafts = await path.draft([{ id: String(personId), expectedVersion: version, changes: { jobTitle: 'Mine' } }], call);
    // Someone else saves the person meanwhile.
    const res = await fetch(`${s.sim.apiBase}/Person/${personId}`, {
      method: 'PATCH',
      headers: { ...s.sim.authHeaders(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ Title: 'Theirs' }),
    });
    expect(res.status).toBe(200);
    s.sim.server.clearLog();
    s.sim.clearWriteHeaders();

    const [answer] = await path.commit(drafts as never, call);
    const current = (await read(personId)).version;
    expect(answer).toMatchObject({ userErrors: [{ field: ['expectedVersion'], code: 'CONFLICT' }] });
    expect((answer as InputRejected).message).toContain(`now at version ${current}`);
    expect(s.sim.writeHeaders()).toEqual([
      { method: 'PATCH', path: `/Person/${personId}`, ifUnmodifiedSince: new Date(version).toUTCString(), contentType: 'application/json-patch+json' },
    ]);
    expect(w.writes().map((r) => r.status)).toEqual([412]);
    expect(s.sim.store.person(personId)!.title).toBe('Theirs');
  });

  it('a fresh expectedVersion: written with If-Unmodified-Since, the answer carries the new version', async () => {
    const version = (await read(personId)).version!;
    const record = recordOf(await w.update('CONTACT', { id: String(personId), expectedVersion: version, changes: { firstName: 'Kari' } }));
    expect(record.firstName).toBe('Kari');
    expect(record.version).not.toBe(version);
    expect(record.version).toBe((await read(personId)).version);
    expect(s.sim.writeHeaders()[0]!.ifUnmodifiedSince).toBe(new Date(version).toUTCString());
  });

  it('a dry run writes nothing and answers the PATCH with its precondition; a key replays without writing again', async () => {
    const version = (await read(personId)).version!;
    const dry = await w.update('CONTACT', { id: String(personId), expectedVersion: version, changes: { jobTitle: 'Planned' } }, { dryRun: true });
    expect(dry).toEqual({
      kind: 'planned',
      requests: [
        {
          method: 'PATCH',
          path: `/Person/${personId}`,
          body: [{ op: 'replace', path: '/Title', value: 'Planned' }],
          headers: { 'Content-Type': 'application/json-patch+json', 'If-Unmodified-Since': new Date(version).toUTCString() },
        },
      ],
      warnings: [],
    });
    expect(w.writes()).toEqual([]);

    const first = await w.update('CONTACT', { id: String(personId), changes: { jobTitle: 'Keyed' } }, { key: `k-${personId}` });
    const again = await w.update('CONTACT', { id: String(personId), changes: { jobTitle: 'Keyed' } }, { key: `k-${personId}` });
    expect(again).toEqual({ ...first, replayed: true });
    expect(w.writes().filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('an unknown person is NOT_FOUND on id, nothing sent', async () => {
    const result = await w.update('CONTACT', { id: '987654', changes: { jobTitle: 'x' } });
    expect(result).toMatchObject({ kind: 'rejected', userErrors: [{ field: ['id'], code: 'NOT_FOUND' }] });
    expect(w.writes()).toEqual([]);
  });
});
