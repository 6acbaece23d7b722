import { pipelinerConnector as declarePipeliner, pipelinerSourceSchema } from '../../../src/connectors/pipeliner';
import type { Connector } from '../../../src/core/connector';
import type { Gateway } from '../../../src/server';
import { createPipelinerSimulator, type PipelinerSimulator, type PipelinerSimulatorOptions } from '../../../src/simulators/pipeliner';
import { testGateway } from '../../support/gateway';

export interface PipelinerSetup {
  sim: PipelinerSimulator;
  connector: Connector;
  gateway: Gateway;
  close(): Promise<void>;
}

/** A seeded Pipeliner simulator on a free port and a gateway with one source `id` over it. */
export async function startPipeliner(
  options: {
    id?: string;
    sim?: PipelinerSimulatorOptions;
    source?: Record<string, unknown>;
    extra?: Connector[];
  } = {},
): Promise<PipelinerSetup> {
  const sim = createPipelinerSimulator({ size: { accounts: 40, contacts: 120, opportunities: 60 }, ...options.sim });
  const url = await sim.listen();
  const connector = pipelinerConnector(options.id ?? 'pipeliner', url, sim, options.source);
  const gateway = await testGateway([connector, ...(options.extra ?? [])]);
  return {
    sim,
    connector,
    gateway,
    async close() {
      await gateway.stop();
      await sim.close();
    },
  };
}

export function pipelinerConnector(
  id: string,
  url: string,
  sim: PipelinerSimulator,
  overrides: Record<string, unknown> = {},
): Connector {
  return declarePipeliner(
    pipelinerSourceSchema.parse({
      id,
      vendor: 'pipeliner',
      baseUrl: url,
      spaceId: sim.spaceId,
      credentials: sim.credentials,
      retryBaseMs: 5,
      ...overrides,
    }),
  );
}
