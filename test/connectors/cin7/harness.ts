import { cin7Connector as buildCin7Connector, cin7SourceSchema } from '../../../src/connectors/cin7';
import type { Connector } from '../../../src/core/connector';
import { GatewayResources } from '../../../src/core/resources';
import type { Gateway } from '../../../src/server';
import type { LoggedRequest } from '../../../src/simulators/kit';
import { createCin7Simulator, type Cin7Simulator, type Cin7SimulatorOptions } from '../../../src/simulators/cin7';
import { testGateway } from '../../support/gateway';

export const SOURCE = 'cin7';

export interface Cin7Setup {
  sim: Cin7Simulator;
  connector: Connector;
  gateway: Gateway;
  /** What the connectors of this setup share (the key's pacer), as a gateway would own it; closed by `close()`. */
  resources: GatewayResources;
  /** Requests the simulator answered with 429. */
  rejected429(): number;
  /** Logged requests as `METHOD /v1/Resource?where…` (decoded), for readable assertions. */
  calls(): string[];
  close(): Promise<void>;
}

export interface SetupOptions {
  id?: string;
  sim?: Cin7SimulatorOptions;
  /** Source config fields over the defaults. */
  source?: Record<string, unknown>;
  /**
   * The vendor's real limits on both sides (simulator 3/s, 60/min, 5,000/day; connector
   * pacing to them). Off by default so that suites with many requests need not wait.
   */
  realLimits?: boolean;
  extra?: Connector[];
}

/** A seeded Cin7 Omni simulator on a free port and a gateway with one source over it. */
export async function startCin7(options: SetupOptions = {}): Promise<Cin7Setup> {
  const sim = createCin7Simulator({ rateLimits: options.realLimits === true, ...options.sim });
  await sim.listen();
  const resources = new GatewayResources();
  const connector = cin7Connector(options.id ?? SOURCE, sim, resources, {
    ...(options.realLimits ? {} : { options: { rateLimits: false } }),
    ...options.source,
  });
  const gateway = await testGateway([connector, ...(options.extra ?? [])]);
  return {
    sim,
    connector,
    gateway,
    resources,
    rejected429: () => sim.server.log.filter((r) => r.status === 429).length,
    calls: () => sim.server.log.map(describeCall),
    async close() {
      await gateway.stop();
      await resources.close();
      await sim.close();
    },
  };
}

/** A connector configured against `sim` as a deployment would (baseUrl = the API base), sharing `resources`. */
export function cin7Connector(id: string, sim: Cin7Simulator, resources: GatewayResources, overrides: Record<string, unknown> = {}): Connector {
  return buildCin7Connector(
    cin7SourceSchema.parse({
      id,
      vendor: 'cin7',
      baseUrl: sim.apiBase,
      credentials: { username: sim.credentials.username, apiKey: sim.credentials.apiKey },
      retryBaseMs: 5,
      ...overrides,
    }),
    undefined,
    resources,
  );
}

export function describeCall(r: LoggedRequest): string {
  const q = new URLSearchParams(r.query);
  const where = q.get('where');
  return `${r.method} ${r.path.replace(/^\/api/, '')}${where ? ` where=${where}` : ''}`;
}

/** The `where` argument of a logged request. */
export function whereOf(r: LoggedRequest | undefined): string | null {
  return r ? new URLSearchParams(r.query).get('where') : null;
}
