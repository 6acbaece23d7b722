import { simulatable } from './simulatable';
import type { VendorCallEvent } from '../core/call';
import type { Connector } from '../core/connector';
import type { GatewayResources } from '../core/resources';
import { cin7Connector, cin7SourceSchema } from '../connectors/cin7';
import { logiSenseConnector, logisenseSourceSchema } from '../connectors/logisense';
import { pipelinerConnector, pipelinerSourceSchema } from '../connectors/pipeliner';
import { superOfficeConnector, superOfficeSourceSchema } from '../connectors/superoffice';

/**
 * The vendors crmgraph can connect to: each one's config schema (discriminated by `vendor`),
 * the keys its simulator supplies, and how to build its connector. Adding a vendor = one folder
 * plus one entry in each list here (and its simulator's launcher in `config/simulated.ts`).
 * The composition point: config validates sources with these schemas, the server builds
 * connectors with these factories, and neither config nor core imports a connector itself.
 */
export const sourceSchemas = [
  pipelinerSourceSchema,
  superOfficeSourceSchema,
  cin7SourceSchema,
  logisenseSourceSchema,
] as const;

export type SourceConfig = ReturnType<(typeof sourceSchemas)[number]['parse']>;
export type SourceVendor = SourceConfig['vendor'];

/** Keys beyond `baseUrl` and `credentials` that a vendor's built-in simulator supplies. */
export const SIMULATOR_VENDOR_KEYS = {
  pipeliner: ['spaceId'],
  superoffice: ['tenant'],
  cin7: [],
  logisense: [],
} as const satisfies Record<SourceVendor, readonly string[]>;

/** The same sources as a config file may write them: each may say `"simulator": true` instead. */
export const configSourceSchemas = [
  simulatable(pipelinerSourceSchema, SIMULATOR_VENDOR_KEYS.pipeliner),
  simulatable(superOfficeSourceSchema, SIMULATOR_VENDOR_KEYS.superoffice),
  simulatable(cin7SourceSchema, SIMULATOR_VENDOR_KEYS.cin7),
  simulatable(logisenseSourceSchema, SIMULATOR_VENDOR_KEYS.logisense),
] as const;

export type ConfigSource = ReturnType<(typeof configSourceSchemas)[number]['parse']>;

/**
 * The connector of one configured source. `resources` is what the gateway owns across its
 * sources (a vendor budget shared by sources with one API key) and closes when it stops.
 */
export function createConnector(
  config: SourceConfig,
  observeFn: ((event: VendorCallEvent) => void) | undefined,
  resources: GatewayResources,
): Connector {
  switch (config.vendor) {
    case 'pipeliner':
      return pipelinerConnector(config, observeFn, resources);
    case 'superoffice':
      return superOfficeConnector(config, observeFn);
    case 'cin7':
      return cin7Connector(config, observeFn, resources);
    case 'logisense':
      return logiSenseConnector(config, observeFn, { resources });
  }
}
