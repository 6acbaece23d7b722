import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFilter, type FilterExpr } from '../../../src/simulators/superoffice/filter';

/**
 * Checks a `$filter` the connector sent against the archive reference facts in
 * test/fixtures/superoffice/ArchiveRestrictions.json (see that folder's README): every column
 * must be restrictable in the endpoint's archive provider, and every operator one its
 * restriction type takes (never one the official request collection marks as failing).
 */

interface Restrictions {
  providers: Record<string, Record<string, string>>;
  operators: Record<string, string[]>;
  failing: string[];
  stringFunctions: string[];
}

const FACTS = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'fixtures', 'superoffice', 'ArchiveRestrictions.json'), 'utf8'),
) as Restrictions;

/** The archive provider behind an OData list path (vendor notes §3). */
export function providerOfPath(path: string): string | null {
  const p = path.replace(/^.*\/api\/v1/i, '').toLowerCase();
  if (p === '/contact') return 'SimpleContact';
  if (p === '/person' || /^\/contact\/\d+\/persons$/.test(p)) return 'Person';
  if (p === '/sale' || /^\/contact\/\d+\/sales$/.test(p)) return 'FindSale';
  if (p === '/user') return 'AllUsers';
  if (p === '/salestakeholder' || /^\/sale\/\d+\/stakeholders$/.test(p)) return 'SaleStakeholder';
  const archive = /^\/archive\/([^/]+)$/.exec(p);
  return archive ? (Object.keys(FACTS.providers).find((n) => n.toLowerCase() === archive[1]) ?? archive[1]!) : null;
}

/** Every way `filter` departs from the reference for `provider` (empty = it conforms). */
export function filterProblems(provider: string, filter: string): string[] {
  const columns = FACTS.providers[provider];
  if (!columns) return [`no reference facts for archive provider '${provider}'`];
  let parsed: FilterExpr;
  try {
    parsed = parseFilter(filter);
  } catch (e) {
    return [`${provider}: unreadable $filter ${JSON.stringify(filter)}: ${(e as Error).message}`];
  }
  const problems: string[] = [];
  const visit = (e: FilterExpr): void => {
    if (e.kind !== 'cmp' && e.kind !== 'func') {
      visit(e.left);
      visit(e.right);
      return;
    }
    const restriction = columns[e.column];
    if (restriction === undefined) return void problems.push(`${provider}.${e.column}: not a column in the reference facts`);
    if (restriction === 'none') return void problems.push(`${provider}.${e.column}: not restrictable`);
    const op = e.kind === 'func' ? e.name : e.op;
    const allowed =
      e.kind === 'func'
        ? restriction.startsWith('string') && FACTS.stringFunctions.includes(op)
        : (FACTS.operators[restriction] ?? []).some((o) => o.toLowerCase() === op.toLowerCase()) &&
          !FACTS.failing.some((o) => o.toLowerCase() === op.toLowerCase());
    if (!allowed) problems.push(`${provider}.${e.column}: operator '${op}' is not one a ${restriction} column takes`);
  };
  visit(parsed);
  return problems;
}

export { FACTS as ARCHIVE_RESTRICTIONS };
