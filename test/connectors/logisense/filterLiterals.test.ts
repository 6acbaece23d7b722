import { recordingCall } from '../../support/calls';
import { createOne, expectNoPendingFaults, startLogiSense, type Setup } from './harness';

/**
 * Filter literals. LogiSense's only query language crmgraph writes into is the Search body
 * (notes §4): a JSON object whose `value` is a JSON string, so a literal is encoded by JSON
 * alone — nothing is escaped or quoted on top, and no character is a wildcard. Contact filters
 * are applied by the connector to the rows it reads (v6 Contact has no Search), so they compare
 * text as text.
 */
const TRICKY = ["'", '"', '\\', "\\'", '%', '*', '_', '(', ')', ';', 'line\nbreak', "x' or 1 eq 1 or name eq 'y", '"}],"top":0,"x":[{"'];

const listArgs = <F>(filter: F) => ({ filter, first: 50, after: null, include: new Set<string>() });

describe('LogiSense connector: filter values stay literals', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await startLogiSense({ sim: { accounts: 6 } });
  });
  afterAll(async () => {
    expectNoPendingFaults(s);
    await s.close();
  });

  it.each(TRICKY.map((t) => [JSON.stringify(t), t] as const))(
    'sends an account name containing %s as the Search value itself, and finds exactly that account',
    async (_label, tricky) => {
      const name = `Lit${tricky}Co`;
      const { record } = await createOne(s.connector, 'ACCOUNT', { name, emails: [], phones: [] }, recordingCall());
      s.sim.server.clearLog();
      const page = await s.connector.list('ACCOUNT', listArgs({ name: tricky }), recordingCall());
      const [sent] = s.sim.server.requests('POST', '/Account/Search');
      expect((sent?.body as { query: { search: unknown[] } }).query.search).toEqual([
        { name: 'name', operator: 'contains', value: tricky },
      ]);
      expect(page.records.map((r) => r.remoteId)).toContain(record.remoteId);
      expect(page.records.every((r) => (r.name ?? '').toLowerCase().includes(tricky.toLowerCase()))).toBe(true);
    },
  );

  it.each(["o'brien%_*@lit.example", 'a\\b@lit.example', 'x"y;(z)@lit.example'])(
    'finds the one contact whose e-mail is %s, and no other',
    async (email) => {
      const { record } = await createOne(
        s.connector,
        'CONTACT',
        { lastName: 'Literal', emails: [email], phones: [], accountId: '10002' },
        recordingCall(),
      );
      const page = await s.connector.list('CONTACT', listArgs({ email }), recordingCall());
      expect(page.records.map((r) => r.remoteId)).toEqual([record.remoteId]);
    },
  );
});
