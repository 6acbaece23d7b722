import type { GatewayConfig } from './config';
import { gatewayConfigSchema } from './config';
import { createCin7Simulator } from './simulators/cin7';
import { createLogiSenseSimulator } from './simulators/logisense';
import { createPipelinerSimulator } from './simulators/pipeliner';
import { createSuperOfficeSimulator } from './simulators/superoffice';

export interface DemoOptions {
  /**
   * Cin7 Omni's real rate limits on its simulator (and pacing in its connector). On by default;
   * suites that fire hundreds of requests turn both off to stay fast.
   */
  cin7RateLimits?: boolean;
}

export interface Demo {
  config: GatewayConfig;
  describe(): string;
  stop(): Promise<void>;
}

/**
 * Demo mode: every vendor simulator on a free local port with seeded data, and a gateway
 * config pointing at them. Needs no account, key or network.
 */
export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const realLimits = options.cin7RateLimits ?? true;
  const pipeliner = createPipelinerSimulator();
  const superoffice = createSuperOfficeSimulator();
  const cin7 = createCin7Simulator({ rateLimits: realLimits });
  const logisense = createLogiSenseSimulator();
  const [pipelinerUrl, superofficeUrl, , logisenseUrl] = await Promise.all([
    pipeliner.listen(),
    superoffice.listen(),
    cin7.listen(),
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
        id: 'cin7',
        vendor: 'cin7',
        name: 'Cin7 Omni (simulator)',
        baseUrl: cin7.apiBase,
        credentials: { username: cin7.credentials.username, apiKey: cin7.credentials.apiKey },
        // The simulator enforces Cin7's real 3/s, 60/min, 5,000/day; the connector paces itself.
        options: realLimits ? {} : { rateLimits: false },
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
    describe: () =>
      `pipeliner ${pipelinerUrl}, superoffice ${superofficeUrl}/${superoffice.tenant}, cin7 ${cin7.apiBase}, logisense ${logisenseUrl}`,
    async stop() {
      await Promise.all([pipeliner.close(), superoffice.close(), cin7.close(), logisense.close()]);
    },
  };
}
