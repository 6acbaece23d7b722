import type { VendorCallEvent } from '../../core/call';
import type { Connector } from '../../core/connector';
import { defineConnector } from '../../core/defineConnector';
import type { GatewayResources } from '../../core/resources';
import { readTable } from '../kit/readTable';
import { CIN7_MAX_ROWS, Cin7Client } from './client';
import type { Cin7SourceConfig } from './config';
import { cin7Writes } from './creates';
import { cin7Deletes } from './deletes';
import { budgetFor } from './pacing';
import { Cin7Reads } from './reads';
import { Cin7RecordCache } from './recordCache';
import { cin7Updates } from './updates';

/**
 * Cin7 Omni API v1 as a crmgraph source (README "Capabilities"): accounts and contacts read,
 * listed, created and updated in batches of the vendor's 250, and deleted; quotes as read-only
 * opportunities; users.
 * Cin7 Omni has no pipeline or currency resource (vendor notes §4), so neither is declared and
 * the gateway answers UNSUPPORTED_BY_SOURCE. `resources` holds the key's pacer (pacing.ts).
 */
export function cin7Connector(
  config: Cin7SourceConfig,
  observeFn: ((event: VendorCallEvent) => void) | undefined,
  resources: GatewayResources,
): Connector {
  const client = new Cin7Client(config, observeFn, budgetFor(config, resources));
  const reads = new Cin7Reads(config, client, new Cin7RecordCache(config.id));
  return defineConnector({
    id: config.id,
    vendor: 'CIN7_OMNI',
    name: config.name ?? 'Cin7 Omni',
    // Records per list request (vendor notes §2: `rows` max 250); ids per `where=id IN (…)&rows=250` read.
    limits: { maxPageSize: CIN7_MAX_ROWS, maxBatchSize: CIN7_MAX_ROWS },
    // A person comes inside its Contact record, which is its account (reads.ts `related`).
    embeds: { CONTACT: ['primaryAccount', 'accounts'] },
    // Users are read from the same object: Cin7 Omni has no other reference data.
    reads: readTable(reads, reads),
    filters: {
      CONTACT: ['email', 'name', 'accountId', 'updatedSince'],
      ACCOUNT: ['name', 'email', 'updatedSince'],
      // No pipelineId/stageId: quotes have no stage records.
      OPPORTUNITY: ['accountId', 'status', 'updatedSince'],
    },
    writes: cin7Writes(config, client, reads),
    // Quotes are read-only here: no update or delete of opportunities (README "Updates").
    updates: cin7Updates(config, client, reads),
    deletes: cin7Deletes(config, client, reads),
    close: () => client.close(),
  });
}
