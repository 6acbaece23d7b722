import type { VendorCallEvent } from '../core/call';
import type { Connector } from '../core/connector';
import { Cin7Connector, cin7SourceSchema } from './cin7';
import { LogiSenseConnector, logisenseSourceSchema } from './logisense';
import { PipelinerConnector, pipelinerSourceSchema } from './pipeliner';
import { SuperOfficeConnector, superOfficeSourceSchema } from './superoffice';

/**
 * The vendors crmgraph can connect to: each one's config schema (discriminated by `vendor`)
 * and how to build its connector. Adding a vendor = one folder plus one entry here.
 */
export const sourceSchemas = [
  pipelinerSourceSchema,
  superOfficeSourceSchema,
  cin7SourceSchema,
  logisenseSourceSchema,
] as const;

export type SourceConfig = ReturnType<(typeof sourceSchemas)[number]['parse']>;

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
