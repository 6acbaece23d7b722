import type { UpdateAccountCommand, UpdateContactCommand } from '../../../src/core/connector';
import type { AccountRecord, ContactRecord } from '../../../src/core/records';
import { createItems, KeyedWrites, type ItemResult } from '../../../src/core/write';
import { MemoryIdempotencyStore } from '../../../src/idempotency';
import type { LoggedRequest } from '../../../src/simulators/kit';
import type { ContactRow } from '../../../src/simulators/logisense';
import { recordingCall } from '../../support/calls';
import { expectNoPendingFaults, type Setup, type SetupOptions, startLogiSense } from './harness';

/** Planned paths are below the resource root; the simulator logs the full path. */
const RESOURCE = '/ResourceServer/api/v6';
const KEY_OPTIONS = { ttlMs: 60_000, leaseMs: 5_000, waitMs: 2_000, retryMs: 20 };

/**
 * Updates through core's write path (`createItems` over `connector.updates.X`, as the gateway
 * runs every write), checked against what the simulator holds before and after, what was sent,
 * and a later read.
 */
describe('LogiSense connector: updates', () => {
  let s: Setup;
  let keys: KeyedWrites;
  const start = async (options: SetupOptions = {}) => {
    s = await startLogiSense(options);
    keys = new KeyedWrites(new MemoryIdempotencyStore(), KEY_OPTIONS);
  };
  afterEach(async () => {
    expectNoPendingFaults(s);
    await s.close();
  });

  type Options = { dryRun?: boolean; key?: string; call?: ReturnType<typeof recordingCall> };
  const item = <C>(command: C, o: Options) => ({
    command,
    dryRun: o.dryRun ?? false,
    ...(o.key ? { key: { id: o.key, fingerprint: JSON.stringify(command) } } : {}),
  });
  const updateContact = async (command: UpdateContactCommand, o: Options = {}): Promise<ItemResult<ContactRecord>> =>
    (await createItems(s.connector.updates.CONTACT!, [item(command, o)], o.call ?? recordingCall(), keys))[0]!;
  const updateAccount = async (command: UpdateAccountCommand, o: Options = {}): Promise<ItemResult<AccountRecord>> =>
    (await createItems(s.connector.updates.ACCOUNT!, [item(command, o)], o.call ?? recordingCall(), keys))[0]!;
  const written = <T>(r: ItemResult<T>): { record: T; warnings: string[] } => {
    if (r.kind !== 'created') throw new Error(`expected a written record, got ${JSON.stringify(r)}`);
    return r;
  };

  /** Writes the simulator received (the login is a POST too, so it is left out). */
  const writes = (): LoggedRequest[] =>
    s.sim.server.log.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && !/\/Login$/i.test(r.path));
  const readContact = async (id: string | number) => (await s.connector.getMany('CONTACT', [String(id)], recordingCall()))[0] ?? null;
  const readAccount = async (id: string | number) => (await s.connector.getMany('ACCOUNT', [String(id)], recordingCall()))[0] ?? null;

  const typeName = (row: ContactRow) => s.sim.store.contactTypes().find((t) => t.identity === row.contactTypeId)?.name;
  const kindOf = (pointTypeId: number) => s.sim.store.contactPointTypes().find((t) => t.identity === pointTypeId)?.name;
  const valuesOf = (id: number, kind: 'email' | 'phone') =>
    s.sim.store.contactPointsOf(id).filter((p) => kindOf(p.contactPointTypeId) === kind).map((p) => p.value);
  /** A seeded contact of a reusable type (Shipping or Technical) with an e-mail and a phone. */
  const otherContact = (): ContactRow =>
    s.sim.store
      .contacts()
      .find((c) => ['Shipping', 'Technical'].includes(typeName(c) ?? '') && c.firstName && c.title && valuesOf(c.identity, 'email').length > 0 && valuesOf(c.identity, 'phone').length > 0)!;
  const billingContact = (): ContactRow => s.sim.store.contacts().find((c) => typeName(c) === 'Billing')!;

  describe('contacts', () => {
    it('changes one field: only it changes at the vendor, the PATCH carries only it and the UpdateRequest header names it, a later read shows it', async () => {
      await start();
      const contact = otherContact();
      const id = contact.identity;
      const pointsBefore = s.sim.store.contactPointsOf(id);
      const before = await readContact(id);

      const { record, warnings } = written(await updateContact({ id: String(id), changes: { firstName: '  Renamed ' } }));

      expect(warnings).toEqual([]);
      expect(s.sim.store.contact(id)).toEqual({ ...contact, firstName: 'Renamed' });
      expect(s.sim.store.contactPointsOf(id)).toEqual(pointsBefore);
      expect(writes().map((r) => [r.method, r.path, r.body])).toEqual([['PATCH', `${RESOURCE}/Contact/${id}`, { firstName: 'Renamed' }]]);
      expect(s.sim.updateRequests()).toEqual([{ method: 'PATCH', path: `Contact/${id}`, filters: ['firstName'] }]);
      expect(record).toMatchObject({ remoteId: String(id), firstName: 'Renamed', lastName: contact.lastName, primaryAccountId: before?.primaryAccountId });
      expect(record.version).not.toEqual(before?.version);
      const later = await readContact(id);
      expect(later).toMatchObject({ firstName: 'Renamed', emails: before?.emails, phones: before?.phones, version: record.version });
    });

    it('clears the title with null (a contact title may be empty)', async () => {
      await start();
      const contact = otherContact();
      written(await updateContact({ id: String(contact.identity), changes: { title: null } }));
      expect(s.sim.store.contact(contact.identity)).toEqual({ ...contact, title: null });
      expect(writes().map((r) => r.body)).toEqual([{ title: null }]);
      expect((await readContact(contact.identity))?.title).toBeNull();
    });

    it('replaces the e-mails: the new one created, the gone ones deleted, the kept one and the phones untouched', async () => {
      await start();
      const contact = otherContact();
      const id = contact.identity;
      const [kept] = valuesOf(id, 'email');
      const emailPoints = s.sim.store.contactPointsOf(id).filter((p) => kindOf(p.contactPointTypeId) === 'email');
      const phones = s.sim.store.contactPointsOf(id).filter((p) => kindOf(p.contactPointTypeId) === 'phone');
      const emailType = s.sim.store.contactPointTypes().find((t) => t.contactTypeId === contact.contactTypeId && t.name === 'email')!;

      const { record } = written(await updateContact({ id: String(id), changes: { emails: [kept!, 'new.one@replaced.example'] } }));

      expect(valuesOf(id, 'email').sort()).toEqual([kept, 'new.one@replaced.example'].sort());
      expect(s.sim.store.contactPointsOf(id).filter((p) => kindOf(p.contactPointTypeId) === 'phone')).toEqual(phones);
      expect(s.sim.store.contactPointsOf(id).find((p) => p.value === kept)?.identity).toBe(emailPoints[0]!.identity);
      const gone = emailPoints.slice(1).map((p) => ({ patchType: 'delete', identity: p.identity }));
      expect(writes().map((r) => r.body)).toEqual([
        {
          details: {},
          contactPoints: {
            items: [...gone, { patchType: 'create', contactPointTypeId: emailType.identity, value: 'new.one@replaced.example' }].map((it, i) => ({
              ...it,
              patchClientId: i + 1,
            })),
          },
        },
      ]);
      // Only children changed: no property is named, so no UpdateRequest header went.
      expect(s.sim.updateRequests()).toEqual([{ method: 'PATCH', path: `Contact/${id}`, filters: null }]);
      expect(record.emails.sort()).toEqual([kept, 'new.one@replaced.example'].sort());
      expect((await readContact(id))?.emails.sort()).toEqual([kept, 'new.one@replaced.example'].sort());
    });

    it('replaces the phones with none (null) and the e-mails in the details layout', async () => {
      await start({ sim: { switches: { patchChildrenAt: 'details' } }, source: { options: { patch: { childrenAt: 'details' } } } });
      const contact = otherContact();
      const id = contact.identity;
      written(await updateContact({ id: String(id), changes: { phones: null, emails: ['only@details.example'] } }));
      expect(valuesOf(id, 'phone')).toEqual([]);
      expect(valuesOf(id, 'email')).toEqual(['only@details.example']);
      expect(Object.keys(writes()[0]!.body as object)).toEqual(['details']);
    });

    it('refuses what the vendor cannot clear or change with userErrors, and writes nothing', async () => {
      await start();
      const billing = billingContact();
      const before = { contact: s.sim.store.contact(billing.identity), points: s.sim.store.contactPointsOf(billing.identity) };
      const answer = await updateContact({
        id: String(billing.identity),
        changes: { emails: null, accountId: '10002', jobTitle: 'CFO', middleName: null },
      });
      expect(answer).toEqual({
        kind: 'rejected',
        userErrors: [
          { field: ['accountId'], code: 'UNSUPPORTED', message: 'a LogiSense v6 contact has no account key, and moving it to another account is not documented' },
          { field: ['middleName'], code: 'UNSUPPORTED', message: 'LogiSense v6 contacts have no middle name' },
          { field: ['jobTitle'], code: 'UNSUPPORTED', message: 'LogiSense v6 contacts have no job title (title is the salutation)' },
          { field: ['emails'], code: 'REQUIRED', message: "a Billing contact needs a 'email' contact point (notes §2.2)" },
        ],
      });
      expect(writes()).toEqual([]);
      expect({ contact: s.sim.store.contact(billing.identity), points: s.sim.store.contactPointsOf(billing.identity) }).toEqual(before);
    });

    it('maps a vendor refusal of a contact point onto the list entry it came from', async () => {
      await start();
      const contact = otherContact();
      const answer = await updateContact({ id: String(contact.identity), changes: { emails: [...valuesOf(contact.identity, 'email'), 'not-an-address'] } });
      expect(answer.kind).toBe('rejected');
      const errors = (answer as { userErrors: Array<{ field: string[] | null; code: string }> }).userErrors;
      expect(errors).toEqual([expect.objectContaining({ field: ['emails', String(valuesOf(contact.identity, 'email').length)], code: 'REJECTED' })]);
      expect(valuesOf(contact.identity, 'email')).not.toContain('not-an-address');
    });

    it('answers NOT_FOUND on id for a contact that does not exist, sending nothing', async () => {
      await start();
      for (const id of ['29999', '99999999999', 'abc']) {
        expect(await updateContact({ id, changes: { firstName: 'X' } })).toEqual({
          kind: 'rejected',
          userErrors: [{ field: ['id'], code: 'NOT_FOUND', message: `no contact with id ${id} exists on this source` }],
        });
      }
      expect(writes()).toEqual([]);
    });

    it('expectedVersion: stale → CONFLICT naming the current version, nothing written; fresh → written, with a new version', async () => {
      await start();
      const contact = otherContact();
      const id = String(contact.identity);
      const first = await readContact(id);
      // Someone else changes the contact after we read it.
      written(await updateContact({ id, changes: { lastName: 'Elsewhere' } }));
      const current = (await readContact(id))!.version!;
      s.sim.server.clearLog();

      const stale = await updateContact({ id, expectedVersion: first!.version!, changes: { firstName: 'Lost' } });
      expect(stale).toEqual({
        kind: 'rejected',
        userErrors: [{ field: ['expectedVersion'], code: 'CONFLICT', message: expect.stringContaining(`it is now at version ${current}`) }],
      });
      expect(writes()).toEqual([]);
      expect(s.sim.store.contact(contact.identity)?.firstName).toBe(contact.firstName);

      const fresh = written(await updateContact({ id, expectedVersion: current, changes: { firstName: 'Kept' } }));
      expect(s.sim.store.contact(contact.identity)?.firstName).toBe('Kept');
      expect(fresh.record.version).toEqual(expect.any(String));
      expect(fresh.record.version).not.toBe(current);
      expect((await readContact(id))?.version).toBe(fresh.record.version);
    });

    it('dry run: answers the PATCH it would send (header included) and writes nothing; the real update sends exactly that', async () => {
      await start();
      const contact = otherContact();
      const id = contact.identity;
      const command: UpdateContactCommand = { id: String(id), changes: { lastName: 'Planned', phones: ['+1-555-0199'] } };
      const phoneType = s.sim.store.contactPointTypes().find((t) => t.contactTypeId === contact.contactTypeId && t.name === 'phone')!;
      const oldPhones = s.sim.store.contactPointsOf(id).filter((p) => kindOf(p.contactPointTypeId) === 'phone');
      const points = s.sim.store.contactPointsOf(id);

      const dry = await updateContact(command, { dryRun: true });

      const body = {
        lastName: 'Planned',
        details: {},
        contactPoints: {
          items: [
            ...oldPhones.map((p) => ({ patchType: 'delete', identity: p.identity })),
            { patchType: 'create', contactPointTypeId: phoneType.identity, value: '+1-555-0199' },
          ].map((it, i) => ({ ...it, patchClientId: i + 1 })),
        },
      };
      expect(dry).toEqual({
        kind: 'planned',
        requests: [{ method: 'PATCH', path: `/Contact/${id}`, body, headers: { UpdateRequest: '{"filters":["lastName"]}' } }],
        warnings: [],
      });
      expect(writes()).toEqual([]);
      expect(s.sim.store.contact(id)).toEqual(contact);
      expect(s.sim.store.contactPointsOf(id)).toEqual(points);

      written(await updateContact(command));
      expect(writes().map((r) => ({ method: r.method, path: r.path.replace(RESOURCE, ''), body: r.body }))).toEqual([
        { method: 'PATCH', path: `/Contact/${id}`, body },
      ]);
      expect(s.sim.updateRequests()).toEqual([{ method: 'PATCH', path: `Contact/${id}`, filters: ['lastName'] }]);
    });

    it('sends nothing when the changes are what the contact already holds', async () => {
      await start();
      const contact = otherContact();
      const answer = written(
        await updateContact({ id: String(contact.identity), changes: { firstName: contact.firstName, emails: valuesOf(contact.identity, 'email') } }),
      );
      expect(writes()).toEqual([]);
      expect(answer.warnings).toEqual(['nothing to change: the contact already has these values, so nothing is sent to LogiSense']);
      expect(answer.record.firstName).toBe(contact.firstName);
    });

    it('replays an update under the same idempotency key without writing again', async () => {
      await start();
      const contact = otherContact();
      const command: UpdateContactCommand = { id: String(contact.identity), changes: { firstName: 'Once' } };
      const first = written(await updateContact(command, { key: 'k-1' }));
      const again = await updateContact(command, { key: 'k-1' });
      expect(again).toEqual({ ...first, kind: 'created', replayed: true });
      expect(writes()).toHaveLength(1);
    });

    it('answers SOURCE_OUTCOME_UNKNOWN when the PATCH went out and no answer came in time, and does not resend it', async () => {
      await start({ source: { timeoutMs: 300 } });
      const contact = otherContact();
      await readContact(contact.identity); // holds a token, so the PATCH is the only write
      s.sim.server.afterNext({ match: { method: 'PATCH', pathIncludes: `/Contact/${contact.identity}` }, delayMs: 800 });
      const answer = await updateContact({ id: String(contact.identity), changes: { firstName: 'Slow' } });
      expect(answer).toMatchObject({ kind: 'failed', error: { code: 'SOURCE_OUTCOME_UNKNOWN' } });
      await new Promise((r) => setTimeout(r, 600));
      expect(writes()).toHaveLength(1);
      expect(s.sim.store.contact(contact.identity)?.firstName).toBe('Slow');
    });
  });

  describe('accounts', () => {
    it('changes the name: only it (and the vendor stamp) changes, the PATCH carries only it, a later read shows it with the new lastUpdate as version', async () => {
      await start();
      const before = s.sim.store.account(10004)!;
      const read1 = await readAccount(10004);
      expect(read1?.version).toBe(new Date(before.lastUpdate).toISOString().replace(/\.?0+Z$/, 'Z'));

      const { record, warnings } = written(await updateAccount({ id: '10004', changes: { name: ' Renamed Holdings ' } }));

      expect(warnings).toEqual([]);
      const after = s.sim.store.account(10004)!;
      expect(after).toEqual({ ...before, name: 'Renamed Holdings', lastUpdate: after.lastUpdate });
      expect(after.lastUpdate).toBeGreaterThan(before.lastUpdate);
      expect(writes().map((r) => [r.method, r.path, r.body])).toEqual([['PATCH', `${RESOURCE}/Account/10004`, { name: 'Renamed Holdings' }]]);
      expect(s.sim.updateRequests()).toEqual([{ method: 'PATCH', path: 'Account/10004', filters: ['name'] }]);
      expect(record).toMatchObject({ remoteId: '10004', name: 'Renamed Holdings' });
      expect(record.version).not.toBe(read1?.version);
      expect(await readAccount(10004)).toMatchObject({ name: 'Renamed Holdings', version: record.version });
    });

    it('refuses clearing the name and fields a v6 account has no place for, and writes nothing', async () => {
      await start();
      const before = s.sim.store.account(10005);
      expect(await updateAccount({ id: '10005', changes: { name: null, emails: ['a@b.example'], website: null, phones: [] } })).toEqual({
        kind: 'rejected',
        userErrors: [
          { field: ['emails'], code: 'UNSUPPORTED', message: 'LogiSense v6 accounts have no e-mail of their own; give it to a contact of the account' },
          { field: ['website'], code: 'UNSUPPORTED', message: 'LogiSense v6 accounts have no website field' },
          { field: ['name'], code: 'REQUIRED', message: 'a LogiSense account cannot be without its name' },
        ],
      });
      expect(await updateAccount({ id: '10005', changes: { name: '   ' } })).toMatchObject({ kind: 'rejected', userErrors: [{ field: ['name'], code: 'REQUIRED' }] });
      expect(writes()).toEqual([]);
      expect(s.sim.store.account(10005)).toEqual(before);
    });

    it('expectedVersion: stale → CONFLICT, nothing written; fresh → written, with the new lastUpdate', async () => {
      await start();
      const first = (await readAccount(10006))!.version!;
      written(await updateAccount({ id: '10006', changes: { name: 'Changed Elsewhere' } }));
      const current = (await readAccount(10006))!.version!;
      s.sim.server.clearLog();

      expect(await updateAccount({ id: '10006', expectedVersion: first, changes: { name: 'Lost Update' } })).toEqual({
        kind: 'rejected',
        userErrors: [{ field: ['expectedVersion'], code: 'CONFLICT', message: expect.stringContaining(`it is now at version ${current}`) }],
      });
      expect(writes()).toEqual([]);
      expect(s.sim.store.account(10006)?.name).toBe('Changed Elsewhere');

      const fresh = written(await updateAccount({ id: '10006', expectedVersion: current, changes: { name: 'Kept Update' } }));
      expect(s.sim.store.account(10006)?.name).toBe('Kept Update');
      expect(fresh.record.version).not.toBe(current);
      expect(fresh.record.version).toBe((await readAccount(10006))?.version);
    });

    it('dry run: answers the PATCH it would send and writes nothing', async () => {
      await start();
      const before = s.sim.store.account(10007);
      expect(await updateAccount({ id: '10007', changes: { name: 'Planned Name' } }, { dryRun: true })).toEqual({
        kind: 'planned',
        requests: [{ method: 'PATCH', path: '/Account/10007', body: { name: 'Planned Name' }, headers: { UpdateRequest: '{"filters":["name"]}' } }],
        warnings: [],
      });
      expect(writes()).toEqual([]);
      expect(s.sim.store.account(10007)).toEqual(before);
    });

    it('answers NOT_FOUND on id for an account that does not exist, sending nothing', async () => {
      await start();
      expect(await updateAccount({ id: '19999', changes: { name: 'Nobody' } })).toEqual({
        kind: 'rejected',
        userErrors: [{ field: ['id'], code: 'NOT_FOUND', message: 'no account with id 19999 exists on this source' }],
      });
      expect(writes()).toEqual([]);
    });
  });

  describe('cost', () => {
    it('a contact field: read, PATCH, read back (3); with its lists: + the two type tables (5); an account: read and PATCH (2)', async () => {
      await start();
      const contact = otherContact();
      await readAccount(10001); // holds a token
      const calls = (c: ReturnType<typeof recordingCall>) => c.events.map((e) => `${e.method} ${e.path.replace(RESOURCE, '')}`);
      const name = recordingCall();
      written(await updateContact({ id: String(contact.identity), changes: { lastName: 'Counted' } }, { call: name }));
      expect(calls(name)).toEqual([`GET /Contact/${contact.identity}/Detail`, `PATCH /Contact/${contact.identity}`, 'GET /Account/Paged/Detail']);
      const lists = recordingCall();
      written(await updateContact({ id: String(contact.identity), changes: { phones: [] } }, { call: lists }));
      expect(calls(lists).sort()).toEqual(
        [`GET /Contact/${contact.identity}/Detail`, 'GET /ContactPointType', 'GET /ContactType', `PATCH /Contact/${contact.identity}`, 'GET /Account/Paged/Detail'].sort(),
      );
      const account = recordingCall();
      written(await updateAccount({ id: '10001', changes: { name: 'Counted Ltd' } }, { call: account }));
      expect(calls(account)).toEqual(['GET /Account/10001/Detail', 'PATCH /Account/10001']);
    });
  });

  describe('capabilities', () => {
    it('declares UPDATE with the fields v6 lets us change, best-effort version checks, and no DELETE at all', async () => {
      await start();
      const byEntity = Object.fromEntries(s.connector.capabilities.map((c) => [c.entity, c]));
      expect(byEntity['CONTACT']).toMatchObject({
        operations: ['READ', 'LIST', 'CREATE', 'UPDATE'],
        updatableFields: ['title', 'firstName', 'lastName', 'emails', 'phones'],
        versionCheck: 'BEST_EFFORT',
      });
      expect(byEntity['ACCOUNT']).toMatchObject({
        operations: ['READ', 'LIST', 'CREATE', 'UPDATE'],
        updatableFields: ['name'],
        versionCheck: 'BEST_EFFORT',
      });
      expect(byEntity['CURRENCY']).toMatchObject({ operations: ['READ', 'LIST'], updatableFields: [], versionCheck: null });
      // Contacts have no DELETE (seed 004), and none is documented for accounts.
      expect(s.connector.deletes).toEqual({});
      expect(s.connector.updates.OPPORTUNITY).toBeUndefined();
    });
  });
});
