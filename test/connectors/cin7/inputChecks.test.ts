import { Cin7Client } from '../../../src/connectors/cin7/client';
import { cin7OmniUser } from '../../../src/connectors/cin7/wire';
import { cin7SourceSchema } from '../../../src/connectors/cin7';
import { encodeId } from '../../../src/core/globalId';
import { recordingCall } from '../../support/calls';
import { dataOf, vendorRequests } from '../../support/gateway';
import { startCin7, whereOf, type Cin7Setup } from './harness';

/**
 * Values the connector writes into a query reach the vendor only in the documented form
 * (vendor notes §1 dates, §2 paging, ids are integers): anything else is settled here, before
 * a request, never left for the vendor to refuse.
 */
const CONTACTS = `query($since: DateTime, $account: ID) { contacts(sources: ["cin7"], first: 100, filter: { updatedSince: $since, accountId: $account }) { edges { node { remoteId } } } }`;
const ACCOUNTS = `query($since: DateTime) { accounts(sources: ["cin7"], first: 100, filter: { updatedSince: $since }) { edges { node { remoteId } } } }`;
const OPPORTUNITIES = `query($since: DateTime, $account: ID) { opportunities(sources: ["cin7"], first: 100, filter: { updatedSince: $since, accountId: $account }) { edges { node { remoteId } } } }`;
const NODE = `query($id: ID!) { node(id: $id) { id } }`;

describe('Cin7 Omni: only documented values reach the vendor', () => {
  let s: Cin7Setup;
  beforeAll(async () => {
    s = await startCin7({ sim: { size: { customers: 6, suppliers: 1, users: 2, quotes: 5 } } });
  });
  afterAll(async () => s.close());
  beforeEach(() => s.sim.server.clearLog());

  const count = (res: Awaited<ReturnType<Cin7Setup['gateway']['execute']>>, list: string): number => dataOf(res)[list].edges.length;

  it.each(['1600-01-01T00:00:00Z', '0001-01-01T00:00:00Z'])(
    'updatedSince %s, before any date the vendor stores, sends no date and answers every record',
    async (since) => {
      expect(count(await s.gateway.execute(ACCOUNTS, { since }), 'accounts')).toBe(s.sim.store.contacts().length);
      expect(count(await s.gateway.execute(OPPORTUNITIES, { since }), 'opportunities')).toBe(s.sim.store.quotes().length);
      expect(count(await s.gateway.execute(CONTACTS, { since }), 'contacts')).toBeGreaterThan(0);
      expect(s.sim.server.log.map(whereOf).filter((w) => w?.includes('modifiedDate'))).toEqual([]);
      expect(s.sim.server.log.every((r) => r.status === 200)).toBe(true);
    },
  );

  it('sends updatedSince as yyyy-MM-ddTHH:mm:ssZ in UTC, rounded down to the second', async () => {
    await s.gateway.execute(ACCOUNTS, { since: '2024-05-01T10:20:30.999+02:00' });
    expect(whereOf(s.sim.server.log[0])).toBe("modifiedDate >= '2024-05-01T08:20:30Z'");
  });

  it.each(['1.5', '0', '01', '-3', '2147483648', '1e3', ' 1', '1 OR 1=1', '1.s0', '1.s2147483648', '1.x2'])(
    'id %j, which is no integer id of the vendor, is null without a request',
    async (remote) => {
      for (const type of ['Contact', 'Account', 'Opportunity'] as const) {
        const res = await s.gateway.execute(NODE, { id: encodeId(type, 'cin7', remote) });
        expect(dataOf(res).node).toBeNull();
        expect(vendorRequests(res)).toBe(0);
      }
    },
  );

  it('an accountId filter that is no integer id answers an empty page without a request', async () => {
    for (const query of [CONTACTS, OPPORTUNITIES]) {
      const res = await s.gateway.execute(query, { account: encodeId('Account', 'cin7', '5 OR 1=1') });
      expect(Object.values(dataOf(res))[0].edges).toEqual([]);
      expect(vendorRequests(res)).toBe(0);
    }
  });

  it('reads 250 long ids in requests whose query strings fit the web server (2048 characters)', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => encodeId('Contact', 'cin7', String(1_000_000_000 + i)));
    // `nodes` takes 100 ids; three of them in one operation are one batch read by the loader.
    const [a, b, c] = [ids.slice(0, 100), ids.slice(100, 200), ids.slice(200)];
    const res = await s.gateway.execute(`query($a: [ID!]!, $b: [ID!]!, $c: [ID!]!) { a: nodes(ids: $a) { id } b: nodes(ids: $b) { id } c: nodes(ids: $c) { id } }`, { a, b, c });
    expect(Object.values(dataOf(res)).flat()).toEqual(ids.map(() => null));
    expect(vendorRequests(res)).toBe(2);
    expect(s.sim.server.log.every((r) => r.status === 200 && r.query.length - 1 <= 2048)).toBe(true);
  });

  it('keeps a long name filter within the query string, still answering exactly the matching account', async () => {
    const name = `${"'".repeat(120)}Long`;
    const made = dataOf(await s.gateway.execute(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { remoteId } } }`, { input: { source: 'cin7', name } }));
    s.sim.server.clearLog();
    const res = await s.gateway.execute(`query($name: String) { accounts(sources: ["cin7"], first: 50, filter: { name: $name }) { edges { node { remoteId } } } }`, { name });
    expect(dataOf(res).accounts.edges.map((e: { node: { remoteId: string } }) => e.node.remoteId)).toEqual([made.createAccount.account.remoteId]);
    expect(s.sim.server.log.every((r) => r.status === 200)).toBe(true);
  });

  describe('the client itself', () => {
    const client = (): Cin7Client =>
      new Cin7Client(
        cin7SourceSchema.parse({
          id: 'cin7',
          vendor: 'cin7',
          baseUrl: s.sim.apiBase,
          credentials: { username: s.sim.credentials.username, apiKey: s.sim.credentials.apiKey },
        }),
        undefined,
        null,
      );

    it.each([0, -1, 1.5, 2147483648])('refuses page %p before sending (pages are numbered from 1)', async (page) => {
      const c = client();
      try {
        await expect(c.list('Users', cin7OmniUser, { where: null, order: 'id ASC', rows: 10, page }, recordingCall())).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
        expect(s.sim.server.log).toEqual([]);
      } finally {
        await c.close();
      }
    });

    it('refuses a query string the web server would not take, rather than reading its 404 as a wrong base URL', async () => {
      const c = client();
      try {
        const where = `email = '${'x'.repeat(2100)}'`;
        await expect(c.list('Contacts', cin7OmniUser, { where, order: 'id ASC', rows: 10 }, recordingCall())).rejects.toMatchObject({
          code: 'BAD_USER_INPUT',
          message: expect.stringMatching(/too long for Cin7 Omni/),
        });
        expect(s.sim.server.log).toEqual([]);
      } finally {
        await c.close();
      }
    });
  });
});
