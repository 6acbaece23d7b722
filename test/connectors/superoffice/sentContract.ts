import type { SuperOfficeSimulator } from '../../../src/simulators/superoffice';
import { filterProblems, providerOfPath } from './filterContract';
import { partialBodyProblems } from './requestContract';

/** The request-body definition of each entity POST/PUT, as the Swagger names it. */
const BODY_DEFINITION: Record<string, string> = { contact: 'ContactEntity', person: 'PersonEntity', sale: 'SaleEntity' };

const PATCH_OPS = ['add', 'replace', 'remove', 'test'];

/**
 * A PATCH body: a JSON Patch array (Swagger `JsonPatch`: `op`, `path`, `value`; `move` and
 * `copy` are not supported), each value checked against the property its path names in the
 * entity's definition. A null value clears a reference type (nullable, as .NET serialises it).
 */
function patchProblems(definition: string, body: unknown): string[] {
  if (!Array.isArray(body)) return [`expected a JSON Patch array, got ${JSON.stringify(body)}`];
  return body.flatMap((raw: unknown, i): string[] => {
    const op = raw as { op?: unknown; path?: unknown; value?: unknown };
    const extra = Object.keys(op).filter((k) => !['op', 'path', 'value'].includes(k));
    if (extra.length > 0) return [`[${i}]: not a JsonPatch property: ${extra.join(', ')}`];
    if (typeof op.op !== 'string' || !PATCH_OPS.includes(op.op)) return [`[${i}].op: expected one of ${PATCH_OPS.join('|')}, got ${JSON.stringify(op.op)}`];
    if (typeof op.path !== 'string' || !op.path.startsWith('/')) return [`[${i}].path: expected a JSON Pointer, got ${JSON.stringify(op.path)}`];
    if (op.value === null) return [];
    const path = op.path;
    // The value as the partial entity it would be in a POST: {Address: {Postal: {…}}}.
    const nested = path.slice(1).split('/').reduceRight<unknown>((inner, key) => ({ [key]: inner }), op.value);
    return partialBodyProblems(definition, nested).map((p) => `[${i}] ${path}: ${p}`);
  });
}

/**
 * Every way the requests `sim` received depart from the contract fixtures: each archive
 * `$filter` against the archive reference facts, each entity POST/PUT body and PATCH operation against the
 * Swagger definitions. Run over the whole log when a connector test closes its setup, so every
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
    if (entity && r.method === 'PATCH') problems.push(...patchProblems(BODY_DEFINITION[entity]!, r.body).map((p) => `PATCH ${r.path}: ${p}`));
  }
  return [...new Set(problems)];
}
