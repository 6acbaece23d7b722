import { simulatable } from '../config/simulatable';
import type { VendorCallEvent } from '../core/call';
import type { Connector } from '../core/connector';
import { Cin7Connector, cin7SourceSchema } from './cin7';
import { LogiSenseConnector, logisenseSourceSchema } from './logisense';
import { PipelinerConnector, pipelinerSourceSchema } from './pipeliner';
import { SuperOfficeConnector, superOfficeSourceSchema } from './superoffice';

/**
 * The vendors crmgraph can connect to: each one's config schema (discriminated by `vendor`),
 * the keys its simulator supplies, and how to build its connector. Adding a vendor = one folder
 * plus one entry in each list here (and its simulator's launcher in `config/simulated.ts`).
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

export function createConnector(config: SourceConfig, observeFn?: (event: VendorCallEvent) => void): Connector {
  switch (config.vendor) {
    case 'pipeliner':
      return new PipelinerConnector(config, observeFn);
    case 'superoffice':
      return new SuperOfficeConnector(config, observeFn);
    case 'cin7':
      return new Cin7Connector(config, observeFn);
    case 'logisense':
      return new LogiSenseConnector(config, observeFn);
  }
}
