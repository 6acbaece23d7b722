import { pipelinerConnector as declarePipeliner, pipelinerSourceSchema } from '../../../src/connectors/pipeliner';
import type { Connector } from '../../../src/core/connector';
import type { Gateway } from '../../../src/server';
import { createPipelinerSimulator, type PipelinerSimulator, type PipelinerSimulatorOptions } from '../../../src/simulators/pipeliner';
import { testGateway } from '../../support/gateway';
import { pipelinerContractProblems } from './specContract';

export interface PipelinerSetup {
  sim: PipelinerSimulator;
  connector: Connector;
  gateway: Gateway;
  /** Every way a request sent so far strayed from the spec-derived contract (see `close`). */
  contractProblems: string[];
  close(): Promise<void>;
}

/**
 * A seeded Pipeliner simulator on a free port and a gateway with one source `id` over it.
 * Every request the connector sends is checked against the contract derived from the official
 * spec (`specContract.ts`): the simulator refuses one that strays (400), and `close` fails the
 * suite naming every such request, even where a test expected an error anyway.
 */
export async function startPipeliner(
  options: {
    id?: string;
    sim?: PipelinerSimulatorOptions;
    source?: Record<string, unknown>;
    extra?: Connector[];
  } = {},
): Promise<PipelinerSetup> {
  const contractProblems: string[] = [];
  const sim = createPipelinerSimulator({
    size: { accounts: 40, contacts: 120, opportunities: 60 },
    requestCheck: (request) => {
      const problems = pipelinerContractProblems(request);
      contractProblems.push(...problems);
      return problems;
    },
    ...options.sim,
  });
  const url = await sim.listen();
  const connector = pipelinerConnector(options.id ?? 'pipeliner', url, sim, options.source);
  const gateway = await testGateway([connector, ...(options.extra ?? [])]);
  return {
    sim,
    connector,
    gateway,
    contractProblems,
    async close() {
      await gateway.stop();
      await sim.close();
      if (contractProblems.length > 0) {
        throw new Error(
          `Requests strayed from the Pipeliner spec contract:\n  ${[...new Set(contractProblems)].join('\n  ')}`,
        );
      }
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
