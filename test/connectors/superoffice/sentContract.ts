import type { SuperOfficeSimulator } from '../../../src/simulators/superoffice';
import { filterProblems, providerOfPath } from './filterContract';
import { partialBodyProblems } from './requestContract';

/** The request-body definition of each entity POST/PUT, as the Swagger names it. */
const BODY_DEFINITION: Record<string, string> = { contact: 'ContactEntity', person: 'PersonEntity', sale: 'SaleEntity' };

/**
 * Every way the requests `sim` received depart from the contract fixtures: each archive
 * `$filter` against the archive reference facts, each entity POST/PUT body against the Swagger
 * definitions. Run over the whole log when a connector test closes its setup, so every
 * existing test checks what the connector sends without saying so.
 */
export function sentContractProblems(sim: SuperOfficeSimulator): string[] {
  const problems: string[] = [];
  for (const r of sim.server.log) {
    const provider = r.method === 'GET' ? providerOfPath(r.path) : null;
    if (provider) {
      for (const [key, value] of new URLSearchParams(r.query))
        if (key.toLowerCase() === '$filter') problems.push(...filterProblems(provider, value).map((p) => `GET ${r.path}: ${p}`));
    }
    const entity = /\/api\/v1\/(contact|person|sale)(?:\/\d+)?$/i.exec(r.path)?.[1]?.toLowerCase();
    if (entity && (r.method === 'POST' || r.method === 'PUT') && r.body !== undefined)
      problems.push(...partialBodyProblems(BODY_DEFINITION[entity]!, r.body).map((p) => `${r.method} ${r.path}: ${p}`));
  }
  return [...new Set(problems)];
}
