import type { SimulatorServer } from './kit';

export const STANDALONE_VENDORS = ['pipeliner', 'superoffice', 'cin7', 'logisense'] as const;
export type StandaloneVendor = (typeof STANDALONE_VENDORS)[number];

export interface StandaloneOptions {
  /** Port to listen on; 0 = any free port. */
  port: number;
  /** `real`: the vendor's documented rate limits (only Cin7 documents any); `off`: none. */
  limits: 'real' | 'off';
  /** Main records to seed (accounts, companies, customers); the rest keep the default proportions. Unset = the simulator's default size. */
  size?: number;
}

/** What a source config needs to reach the simulator: `{ id, ...source }` is a complete source. */
export type SourceKeys = { vendor: StandaloneVendor; baseUrl: string; credentials: Record<string, string> } & Record<
  string,
  unknown
>;

export interface Standalone {
  source: SourceKeys;
  /** The vendor API's root, for a start-up banner. */
  where: string;
  server: SimulatorServer;
  close(): Promise<void>;
}

/** `base × size / baseMain`, so a size keeps the default data's shape (contacts per account and so on). */
function scaled(size: number, baseMain: number, base: number): number {
  return Math.round((size * base) / baseMain);
}

/**
 * Starts one vendor's simulator on its own and says what a gateway's source config needs for it,
 * the same keys `"simulator": true` fills in. Each simulator is imported only when asked for.
 */
export async function startStandalone(vendor: StandaloneVendor, options: StandaloneOptions): Promise<Standalone> {
  const { port, size } = options;
  switch (vendor) {
    case 'pipeliner': {
      const { createPipelinerSimulator } = await import('./pipeliner');
      const sim = createPipelinerSimulator(
        size === undefined
          ? {}
          : { size: { accounts: size, contacts: scaled(size, 60, 150), opportunities: scaled(size, 60, 80) } },
      );
      const baseUrl = await sim.listen(port);
      const source = { vendor, baseUrl, spaceId: sim.spaceId, credentials: { ...sim.credentials } };
      return { source, where: sim.apiBase, server: sim.server, close: () => sim.close() };
    }
    case 'superoffice': {
      const { createSuperOfficeSimulator } = await import('./superoffice');
      const sim = createSuperOfficeSimulator(
        size === undefined
          ? {}
          : { size: { companies: size, persons: scaled(size, 25, 60), sales: scaled(size, 25, 80) } },
      );
      const baseUrl = await sim.listen(port);
      const source = {
        vendor,
        baseUrl,
        tenant: sim.tenant,
        credentials: { scheme: 'bearer', accessToken: sim.credentials.accessToken },
      };
      return { source, where: sim.apiBase, server: sim.server, close: () => sim.close() };
    }
    case 'cin7': {
      const { createCin7Simulator } = await import('./cin7');
      const sim = createCin7Simulator({
        rateLimits: options.limits === 'real',
        ...(size === undefined
          ? {}
          : { size: { customers: size, suppliers: scaled(size, 30, 8), quotes: scaled(size, 30, 40) } }),
      });
      await sim.listen(port);
      const { username, apiKey } = sim.credentials;
      return {
        source: { vendor, baseUrl: sim.apiBase, credentials: { username, apiKey } },
        where: sim.apiBase,
        server: sim.server,
        close: () => sim.close(),
      };
    }
    case 'logisense': {
      const { createLogiSenseSimulator } = await import('./logisense');
      const sim = createLogiSenseSimulator(size === undefined ? {} : { accounts: size });
      const baseUrl = await sim.listen(port);
      const { clientId, username, password } = sim.credentials;
      return {
        source: { vendor, baseUrl, credentials: { clientId, username, password } },
        where: baseUrl,
        server: sim.server,
        close: () => sim.close(),
      };
    }
  }
}
