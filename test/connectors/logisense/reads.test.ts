import type { Connector, ContactFilter, Page } from '../../../src/core/connector';
import { GatewayError } from '../../../src/core/errors';
import type { AccountRecord, AnyRecord, ContactRecord } from '../../../src/core/records';
import { recordingCall } from '../../support/calls';
import { expectNoPendingFaults, startLogiSense, type Setup } from './harness';

const listArgs = <F>(filter: F, first = 30, after: string | null = null) => ({
  filter,
  first,
  after,
  include: new Set<string>(),
});

/** Every page of a contact list, following the connector's own paging state. */
async function allContacts(
  c: Connector,
  filter: ContactFilter,
  first: number,
): Promise<{ records: ContactRecord[]; pages: number }> {
  const records: ContactRecord[] = [];
  let after: string | null = null;
  let pages = 0;
  do {
    const page: Page<ContactRecord> = await c.list('CONTACT', listArgs(filter, first, after), recordingCall());
    records.push(...page.records);
    after = page.next;
    pages += 1;
  } while (after && pages < 100);
  return { records, pages };
}

/** What the simulator holds for a contact, in the unified form the connector should produce. */
function expected(s: Setup, contactId: number) {
  const row = s.sim.store.contact(contactId)!;
  const types = new Map(s.sim.store.contactPointTypes().map((t) => [t.identity, t.name]));
  const points = s.sim.store.contactPointsOf(contactId);
  return {
    remoteId: String(contactId),
    firstName: row.firstName,
    lastName: row.lastName,
    title: row.title,
    emails: points.filter((p) => types.get(p.contactPointTypeId) === 'email').map((p) => p.value),
    phones: points.filter((p) => types.get(p.contactPointTypeId) === 'phone').map((p) => p.value),
    primaryAccountId: String(s.sim.store.accountsOfContact(contactId)[0]?.identity),
  };
}

