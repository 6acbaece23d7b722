import { startStandalone } from '../simulators/standalone';
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

/**
 * Starts the source's simulator with seeded data on a free loopback port (the same start as
 * `npm run simulator`) and says what the source needs. Each simulator is loaded only when a
 * source asks for it: a gateway over real vendors never holds simulator code or seed libraries.
 */
async function launch(source: SimulatedSource): Promise<Launched> {
  // Cin7's simulator enforces the real 3/s, 60/min, 5,000/day, which the connector paces itself
  // under; a source that turns pacing off turns the simulator's limiter off with it.
  const limits = source.vendor === 'cin7' && source.options.rateLimits === false ? 'off' : 'real';
  const started = await startStandalone(source.vendor, { port: 0, limits });
  const { vendor: _vendor, ...supplies } = started.source;
  return { supplies, where: started.where, close: () => started.close() };
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
