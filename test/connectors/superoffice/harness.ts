import { superOfficeConnector as connectorOf, superOfficeSourceSchema } from '../../../src/connectors/superoffice';
import type { Connector } from '../../../src/core/connector';
import type { Gateway } from '../../../src/server';
import {
  createSuperOfficeSimulator,
  type SuperOfficeSimulator,
  type SuperOfficeSimulatorOptions,
} from '../../../src/simulators/superoffice';
import { testGateway } from '../../support/gateway';
import { sentContractProblems } from './sentContract';

export interface SuperOfficeSetup {
  sim: SuperOfficeSimulator;
  connector: Connector;
  gateway: Gateway;
  close(): Promise<void>;
}

/** A seeded SuperOffice simulator on a free port and a gateway with one source `id` over it. */
export async function startSuperOffice(
  options: {
    id?: string;
    sim?: SuperOfficeSimulatorOptions;
    source?: Record<string, unknown>;
    extra?: Connector[];
  } = {},
): Promise<SuperOfficeSetup> {
  const sim = createSuperOfficeSimulator(options.sim);
  const url = await sim.listen();
  const connector = superOfficeConnector(options.id ?? 'superoffice', url, sim, options.source);
  const gateway = await testGateway([connector, ...(options.extra ?? [])]);
  return {
    sim,
    connector,
    gateway,
    async close() {
      await gateway.stop();
      await sim.close();
      // What the connector sent, checked against the fixtures from the official spec and reference.
      const problems = sentContractProblems(sim);
      if (problems.length > 0) throw new Error(`requests outside the SuperOffice contract:\n${problems.join('\n')}`);
    },
  };
}

/** A connector over `sim` (bearer token by default), as the registry would build it from config. */
export function superOfficeConnector(
  id: string,
  url: string,
  sim: SuperOfficeSimulator,
  overrides: Record<string, unknown> = {},
): Connector {
  return connectorOf(
    superOfficeSourceSchema.parse({
      id,
      vendor: 'superoffice',
      baseUrl: url,
      tenant: sim.tenant,
      credentials: { scheme: 'bearer', accessToken: sim.credentials.accessToken },
      retryBaseMs: 5,
      ...overrides,
    }),
  );
}
