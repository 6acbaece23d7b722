import pino from 'pino';
import { gatewayConfigSchema } from '../../src/config';
import { createGateway } from '../../src/server';
import { startVendors, type Vendors } from '../support/cli';

/**
 * Rate limits on a vendor that documents none are off by default and, once configured in
 * `options.rateLimits`, pace that source: the simulator never sees more in a second.
 */
describe('configured vendor budgets', () => {
  let vendors: Vendors;
  beforeAll(async () => {
    vendors = await startVendors();
  });
  afterAll(() => vendors.stop());

  it.each(['pipeliner', 'logisense'])('%s: 6 distinct reads at a limit of 2 a second are spread over two seconds and more', async (id) => {
    const source = { ...vendors.sources.find((s) => s.id === id)!, options: { rateLimits: { perSecond: 2 } } };
    const gateway = await createGateway({
      config: gatewayConfigSchema.parse({ server: { logLevel: 'silent' }, auth: { mode: 'none' }, sources: [source] }),
      logger: pino({ level: 'silent' }),
    });
    try {
      await gateway.execute(`{ accounts(first: 1) { edges { node { id } } } }`); // a login first, where the vendor has one
      const server = vendors.servers[id]!;
      const before = server.requests().length;
      const started = Date.now();
      const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => gateway.execute(`{ accounts(first: ${i + 2}) { edges { node { id } } } }`)));
      for (const a of answers) expect(a.errors ?? []).toEqual([]);
      const times = server.requests().slice(before).map((r) => r.at);
      expect(times).toHaveLength(6);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
      for (const t of times) expect(times.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(2);
    } finally {
      await gateway.stop();
    }
  });
});
