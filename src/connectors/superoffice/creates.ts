import type { WritesTable } from '../../core/writes';
import { accountWrites } from './accountWrites';
import type { SuperOfficeClient } from './client';
import type { CreateDeps } from './lookups';
import { personWrites } from './personWrites';
import { saleWrites } from './saleWrites';

/**
 * Creates with SuperOffice's own semantics (vendor notes §2): Account → `POST /Contact`,
 * Contact → `POST /Person`, Opportunity → `POST /Sale`. SuperOffice has no batch write, so each
 * commit sends one POST (the gateway runs several at once). Every rule SuperOffice documents is
 * checked in the draft — referenced records exist, a sale's person works at the sale's company,
 * a stage belongs to the sale type, column sizes — so input it would refuse is answered with
 * userErrors and nothing is written; a refused save that still comes back is mapped onto the
 * input fields by the client. Every reference in a body is an existing record's id, so no POST
 * waits for an id SuperOffice would assign: a dry run's requests are exactly those sent.
 */
export function superOfficeWrites(deps: CreateDeps, client: SuperOfficeClient): WritesTable {
  return {
    ACCOUNT: accountWrites(deps, client),
    CONTACT: personWrites(deps, client),
    OPPORTUNITY: saleWrites(deps, client),
  };
}
