import type { GatewayResources } from '../../core/resources';
import { vendorBudget } from '../kit/budget';
import type { VendorCallEvent } from '../../core/call';
import type { Connector } from '../../core/connector';
import { defineConnector } from '../../core/defineConnector';
import { readTable } from '../kit/readTable';
import { LogiSenseClient } from './client';
import type { LogiSenseSourceConfig } from './config';
import { logiSenseWrites } from './creates';
import { LogiSenseReads } from './reads';
import { LogiSenseReference } from './reference';
import { logiSenseUpdates } from './updates';

export interface LogiSenseConnectorDeps {
  /** Clock for token renewal (tests); default `Date.now`. */
  now?: () => number;
  /** What the gateway owns across sources: where a rate budget (`options.rateLimits`) lives. */
  resources?: GatewayResources;
}

/**
 * LogiSense Billing REST v6 as a crmgraph source: accounts, contacts and currencies. No
 * opportunity, pipeline or user is declared: LogiSense has no such entity (vendor notes §2.4;
 * its `ownerId` is the billing tenant, not a user).
 */
export function logiSenseConnector(
  config: LogiSenseSourceConfig,
  observeFn?: (event: VendorCallEvent) => void,
  deps: LogiSenseConnectorDeps = {},
): Connector {
  const { clientId, username } = config.credentials;
  const budget = deps.resources ? vendorBudget(config, `${clientId}\n${username}`, config.options.rateLimits, deps.resources) : null;
  const client = new LogiSenseClient(config, observeFn, deps.now, budget);
  const reference = new LogiSenseReference(config.id, client);
  const reads = new LogiSenseReads(config, client);
  return defineConnector({
    id: config.id,
    vendor: 'LOGISENSE',
    name: config.name ?? 'LogiSense Billing',
    limits: {
      // The public page-size bound; LogiSense documents none for `/Paged` (notes §4).
      maxPageSize: 100,
      maxBatchSize: 100,
      // No batch read: one GET per record, `readConcurrency` at a time.
      idsPerRead: 1,
    },
    reads: readTable(reads, reference),
    // No contact `updatedSince` (v6 contacts carry no dates) and no account `email` (none in v6).
    filters: { CONTACT: ['email', 'name', 'accountId'], ACCOUNT: ['name', 'updatedSince'] },
    writes: logiSenseWrites(config, client, reference),
    updates: logiSenseUpdates(config, client, reference, reads),
    // No deletes: v6 Contact has no DELETE (seed 004) and no DELETE of an Account is documented.
    lacks: {
      CONTACT: { DELETE: 'LogiSense v6 has no delete for contacts' },
      ACCOUNT: { DELETE: 'LogiSense documents no delete for accounts (an account is closed through its status)' },
      OPPORTUNITY: 'LogiSense relies on Salesforce for opportunities',
      PIPELINE: 'LogiSense has no opportunity stages',
      USER: 'LogiSense has no users that own records',
    },
    close: () => client.close(),
  });
}
