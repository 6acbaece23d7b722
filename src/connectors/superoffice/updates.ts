import type { UpdatesTable } from '../../core/writes';
import { accountUpdates } from './accountUpdates';
import type { SuperOfficeClient } from './client';
import type { CreateDeps } from './lookups';
import { personUpdates } from './personUpdates';
import { saleUpdates } from './saleUpdates';

/**
 * Updates with SuperOffice's own semantics (vendor notes §2 "PATCH"): one `PATCH /{Entity}/{id}`
 * of JSON Patch `replace` operations, one per property that changes, with
 * `If-Unmodified-Since` from `expectedVersion` (412 → CONFLICT, a NATIVE check). PATCH
 * expresses every change crmgraph makes, so a whole-entity PUT — which blanks what it leaves
 * out — is never sent.
 */
export function superOfficeUpdates(deps: CreateDeps, client: SuperOfficeClient): UpdatesTable {
  return {
    ACCOUNT: accountUpdates(deps, client),
    CONTACT: personUpdates(deps, client),
    OPPORTUNITY: saleUpdates(deps, client),
  };
}
