import type { SourceVendor } from '../vendors';
import { isSimulated, toGatewayConfig, type ConfigDocument, type GatewayConfig, type SimulatedSource } from './gatewayConfig';

/** A gateway config ready to run, and the simulators it needs (none for real vendors only). */
export interface RunningConfig {
  config: GatewayConfig;
  /** Where each simulated source is served, for the start-up banner; '' when none is. */
  describe(): string;
  /** Stops the simulators; safe to call twice. */
  stop(): Promise<void>;
}

/** A started simulator: the source keys it supplies, where it listens, and how to stop it. */
interface Launched {
  supplies: Record<string, unknown>;
  where: string;
  close(): Promise<void>;
}

type Launcher<V extends SourceVendor> = (source: Extract<SimulatedSource, { vendor: V }>) => Promise<Launched>;

/** Simulators listen on loopback only: demo data is nobody else's business. */
const HOST = '127.0.0.1';

/**
 * Per vendor: start its simulator with seeded data on a free port and say what the source needs.
 * Each simulator is loaded only when a source asks for it: a gateway over real vendors never
 * holds simulator code or seed libraries in memory.
 */
const LAUNCHERS: { [V in SourceVendor]: Launcher<V> } = {
  pipeliner: async () => {
    const { createPipelinerSimulator } = await import('../simulators/pipeliner');
    const sim = createPipelinerSimulator();
    const url = await sim.listen(0, HOST);
    return { supplies: { baseUrl: url, spaceId: sim.spaceId, credentials: { ...sim.credentials } }, where: sim.apiBase, close: () => sim.close() };
  },
  superoffice: async () => {
    const { createSuperOfficeSimulator } = await import('../simulators/superoffice');
    const sim = createSuperOfficeSimulator();
    const url = await sim.listen(0);
    return {
      supplies: { baseUrl: url, tenant: sim.tenant, credentials: { scheme: 'bearer', accessToken: sim.credentials.accessToken } },
      where: sim.apiBase,
      close: () => sim.close(),
    };
  },
  cin7: async (source) => {
    // The simulator enforces Cin7's real 3/s, 60/min, 5,000/day, which the connector paces
    // itself under; a source that turns pacing off turns the simulator's limiter off with it.
    const { createCin7Simulator } = await import('../simulators/cin7');
    const sim = createCin7Simulator({ rateLimits: source.options.rateLimits !== false });
    await sim.listen(0);
    const { username, apiKey } = sim.credentials;
    return { supplies: { baseUrl: sim.apiBase, credentials: { username, apiKey } }, where: sim.apiBase, close: () => sim.close() };
  },
  logisense: async () => {
    const { createLogiSenseSimulator } = await import('../simulators/logisense');
    const sim = createLogiSenseSimulator();
    const url = await sim.listen(0);
    const { clientId, username, password } = sim.credentials;
    return { supplies: { baseUrl: url, credentials: { clientId, username, password } }, where: url, close: () => sim.close() };
  },
};

function launch(source: SimulatedSource): Promise<Launched> {
  // The union of launchers cannot be called with the union of sources; each gets its own vendor's.
  const launcher = LAUNCHERS[source.vendor] as Launcher<SourceVendor>;
  return launcher(source);
}

/**
 * Starts the built-in simulator of every `"simulator": true` source of a validated document
 * (each its own, seeded, in this process, on a free loopback port) and returns the gateway's
 * config with their URLs and credentials filled in. If one fails to start, those already
 * started are stopped again.
 */
export async function startSimulatedSources(document: ConfigDocument): Promise<RunningConfig> {
  const wanted = document.sources.flatMap((source, index) => (isSimulated(source) ? [{ source, index }] : []));
  const settled = await Promise.allSettled(wanted.map(({ source }) => launch(source)));
  const started = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stop = once(async () => {
    await Promise.all(started.map((s) => s.close()));
  });
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  const filled = new Map(wanted.map(({ index }, i) => [index, (started[i] as Launched).supplies]));
  let config: GatewayConfig;
  try {
    config = toGatewayConfig(document, filled);
  } catch (err) {
    await stop();
    throw err;
  }
  const lines = wanted.map(({ source }, i) => `${source.id} ${(started[i] as Launched).where}`);
  return { config, describe: () => lines.join(', '), stop };
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  return () => (running ??= fn());
}
