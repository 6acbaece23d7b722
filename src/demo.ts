import type { GatewayConfig } from './config';
import { gatewayConfigSchema } from './config';
import { createPipelinerSimulator } from './simulators/pipeliner';

export interface Demo {
  config: GatewayConfig;
  describe(): string;
  stop(): Promise<void>;
}

/**
 * Demo mode: every vendor simulator on a free local port with seeded data, and a gateway
 * config pointing at them. Needs no account, key or network.
 */
export async function startDemo(): Promise<Demo> {
  const pipeliner = createPipelinerSimulator();
  const pipelinerUrl = await pipeliner.listen();
  const config = gatewayConfigSchema.parse({
    sources: [
      {
        id: 'pipeliner',
        vendor: 'pipeliner',
        name: 'Pipeliner CRM (simulator)',
        baseUrl: pipelinerUrl,
        spaceId: pipeliner.spaceId,
        credentials: pipeliner.credentials,
      },
    ],
  });
  return {
    config,
    describe: () => `pipeliner ${pipelinerUrl}`,
    async stop() {
      await pipeliner.close();
    },
  };
}
