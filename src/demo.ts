import type { GatewayConfig } from './config';
import { gatewayConfigSchema } from './config';
import { createLogiSenseSimulator } from './simulators/logisense';
import { createPipelinerSimulator } from './simulators/pipeliner';
import { createSuperOfficeSimulator } from './simulators/superoffice';

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
  const superoffice = createSuperOfficeSimulator();
  const logisense = createLogiSenseSimulator();
  const [pipelinerUrl, superofficeUrl, logisenseUrl] = await Promise.all([
    pipeliner.listen(),
    superoffice.listen(),
    logisense.listen(),
  ]);
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
      {
        id: 'superoffice',
        vendor: 'superoffice',
        name: 'SuperOffice CRM (simulator)',
        baseUrl: superofficeUrl,
        tenant: superoffice.tenant,
        credentials: { scheme: 'bearer', accessToken: superoffice.credentials.accessToken },
      },
      {
        id: 'logisense',
        vendor: 'logisense',
        name: 'LogiSense Billing (simulator)',
        baseUrl: logisenseUrl,
        credentials: {
          clientId: logisense.credentials.clientId,
          username: logisense.credentials.username,
          password: logisense.credentials.password,
        },
      },
    ],
  });
  return {
    config,
    describe: () => `pipeliner ${pipelinerUrl}, superoffice ${superofficeUrl}/${superoffice.tenant}, logisense ${logisenseUrl}`,
    async stop() {
      await Promise.all([pipeliner.close(), superoffice.close(), logisense.close()]);
    },
  };
}
