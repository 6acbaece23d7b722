import { dataOf } from '../../support/gateway';
import { startPipeliner, type PipelinerSetup } from './harness';

/**
 * Pipeliner's filter grammar is one value per `filter[field]` parameter (a deepObject), taken
 * as is: no quotes to escape, a comma meaningful only with `between`. So a text value goes on
 * the wire verbatim, URL-encoded, and reaches the vendor byte for byte.
 */
describe('Pipeliner: filter values on the wire', () => {
  let s: PipelinerSetup;
  beforeAll(async () => {
    s = await startPipeliner({ sim: { size: { accounts: 2, contacts: 2, opportunities: 0 } } });
  });
  afterAll(async () => s.close());

  it.each(["a+b&c=d%e,f#g", "x\\' or 1=1 --", 'tab\there [x]'])('sends %j verbatim and finds exactly its record', async (text) => {
    const created = dataOf(
      await s.gateway.execute(`mutation($n: String!) { createAccount(input: { source: "pipeliner", name: $n }) { account { remoteId } } }`, { n: `Co ${text}` }),
    ).createAccount.account.remoteId;
    s.sim.server.clearLog();
    const res = dataOf(await s.gateway.execute(`query($n: String!) { accounts(filter: { name: $n }) { edges { node { remoteId } } } }`, { n: text }));
    expect(res.accounts.edges.map((e: any) => e.node.remoteId)).toEqual([created]);
    const [sent] = s.sim.server.requests('GET', '/entities/Accounts');
    expect(new URLSearchParams(sent!.query).get('filter[name]')).toBe(text);
  });
});
