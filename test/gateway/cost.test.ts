import pino from 'pino';
import { serverSchema } from '../../src/config/schema';
import { startDemo, type Demo } from '../../src/demo';
import { createGateway, type Gateway } from '../../src/server';
import { vendorRequests } from '../support/gateway';

/**
 * The cost estimate (`extensions.cost`) beside the vendor requests actually sent
 * (`extensions.vendorRequests`), on the four simulated vendors: deterministic counts, so the
 * estimate's figures are asserted exactly and checked to cover what was sent.
 */
let demo: Demo;
let gw: Gateway;

beforeAll(async () => {
  demo = await startDemo({ cin7RateLimits: false });
  gw = await createGateway({ config: { ...demo.config, server: serverSchema.parse({ logLevel: 'silent' }) }, logger: pino({ level: 'silent' }) });
  // LogiSense logs in once per gateway: out of the way before the counts below.
  await gw.execute('{ contacts(first: 1) { edges { node { id } } } }');
}, 30_000);

afterAll(async () => {
  await gw.stop();
  await demo.stop();
});

const cases: Array<[string, number]> = [
  ['{ sources { id } }', 0],
  ['{ contacts(first: 5) { edges { node { name } } } }', 4],
  ['{ contacts(first: 30) { edges { node { name primaryAccount { name } owner { name } } } } }', 37],
  ['{ accounts(first: 10) { edges { node { name contacts(first: 5) { edges { node { name } } } } } } }', 14],
  ['{ opportunities(first: 20) { edges { node { name stage { name } account { name } contacts { name } } } } }', 7],
];

describe('cost estimate', () => {
  it.each(cases)('%s: estimated as %d requests, at least what it sends', async (query, estimated) => {
    const res = await gw.execute(query);
    expect(res.errors).toBeUndefined();
    const cost = res.extensions?.['cost'] as { estimated: number; limit: number };
    expect(cost.estimated).toBe(estimated);
    expect(cost.limit).toBe(1000);
    expect(cost.estimated).toBeGreaterThanOrEqual(vendorRequests(res));
  });

  it('counts pages per source, and only the sources asked', async () => {
    const one = await gw.execute('{ contacts(sources: ["superoffice"], first: 100) { edges { node { name } } } }');
    expect(one.extensions?.['cost']).toEqual({ estimated: 1, limit: 1000 });
    const varFirst = await gw.execute('query($n: Int) { accounts(first: $n) { edges { node { name } } } }', { n: 7 });
    expect((varFirst.extensions?.['cost'] as { estimated: number }).estimated).toBe(4);
  });

  it('refuses before any vendor call when the estimate passes the limit', async () => {
    const res = await gw.execute('{ contacts(first: 100) { edges { node { accounts { account { contacts(first: 100) { edges { node { owner { name } } } } } } } } } }');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'server.limits.cost', limitValue: 1000 });
    expect(vendorRequests(res)).toBe(0);
  });
});