describe('LogiSense connector: reads', () => {
  let s: Setup;
  afterEach(async () => {
    expectNoPendingFaults(s);
    await s.close();
  });

  describe('by id', () => {
    it('reads accounts one GET each, aligned with the ids, null where there is none', async () => {
      s = await startLogiSense();
      const call = recordingCall();
      const rows = await s.connector.getMany('ACCOUNT', ['10002', '99999', 'abc', '10001'], call);
      expect(rows.map((r) => r?.remoteId ?? null)).toEqual(['10002', null, null, '10001']);
      const stored = s.sim.store.account(10002)!;
      expect(rows[0]).toMatchObject({
        entity: 'ACCOUNT',
        source: 'logisense',
        name: stored.name,
        emails: [],
        phones: [],
        ownerId: null,
      });
      expect(rows[0]?.createdAt).toBe(new Date(stored.created).toISOString());
      expect(rows[0]?.updatedAt).toBe(new Date(stored.lastUpdate).toISOString());
      // login + 3 reads: a non-numeric id cannot name a v6 object and costs nothing.
      expect(call.events).toHaveLength(4);
    });

    it('reads contacts with names, title, e-mails and phones from contact points, and the account link', async () => {
      s = await startLogiSense();
      const ids = [20001, 20005, 20040].map(String);
      const call = recordingCall();
      const rows = await s.connector.getMany('CONTACT', ids, call);
      ids.forEach((id, i) => expect(rows[i]).toMatchObject(expected(s, Number(id))));
      expect(rows[0]?.accounts).toEqual([
        { source: 'logisense', accountId: rows[0]?.primaryAccountId, isPrimary: true, jobTitle: null },
      ]);
      expect(rows[0]?.name).toBe(`${rows[0]?.firstName} ${rows[0]?.lastName}`);
      // All three are under the first page of accounts: one request answers them (plus the login).
      expect(s.calls()).toEqual(['POST login', 'GET Account/Paged/Detail']);
      expect(call.events).toHaveLength(2);
    });

    it('hands over the accounts found with the contacts, so reading them costs nothing', async () => {
      s = await startLogiSense();
      const primed: AnyRecord[] = [];
      const call = { ...recordingCall(), prime: (r: AnyRecord) => primed.push(r) };
      const [row] = await s.connector.getMany('CONTACT', ['20001'], call);
      expect(primed.map((r) => [r.entity, r.remoteId])).toEqual([['ACCOUNT', row?.primaryAccountId]]);
      expect(primed[0]).toMatchObject({ name: s.sim.store.account(Number(row?.primaryAccountId))!.name });
    });

    it('answers null for an unknown contact after one single read, without scanning further', async () => {
      s = await startLogiSense({ source: { options: { accountPageSize: 5 } } });
      const rows = await s.connector.getMany('CONTACT', ['29999', '20001'], recordingCall());
      expect(rows[0]).toBeNull();
      expect(rows[1]?.remoteId).toBe('20001');
      expect(s.calls()).toEqual(['POST login', 'GET Account/Paged/Detail', 'GET Contact/29999/Detail → 404']);
    });

    it('finds the account of a contact beyond the first account page with further pages', async () => {
      s = await startLogiSense({ source: { options: { accountPageSize: 5 } } });
      const late = s.sim.store.contactsOfAccount(10012)[0]!.identity;
      const [row] = await s.connector.getMany('CONTACT', [String(late)], recordingCall());
      expect(row).toMatchObject(expected(s, late));
      expect(row?.primaryAccountId).toBe('10012');
      expect(s.calls()).toEqual([
        'POST login',
        'GET Account/Paged/Detail',
        `GET Contact/${late}/Detail`,
        'GET Account/Paged/Detail',
        'GET Account/Paged/Detail',
      ]);
    });

    it('keeps a contact that belongs to no account, with no link', async () => {
      s = await startLogiSense({ sim: { accounts: 3 } });
      // Created over the vendor API directly (POST Contact makes an unlinked contact).
      const login = await fetch(`${s.sim.authBase}/Access/Login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'password',
          client_id: s.sim.credentials.clientId,
          client_secret: s.sim.credentials.clientSecret,
        }),
      });
      const token = String(((await login.json()) as Record<string, unknown>)['access_token']);
      const made = await fetch(`${s.sim.resourceBase}/Contact`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ contactTypeId: 3, lastName: 'Alone' }),
      });
      const id = String(
        ((await made.json()) as { results: { items: Array<{ identity: number }> } }).results.items[0]!.identity,
      );
      const [row] = await s.connector.getMany('CONTACT', [id], recordingCall());
      expect(row).toMatchObject({ remoteId: id, lastName: 'Alone', primaryAccountId: null, accounts: [] });
    });

    it('reads currencies with the default one as base', async () => {
      s = await startLogiSense();
      const all = await s.connector.listAll('CURRENCY', recordingCall());
      expect(all.map((c) => [c.code, c.isBase])).toEqual([
        ['USD', true],
        ['EUR', false],
        ['GBP', false],
        ['CAD', false],
      ]);
      expect(all[1]).toMatchObject({
        entity: 'CURRENCY',
        remoteId: '2',
        name: 'Euros',
        symbol: '€',
        exchangeRate: null,
      });
      const [eur] = await s.connector.getMany('CURRENCY', ['2'], recordingCall());
      expect(eur?.code).toBe('EUR');
    });
  });

  describe('contact lists', () => {
    it('lists every linked contact once, page by page, with its account and the accounts as related records', async () => {
      s = await startLogiSense();
      const linked = s.sim.store.accounts().flatMap((a) => a.contactIds);
      const { records, pages } = await allContacts(s.connector, {}, 7);
      expect(records.map((r) => Number(r.remoteId))).toEqual(linked);
      expect(pages).toBe(Math.ceil(linked.length / 7));
      for (const r of records.slice(0, 10)) expect(r).toMatchObject(expected(s, Number(r.remoteId)));
      const page = await s.connector.list('CONTACT', listArgs({}, 10), recordingCall());
      const accountIds = [...new Set(page.records.map((r) => r.primaryAccountId))];
      expect(page.related.map((a) => a.remoteId)).toEqual(accountIds);
      expect((page.related[0] as AccountRecord).name).toBe(s.sim.store.account(Number(accountIds[0]))!.name);
      expect(page.totalCount).toBeNull();
    });

    it('walks several account pages when one holds fewer contacts than asked for', async () => {
      s = await startLogiSense({ source: { options: { accountPageSize: 3 } } });
      const call = recordingCall();
      const page = await s.connector.list('CONTACT', listArgs({}, 20), call);
      expect(page.records).toHaveLength(20);
      const linked = s.sim.store
        .accounts()
        .flatMap((a) => a.contactIds)
        .slice(0, 20);
      expect(page.records.map((r) => Number(r.remoteId))).toEqual(linked);
      expect(call.events.filter((e) => e.path.endsWith('/Account/Paged/Detail')).length).toBeGreaterThan(1);
    });

    it('filters by e-mail exactly, ignoring case', async () => {
      s = await startLogiSense();
      const target = s.sim.store.contactPoints().find((p) => p.value.includes('@'))!;
      const page = await s.connector.list('CONTACT', listArgs({ email: target.value.toUpperCase() }), recordingCall());
      expect(page.records.map((r) => r.remoteId)).toEqual([String(target.contactId)]);
      expect(page.next).toBeNull();
      const none = await s.connector.list('CONTACT', listArgs({ email: target.value.slice(1) }), recordingCall());
      expect(none.records).toEqual([]);
    });

    it('filters by part of the name, ignoring case', async () => {
      s = await startLogiSense();
      const who = s.sim.store.contact(20003)!;
      const part = `${who.firstName} ${who.lastName}`.slice(2, 9).toLowerCase();
      const { records } = await allContacts(s.connector, { name: part }, 50);
      const expectedIds = s.sim.store
        .accounts()
        .flatMap((a) => a.contactIds)
        .filter((id) => {
          const c = s.sim.store.contact(id)!;
          return `${c.firstName} ${c.lastName}`.toLowerCase().includes(part);
        });
      expect(records.map((r) => Number(r.remoteId))).toEqual(expectedIds);
      expect(expectedIds).toContain(20003);
    });

    it('lists the contacts of one account with one request, with a total', async () => {
      s = await startLogiSense();
      const call = recordingCall();
      const page = await s.connector.list('CONTACT', listArgs({ accountId: '10004' }, 2), call);
      const theirs = s.sim.store.contactsOfAccount(10004).map((c) => String(c.identity));
      expect(page.records.map((r) => r.remoteId)).toEqual(theirs.slice(0, 2));
      expect(page.totalCount).toBe(theirs.length);
      expect(page.related.map((a) => a.remoteId)).toEqual(['10004']);
      expect(call.events.map((e) => e.path)).toEqual([
        '/AuthorizationServer/api/v6/Access/Login',
        '/ResourceServer/api/v6/Account/10004/Detail',
      ]);
      const { records } = await allContacts(s.connector, { accountId: '10004' }, 2);
      expect(records.map((r) => r.remoteId)).toEqual(theirs);
      const missing = await s.connector.list('CONTACT', listArgs({ accountId: '99999' }), recordingCall());
      expect(missing).toMatchObject({ records: [], next: null, totalCount: 0 });
    });

    it('stops a filtered walk after maxScanPages and goes on from there on the next page', async () => {
      s = await startLogiSense({ source: { options: { accountPageSize: 5, maxScanPages: 2 } } });
      const call = recordingCall();
      const page = await s.connector.list('CONTACT', listArgs({ email: 'nobody@nowhere.example' }), call);
      expect(page.records).toEqual([]);
      expect(page.next).not.toBeNull();
      expect(call.events.filter((e) => e.path.endsWith('/Account/Paged/Detail'))).toHaveLength(2);
      const { pages } = await allContacts(s.connector, { email: 'nobody@nowhere.example' }, 30);
      expect(pages).toBe(3); // 25 accounts / 5 per page / 2 pages per call
    });

    it('refuses updatedSince (v6 contacts carry no dates) and a cursor of another list', async () => {
      s = await startLogiSense();
      await expect(
        s.connector.list('CONTACT', listArgs({ updatedSince: '2024-01-01T00:00:00Z' }), recordingCall()),
      ).rejects.toMatchObject({
        code: 'UNSUPPORTED_BY_SOURCE',
      });
      await expect(
        s.connector.list('CONTACT', listArgs({ accountId: '10001' }, 5, 'w:100:1:0'), recordingCall()),
      ).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
    });

    it('reads the paged and single answers in either documented shape', async () => {
      s = await startLogiSense({ sim: { switches: { pagedShape: 'list', singleGetShape: 'list' } } });
      const page = await s.connector.list('CONTACT', listArgs({}, 5), recordingCall());
      expect(page.records).toHaveLength(5);
      const [account] = await s.connector.getMany('ACCOUNT', ['10003'], recordingCall());
      expect(account?.name).toBe(s.sim.store.account(10003)!.name);
    });
  });

  describe('account lists', () => {
    it('pages through Account/Paged with the total the vendor reports', async () => {
      s = await startLogiSense();
      const first = await s.connector.list('ACCOUNT', listArgs({}, 10), recordingCall());
      expect(first.records.map((a) => a.remoteId)).toEqual(
        s.sim.store
          .accounts()
          .slice(0, 10)
          .map((a) => String(a.identity)),
      );
      expect(first.totalCount).toBe(25);
      const third = await s.connector.list('ACCOUNT', listArgs({}, 10, 'p:10:3'), recordingCall());
      expect(third.records).toHaveLength(5);
      expect(third.next).toBeNull();
      expect(s.calls().slice(1)).toEqual(['GET Account/Paged', 'GET Account/Paged']);
    });

    it('filters by name and by updatedSince with Account/Search', async () => {
      s = await startLogiSense();
      const someone = s.sim.store.account(10007)!;
      const word = someone.name.split(' ')[0]!.toUpperCase();
      const byName = await s.connector.list('ACCOUNT', listArgs({ name: word }, 50), recordingCall());
      const wanted = s.sim.store.accounts().filter((a) => a.name.toLowerCase().includes(word.toLowerCase()));
      expect(byName.records.map((a) => a.remoteId)).toEqual(wanted.map((a) => String(a.identity)));
      expect(byName.totalCount).toBe(wanted.length);
      const since = new Date(someone.lastUpdate).toISOString();
      const recent = await s.connector.list('ACCOUNT', listArgs({ updatedSince: since }, 50), recordingCall());
      const newer = s.sim.store.accounts().filter((a) => a.lastUpdate >= someone.lastUpdate);
      expect(recent.records.map((a) => a.remoteId)).toEqual(newer.map((a) => String(a.identity)));
      const search = s.sim.server.requests('POST', '/Account/Search');
      expect(search.map((r) => r.body)).toEqual([
        {
          query: {
            top: 10000,
            search: [{ name: 'name', operator: 'contains', value: word }],
            orderBy: [{ name: 'identity', direction: 'asc' }],
            pagination: { pageNumber: 1, pageSize: 50 },
          },
        },
        {
          query: {
            top: 10000,
            search: [{ name: 'lastUpdate', operator: 'gtEq', value: since }],
            orderBy: [{ name: 'identity', direction: 'asc' }],
            pagination: { pageNumber: 1, pageSize: 50 },
          },
        },
      ]);
    });
  });

  describe('vendor faults on reads', () => {
    it('retries a read answered 503, and turns a refused read into SOURCE_REJECTED naming the read', async () => {
      s = await startLogiSense();
      s.sim.server.failNext({ status: 503, match: { pathIncludes: '/Account/Paged' } });
      const page = await s.connector.list('ACCOUNT', listArgs({}, 5), recordingCall());
      expect(page.records).toHaveLength(5);
      expect(s.calls().slice(1)).toEqual(['GET Account/Paged → 503', 'GET Account/Paged']);
      s.sim.server.failNext({
        status: 400,
        match: { pathIncludes: '/Account/Paged' },
        body: {
          trackingId: 'x',
          type: 'get',
          errors: [{ code: 10000400, message: 'The Pagination header is not valid JSON.' }],
        },
      });
      await expect(s.connector.list('ACCOUNT', listArgs({}, 5), recordingCall())).rejects.toMatchObject({
        code: 'SOURCE_REJECTED',
        message: 'Source "logisense" (LOGISENSE) refused listing Account/Paged (HTTP 400)',
        detail: { httpStatus: 400, vendorCode: '10000400', vendorMessage: 'The Pagination header is not valid JSON.' },
      });
    });
  });

  describe('what LogiSense has not', () => {
    const unsupported = async (promise: Promise<unknown>) => {
      const err = await promise.then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(GatewayError);
      expect(err).toMatchObject({
        code: 'UNSUPPORTED_BY_SOURCE',
        detail: { source: 'logisense', vendor: 'LOGISENSE' },
      });
    };

    it('answers UNSUPPORTED_BY_SOURCE for opportunities, pipelines and users, without calling the vendor', async () => {
      s = await startLogiSense();
      const call = recordingCall();
      await unsupported(s.connector.list('OPPORTUNITY', listArgs({}), call));
      await unsupported(s.connector.getMany('OPPORTUNITY', ['1'], call));
      await unsupported(s.connector.listAll('PIPELINE', call));
      await unsupported(s.connector.listAll('USER', call));
      await unsupported(s.connector.getMany('USER', ['1'], call));
      // Nothing to create opportunities with: the gateway refuses them from the capabilities.
      expect(s.connector.writes.OPPORTUNITY).toBeUndefined();
      await unsupported(s.connector.list('ACCOUNT', listArgs({ email: 'a@b.example' }), call));
      expect(call.events).toEqual([]);
    });

    it('declares exactly what it implements', async () => {
      s = await startLogiSense();
      const declared = Object.fromEntries(s.connector.capabilities.map((c) => [c.entity, [c.operations, c.filters]]));
      expect(declared).toEqual({
        CONTACT: [
          ['READ', 'LIST', 'CREATE', 'UPDATE'],
          ['email', 'name', 'accountId'],
        ],
        ACCOUNT: [
          ['READ', 'LIST', 'CREATE', 'UPDATE'],
          ['name', 'updatedSince'],
        ],
        CURRENCY: [['READ', 'LIST'], []],
      });
    });
  });
});
