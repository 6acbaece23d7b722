import type { DeleteCommand, UpdateAccountCommand, UpdateContactCommand } from '../../../src/core/connector';
import type { DeletedRecord } from '../../../src/core/records';
import { createItems, KeyedWrites, type CreateItem, type ItemResult } from '../../../src/core/write';
import type { WritePath } from '../../../src/core/writes';
import { MemoryIdempotencyStore } from '../../../src/idempotency';
import type { ContactRow } from '../../../src/simulators/cin7';
import { recordingCall } from '../../support/calls';
import { startCin7, type Cin7Setup } from './harness';

/*
 * Updates and deletes through core's write orchestrator (`createItems`, as the mutations use it)
 * against the simulator: the body sent, the vendor's record before and after, the answer, and a
 * read in a later operation.
 */

const options = { ttlMs: 60_000, leaseMs: 5_000, waitMs: 2_000, retryMs: 20 };

describe('Cin7 Omni updates and deletes', () => {
  let s: Cin7Setup;
  const clock = { t: Date.UTC(2025, 10, 3, 9, 0, 0) };
  let keys: KeyedWrites;
  beforeAll(async () => {
    s = await startCin7({ sim: { now: () => clock.t, size: { customers: 60, suppliers: 2, users: 4, quotes: 0 } } });
  });
  afterAll(async () => s.close());
  beforeEach(() => {
    s.sim.server.clearLog();
    keys = new KeyedWrites(new MemoryIdempotencyStore(), options);
    clock.t += 60_000;
  });

  const puts = () => s.sim.server.requests('PUT', '/v1/Contacts');
  const writes = () => s.sim.server.log.filter((r) => r.method !== 'GET');
  const stamp = () => new Date(Math.floor(clock.t / 1000) * 1000).toISOString().replace('.000Z', 'Z');

  async function run<C, T>(
    path: WritePath<C, T> | undefined,
    items: Array<CreateItem<C>>,
  ): Promise<Array<ItemResult<T>>> {
    if (!path) throw new Error('no such write path');
    return createItems(path, items, recordingCall(), keys);
  }
  const updateAccount = (command: UpdateAccountCommand, dryRun = false) =>
    run(s.connector.updates.ACCOUNT, [{ command, dryRun }]).then(([r]) => r!);
  const updateContact = (command: UpdateContactCommand, dryRun = false) =>
    run(s.connector.updates.CONTACT, [{ command, dryRun }]).then(([r]) => r!);
  const del = (entity: 'ACCOUNT' | 'CONTACT', command: DeleteCommand, dryRun = false) =>
    run<DeleteCommand, DeletedRecord>(s.connector.deletes[entity], [{ command, dryRun }]).then(([r]) => r!);
  const record = <T>(r: ItemResult<T>): T => {
    if (r.kind !== 'created') throw new Error(`expected a written record, got ${JSON.stringify(r)}`);
    return r.record;
  };
  const readAccount = async (id: number) => (await s.connector.getMany('ACCOUNT', [String(id)], recordingCall()))[0]!;
  const readContact = async (id: string) => (await s.connector.getMany('CONTACT', [id], recordingCall()))[0]!;
  const version = async (id: number) => (await readAccount(id)).version!;

  /** A company record with a person, a website, a phone and at least `n` secondary contacts, not used by an earlier test. */
  const used = new Set<number>();
  function pick(n = 0, also: (c: ContactRow) => boolean = () => true): ContactRow {
    const c = s.sim.store
      .contacts()
      .find(
        (r) =>
          !used.has(r.id) &&
          r.company &&
          r.firstName &&
          r.website &&
          r.phone &&
          (r.secondaryContacts?.length ?? 0) >= n &&
          also(r),
      );
    if (!c) throw new Error('the seed has no such record left');
    used.add(c.id);
    return c;
  }

  describe('a PUT never blanks a field the caller did not mention', () => {
    it('account: one field changed → the body has id, type and that field only; only it (and modifiedDate) changes; a later read shows it', async () => {
      const before = pick();
      const v0 = await version(before.id);
      s.sim.server.clearLog();
      const answer = record(await updateAccount({ id: String(before.id), changes: { website: 'kauri-new.example' } }));
      expect(puts().map((r) => r.body)).toEqual([[{ id: before.id, type: before.type, website: 'kauri-new.example' }]]);
      expect(s.sim.store.contact(before.id)).toEqual({
        ...before,
        website: 'kauri-new.example',
        modifiedDate: stamp(),
      });
      expect(answer).toMatchObject({ remoteId: String(before.id), website: 'kauri-new.example', name: before.company });
      expect(answer.version).not.toBe(v0);
      const later = await readAccount(before.id);
      expect(later).toMatchObject({ website: 'kauri-new.example', version: answer.version });
    });

    it("contact (the record's own person): only jobTitle is sent and changed", async () => {
      const before = pick();
      const answer = record(await updateContact({ id: String(before.id), changes: { jobTitle: 'Head of Buying' } }));
      expect(puts().map((r) => r.body)).toEqual([[{ id: before.id, type: before.type, jobTitle: 'Head of Buying' }]]);
      expect(s.sim.store.contact(before.id)).toEqual({ ...before, jobTitle: 'Head of Buying', modifiedDate: stamp() });
      expect(answer).toMatchObject({
        remoteId: String(before.id),
        jobTitle: 'Head of Buying',
        firstName: before.firstName,
      });
      expect(await readContact(String(before.id))).toMatchObject({
        jobTitle: 'Head of Buying',
        version: answer.version,
      });
    });

    it('secondary contact: the list goes back whole (others as read, ids kept), only its jobTitle changes', async () => {
      const before = pick(2);
      const [target, ...others] = before.secondaryContacts!;
      const id = `${before.id}.s${target!.id}`;
      const answer = record(await updateContact({ id, changes: { jobTitle: 'Logistics' } }));
      const [body] = puts().map((r) => r.body as Array<Record<string, unknown>>);
      expect(Object.keys(body![0]!).sort()).toEqual(['id', 'secondaryContacts', 'type']);
      expect(body![0]!['secondaryContacts']).toEqual([{ ...target, jobTitle: 'Logistics' }, ...others]);
      expect(s.sim.store.contact(before.id)).toEqual({
        ...before,
        secondaryContacts: [{ ...target, jobTitle: 'Logistics' }, ...others],
        modifiedDate: stamp(),
      });
      expect(answer).toMatchObject({ remoteId: id, jobTitle: 'Logistics', firstName: target!.firstName });
      expect(await readContact(id)).toMatchObject({ jobTitle: 'Logistics' });
    });

    it('a new street clears the second address line it is read with, and nothing else of the address', async () => {
      const before = pick(0, (c) => !!c.address2 && !!c.city);
      await updateAccount({ id: String(before.id), changes: { address: { street: '9 Wharf Rd' } } });
      expect(puts().map((r) => r.body)).toEqual([
        [{ id: before.id, type: before.type, address1: '9 Wharf Rd', address2: '' }],
      ]);
      expect(s.sim.store.contact(before.id)).toEqual({
        ...before,
        address1: '9 Wharf Rd',
        address2: '',
        modifiedDate: stamp(),
      });
      expect((await readAccount(before.id)).address).toMatchObject({ street: '9 Wharf Rd', city: before.city });
    });
  });

  describe('null clears where Cin7 can clear', () => {
    it('sends "" for null (and for a shorter list), and a later read shows the fields empty', async () => {
      const before = pick(1, (c) => !!c.secondaryContacts?.[0]?.phone);
      const sc = before.secondaryContacts![0]!;
      record(await updateAccount({ id: String(before.id), changes: { website: null } }));
      record(await updateContact({ id: `${before.id}.s${sc.id}`, changes: { phones: [], lastName: null } }));
      const [accountPut, contactPut] = puts().map((r) => r.body as Array<Record<string, unknown>>);
      expect(accountPut).toEqual([{ id: before.id, type: before.type, website: '' }]);
      expect((contactPut![0]!['secondaryContacts'] as unknown[])[0]).toEqual({
        ...sc,
        phone: '',
        mobile: '',
        lastName: '',
      });
      expect(s.sim.store.contact(before.id)).toMatchObject({
        website: '',
        phone: before.phone,
        secondaryContacts: [{ ...sc, phone: '', mobile: '', lastName: '' }, ...before.secondaryContacts!.slice(1)],
      });
      expect((await readAccount(before.id)).website).toBeNull();
      expect(await readContact(`${before.id}.s${sc.id}`)).toMatchObject({
        phones: [],
        lastName: null,
        firstName: sc.firstName,
      });
    });

    it('refuses null on what Cin7 cannot clear (a first name, an account name) and sends nothing', async () => {
      const before = pick();
      const contact = await updateContact({
        id: String(before.id),
        changes: { firstName: null, jobTitle: 'never sent' },
      });
      const account = await updateAccount({ id: String(before.id), changes: { name: null } });
      expect(contact).toMatchObject({ kind: 'rejected', userErrors: [{ field: ['firstName'], code: 'REQUIRED' }] });
      expect(account).toMatchObject({ kind: 'rejected', userErrors: [{ field: ['name'], code: 'REQUIRED' }] });
      expect(writes()).toEqual([]);
      expect(s.sim.store.contact(before.id)).toEqual(before);
    });

    it('refuses what Cin7 cannot hold or do before sending: too long, two e-mails, a move to another account, an owner of its own', async () => {
      const before = pick(1);
      const sc = before.secondaryContacts![0]!;
      const r = await updateContact({
        id: `${before.id}.s${sc.id}`,
        changes: { jobTitle: 'x'.repeat(51), emails: ['a@x.example', 'b@x.example'], accountId: '1', ownerId: '2' },
      });
      expect(r.kind).toBe('rejected');
      const codes = (r as { userErrors: Array<{ field: string[]; code: string }> }).userErrors.map((e) => [
        e.field.join('.'),
        e.code,
      ]);
      expect(codes).toEqual([
        ['jobTitle', 'TOO_LONG'],
        ['emails.1', 'UNSUPPORTED'],
        ['accountId', 'UNSUPPORTED'],
        ['ownerId', 'UNSUPPORTED'],
      ]);
      expect(writes()).toEqual([]);
    });

    it('maps a refusal the vendor answers inside HTTP 200 back to the input field', async () => {
      const [a, b] = [pick(), pick()];
      const r = await updateAccount({ id: String(a.id), changes: { emails: [b.email!] } });
      expect(r).toMatchObject({ kind: 'rejected', userErrors: [{ field: ['emails', '0'], code: 'CONFLICT' }] });
      expect(s.sim.store.contact(a.id)).toEqual(a);
    });
  });

  describe('expectedVersion (read-compare-write)', () => {
    it('stale → CONFLICT naming the current version, 0 writes; fresh → written with a new version', async () => {
      const before = pick();
      // Two changes by someone else within one second: modifiedDate is the same, the version is not.
      const v0 = record(await updateAccount({ id: String(before.id), changes: { website: 'first.example' } })).version!;
      record(await updateAccount({ id: String(before.id), changes: { website: 'elsewhere.example' } }));
      const v1 = await version(before.id);
      expect(s.sim.store.contact(before.id)!.modifiedDate).toBe(stamp());
      expect(v1).not.toBe(v0);
      s.sim.server.clearLog();
      const stale = await updateContact({ id: String(before.id), expectedVersion: v0, changes: { jobTitle: 'Stale' } });
      expect(stale).toMatchObject({ kind: 'rejected', userErrors: [{ field: ['expectedVersion'], code: 'CONFLICT' }] });
      expect((stale as { userErrors: Array<{ message: string }> }).userErrors[0]!.message).toContain(v1);
      expect(writes()).toEqual([]);
      const fresh = record(
        await updateContact({ id: String(before.id), expectedVersion: v1, changes: { jobTitle: 'Fresh' } }),
      );
      expect(fresh.jobTitle).toBe('Fresh');
      expect(fresh.version).not.toBe(v1);
      expect(fresh.version).toBe(await version(before.id));
    });

    it('gives a secondary contact the version of its record, so a change to the record is a conflict for it too', async () => {
      const before = pick(1);
      const id = `${before.id}.s${before.secondaryContacts![0]!.id}`;
      const v0 = (await readContact(id)).version!;
      expect(v0).toBe(await version(before.id));
      await updateAccount({ id: String(before.id), changes: { website: 'moved.example' } });
      s.sim.server.clearLog();
      expect(await updateContact({ id, expectedVersion: v0, changes: { jobTitle: 'x' } })).toMatchObject({
        kind: 'rejected',
        userErrors: [{ code: 'CONFLICT' }],
      });
      expect(writes()).toEqual([]);
    });

    it('answers NOT_FOUND on id for a record or a secondary contact that does not exist, sending nothing', async () => {
      const before = pick(1);
      const results = await run(s.connector.updates.CONTACT, [
        { command: { id: '999999', changes: { jobTitle: 'x' } }, dryRun: false },
        { command: { id: `${before.id}.s999999`, changes: { jobTitle: 'x' } }, dryRun: false },
        { command: { id: 'not-an-id', changes: { jobTitle: 'x' } }, dryRun: false },
      ]);
      for (const r of results)
        expect(r).toMatchObject({ kind: 'rejected', userErrors: [{ field: ['id'], code: 'NOT_FOUND' }] });
      expect(writes()).toEqual([]);
    });
  });

  describe('dry runs and idempotency keys', () => {
    it('a dry run answers the PUT it would send and writes nothing', async () => {
      const before = pick();
      const r = await updateAccount({ id: String(before.id), changes: { phones: ['+64 9 555 0199'] } }, true);
      expect(r).toMatchObject({
        kind: 'planned',
        requests: [
          {
            method: 'PUT',
            path: '/v1/Contacts',
            body: [{ id: before.id, type: before.type, phone: '+64 9 555 0199' }],
          },
        ],
      });
      // The record's own person shares that phone: said before anything is written.
      expect((r as { warnings: string[] }).warnings.join(' ')).toMatch(/also those of its own person/);
      const d = await del('ACCOUNT', { id: String(before.id) }, true);
      expect(d).toMatchObject({ kind: 'planned', requests: [{ method: 'DELETE', path: `/v1/Contacts/${before.id}` }] });
      expect(writes()).toEqual([]);
      expect(s.sim.store.contact(before.id)).toEqual(before);
    });

    it('a keyed update sent twice writes once and replays the answer', async () => {
      const before = pick();
      const item = {
        command: { id: String(before.id), changes: { jobTitle: 'Once' } },
        dryRun: false,
        key: { id: 'k-upd', fingerprint: 'fp-1' },
      };
      const [first] = await run(s.connector.updates.CONTACT, [item]);
      const [again] = await run(s.connector.updates.CONTACT, [item]);
      expect(again).toEqual({ ...first, replayed: true });
      expect(puts()).toHaveLength(1);
    });
  });

  describe('batch updates', () => {
    it('one PUT for the batch, updates of one record in one item, per-item answers with the refused one at its index', async () => {
      const [a, b, c] = [pick(1), pick(), pick()];
      const sc = a.secondaryContacts![0]!;
      const results = await run(s.connector.updates.CONTACT, [
        { command: { id: String(a.id), changes: { jobTitle: 'Owner' } }, dryRun: false },
        { command: { id: String(b.id), changes: { emails: [c.email!] } }, dryRun: false }, // c's e-mail: the vendor refuses it
        { command: { id: `${a.id}.s${sc.id}`, changes: { lastName: 'Second' } }, dryRun: false },
      ]);
      expect(puts()).toHaveLength(1);
      const body = puts()[0]!.body as Array<Record<string, unknown>>;
      expect(body.map((i) => i['id'])).toEqual([a.id, b.id]);
      expect(body[0]).toMatchObject({
        id: a.id,
        jobTitle: 'Owner',
        secondaryContacts: [{ ...sc, lastName: 'Second' }, ...a.secondaryContacts!.slice(1)],
      });
      expect(results.map((r) => r.kind)).toEqual(['created', 'rejected', 'created']);
      expect(results[1]).toMatchObject({ userErrors: [{ field: ['emails', '0'], code: 'CONFLICT' }] });
      expect(results[0]).toMatchObject({ record: { jobTitle: 'Owner' } });
      expect(results[2]).toMatchObject({ record: { remoteId: `${a.id}.s${sc.id}`, lastName: 'Second' } });
      expect(s.sim.store.contact(b.id)).toEqual(b);
      expect(s.sim.store.contact(a.id)).toMatchObject({
        jobTitle: 'Owner',
        secondaryContacts: [{ ...sc, lastName: 'Second' }, ...a.secondaryContacts!.slice(1)],
      });
    });
  });

  describe('deletes', () => {
    it('an account: DELETE /v1/Contacts/{id}, the record is gone; a second delete is NOT_FOUND', async () => {
      const before = pick(1);
      const r = await del('ACCOUNT', { id: String(before.id), expectedVersion: await version(before.id) });
      expect(r).toMatchObject({ kind: 'created', record: { remoteId: String(before.id) } });
      expect(writes().map((w) => `${w.method} ${w.path}`)).toEqual([`DELETE /api/v1/Contacts/${before.id}`]);
      expect(s.sim.store.contact(before.id)).toBeUndefined();
      expect(await readAccount(before.id)).toBeNull();
      s.sim.server.clearLog();
      expect(await del('ACCOUNT', { id: String(before.id) })).toMatchObject({
        kind: 'rejected',
        userErrors: [{ field: ['id'], code: 'NOT_FOUND' }],
      });
      expect(writes()).toEqual([]);
    });

    it('a stale expectedVersion deletes nothing', async () => {
      const before = pick();
      const v0 = await version(before.id);
      await updateAccount({ id: String(before.id), changes: { website: 'changed.example' } });
      s.sim.server.clearLog();
      expect(await del('ACCOUNT', { id: String(before.id), expectedVersion: v0 })).toMatchObject({
        kind: 'rejected',
        userErrors: [{ code: 'CONFLICT' }],
      });
      expect(writes()).toEqual([]);
      expect(s.sim.store.contact(before.id)).toBeDefined();
    });

    it('a secondary contact: its record is PUT without it, the others keep their fields and ids; a second delete is NOT_FOUND', async () => {
      const before = pick(2);
      const [gone, ...kept] = before.secondaryContacts!;
      const id = `${before.id}.s${gone!.id}`;
      expect(await del('CONTACT', { id })).toMatchObject({ kind: 'created', record: { remoteId: id } });
      expect(puts().map((r) => r.body)).toEqual([[{ id: before.id, type: before.type, secondaryContacts: kept }]]);
      expect(s.sim.store.contact(before.id)).toEqual({ ...before, secondaryContacts: kept, modifiedDate: stamp() });
      expect(await readContact(id)).toBeNull();
      expect(await del('CONTACT', { id })).toMatchObject({
        kind: 'rejected',
        userErrors: [{ field: ['id'], code: 'NOT_FOUND' }],
      });
    });

    it("refuses to delete a record's own person (it is the account itself), sending nothing", async () => {
      const before = pick();
      expect(await del('CONTACT', { id: String(before.id) })).toMatchObject({
        kind: 'rejected',
        userErrors: [{ field: ['id'], code: 'UNSUPPORTED' }],
      });
      expect(writes()).toEqual([]);
    });

    it('never claims a secondary contact gone when the vendor kept it (an account that merges the list on PUT)', async () => {
      const before = pick(1);
      const id = `${before.id}.s${before.secondaryContacts![0]!.id}`;
      s.sim.switches.childListOnPut = 'merge';
      try {
        expect(await del('CONTACT', { id })).toMatchObject({ kind: 'failed', error: { code: 'SOURCE_REJECTED' } });
      } finally {
        s.sim.switches.childListOnPut = 'replace';
      }
      expect(await readContact(id)).not.toBeNull();
    });

    it('an account deleted since the draft read it answers NOT_FOUND (the vendor 404s)', async () => {
      const before = pick();
      s.sim.server.failNext({ status: 404, body: 'Resource not found', match: { method: 'DELETE' } });
      expect(await del('ACCOUNT', { id: String(before.id) })).toMatchObject({
        kind: 'rejected',
        userErrors: [{ field: ['id'], code: 'NOT_FOUND' }],
      });
    });
  });
});
