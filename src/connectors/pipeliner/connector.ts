import type { GatewayResources } from '../../core/resources';
import { vendorBudget } from '../kit/budget';
import type { VendorCallEvent } from '../../core/call';
import type { Connector } from '../../core/connector';
import { defineConnector } from '../../core/defineConnector';
import { readTable } from '../kit/readTable';
import { PIPELINER_MAX_PAGE, PipelinerClient } from './client';
import type { PipelinerSourceConfig } from './config';
import { pipelinerWrites } from './creates';
import { pipelinerDeletes } from './deletes';
import { PipelinerDrafts } from './drafts';
import { PipelinerReads } from './reads';
import { PipelinerReference } from './reference';
import { pipelinerUpdates } from './updates';

/** Pipeliner CRM REST v100 as a crmgraph source: what it reads, filters, creates, updates and deletes. */
export function pipelinerConnector(
  config: PipelinerSourceConfig,
  observeFn?: (event: VendorCallEvent) => void,
  resources?: GatewayResources,
): Connector {
  const { username, password } = config.credentials;
  const budget = resources ? vendorBudget(config, `${config.spaceId}\n${username}\n${password}`, config.options.rateLimits, resources) : null;
  const client = new PipelinerClient(config, observeFn, budget);
  const reference = new PipelinerReference(config.id, client);
  const reads = new PipelinerReads(config.id, client, reference, config.options.readConcurrency);
  const drafts = new PipelinerDrafts(config, client, reference);
  return defineConnector({
    id: config.id,
    vendor: 'PIPELINER',
    name: config.name ?? 'Pipeliner CRM',
    // Pipeliner has no batch read: ids are read one GET each, `readConcurrency` at a time.
    limits: { maxPageSize: PIPELINER_MAX_PAGE, maxBatchSize: 100, idsPerRead: 1 },
    /** Lists and reads expand these (`expand=` in reads.ts). */
    embeds: {
      CONTACT: ['primaryAccount', 'accounts', 'owner'],
      ACCOUNT: ['owner'],
      OPPORTUNITY: ['account', 'primaryContact', 'contacts', 'owner', 'stage', 'pipeline'],
    },
    reads: readTable(reads, reference),
    // Pipeliner has no field for an opportunity's pipeline, so `pipelineId` is not a filter.
    filters: {
      CONTACT: ['email', 'name', 'accountId', 'updatedSince'],
      ACCOUNT: ['name', 'email', 'updatedSince'],
      OPPORTUNITY: ['accountId', 'status', 'stageId', 'updatedSince'],
    },
    writes: pipelinerWrites(config, client, reads, drafts),
    updates: pipelinerUpdates(config, client, reads, reference, drafts),
    deletes: pipelinerDeletes(config, client),
    close: () => client.close(),
  });
}
