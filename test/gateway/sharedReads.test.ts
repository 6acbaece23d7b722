import pino from 'pino';
import { gatewayConfigSchema } from '../../src/config';
import { createGateway, type Gateway } from '../../src/server';
import { startVendors, type Vendors } from '../support/cli';
import { dataOf } from '../support/gateway';

/**
 * Concurrent identical operations share their vendor reads while those are in flight: N clients
 * asking the same list at the same moment cost each vendor one request, not N.
 */
describe('vendor reads shared across concurrent operations', () => {
  let vendors: Vendors;
  let gateway: Gateway;
  const QUERY = '{ contacts(first: 5) { edges { node { id name } } } }';

  beforeAll(async () => {
    vendors = await startVendors();
    gateway = await createGateway({
      config: gatewayConfigSchema.parse({ server: { logLevel: 'silent' }, auth: { mode: 'none' }, sources: vendors.sources }),
      logger: pino({ level: 'silent' }),
    });
    dataOf(await gateway.execute(QUERY)); // logins and tokens first: they are not what is measured
    vendors.latency(60);
  });

  afterAll(async () => {
    await gateway.stop();
    await vendors.stop();
  });

  it('sends one request per source for ten identical operations at once, and counts the rest as saved', async () => {
    const before = Object.fromEntries(Object.entries(vendors.servers).map(([id, s]) => [id, s.requests().length]));
    const answers = await Promise.all(Array.from({ length: 10 }, () => gateway.execute(QUERY)));
    for (const a of answers) expect(dataOf(a).contacts.edges.length).toBeGreaterThan(0);
    const sent = Object.fromEntries(Object.entries(vendors.servers).map(([id, s]) => [id, s.requests().length - before[id]!]));
    expect(sent).toEqual({ pipeliner: 1, superoffice: 1, cin7: 1, logisense: 1 });
    const metrics = await (await fetch(`${await listening(gateway)}/metrics`)).text();
    expect(metrics).toMatch(/crmgraph_vendor_requests_saved_total\{source="pipeliner"\} 9/);
  });
});

async function listening(gateway: Gateway): Promise<string> {
  if (!gateway.url) await gateway.listen(0, '127.0.0.1');
  return gateway.url.replace(/\/graphql$/, '');
}
