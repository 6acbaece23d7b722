import type { VendorCallEvent } from '../../core/call';
import type { Connector } from '../../core/connector';
import { defineConnector } from '../../core/defineConnector';
import { readTable } from '../kit/readTable';
import { SuperOfficeClient } from './client';
import type { SuperOfficeSourceConfig } from './config';
import { superOfficeWrites } from './creates';
import { superOfficeDeletes } from './deletes';
import { superOfficeUpdates } from './updates';
import { SuperOfficeReads } from './reads';
import { SuperOfficeReference } from './reference';

/** The gateway's page cap; the archive documents none (vendor notes §3, open question 1). */
export const SUPEROFFICE_MAX_PAGE = 100;

/**
 * SuperOffice CRM WebAPI REST v1 as a crmgraph source. Mind the names: SuperOffice Contact =
 * our Account, Person = Contact, Sale = Opportunity, SaleType (+ its Rating stages) = Pipeline,
 * Associate = User. Each filter is exercised against the simulator by the tests.
 */
export function superOfficeConnector(
  config: SuperOfficeSourceConfig,
  observeFn?: (event: VendorCallEvent) => void,
): Connector {
  const client = new SuperOfficeClient(config, observeFn);
  const reference = new SuperOfficeReference(config, client);
  const reads = new SuperOfficeReads(config.id, client, reference);
  return defineConnector({
    id: config.id,
    vendor: 'SUPEROFFICE',
    name: config.name ?? 'SuperOffice CRM',
    // Ids per loader batch: one `$filter=… in (…)` archive call each, a short URL at 100.
    limits: { maxPageSize: SUPEROFFICE_MAX_PAGE, maxBatchSize: 100 },
    reads: readTable(reads, reference),
    filters: {
      CONTACT: ['email', 'name', 'accountId', 'updatedSince'],
      ACCOUNT: ['name', 'email', 'updatedSince'],
      OPPORTUNITY: ['accountId', 'status', 'pipelineId', 'stageId', 'updatedSince'],
    },
    writes: superOfficeWrites({ config, reference, reads }, client),
    updates: superOfficeUpdates({ config, reference, reads }, client),
    deletes: superOfficeDeletes(client),
    close: () => client.close(),
  });
}
