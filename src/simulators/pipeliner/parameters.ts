import { invalidParameter } from './errors';

/**
 * Which query parameters each kind of entity request takes: the official spec's declared
 * parameters per operation, widened only where the vendor's API-parameters page says so
 * (`expand` and `include-deleted` also apply to a read by id). The legacy `limit`/`offset` of
 * lists are named in the spec's list description (page_info is then left out), so lists take
 * them too.
 */

export type Operation = 'list' | 'get' | 'create' | 'update' | 'delete' | 'batch-modify' | 'batch-delete';

/** deepObject parameters: sent as `name[field]`. */
export const DEEP_OBJECT_PARAMETERS: ReadonlySet<string> = new Set(['filter', 'filter-op']);

export const LEGACY_LIST_PARAMETERS = ['limit', 'offset'] as const;

export const OPERATION_PARAMETERS: Readonly<Record<Operation, readonly string[]>> = {
  list: [
    'include-deleted',
    'first',
    'last',
    'before',
    'after',
    'expand',
    'order-by',
    'filter',
    'filter-op',
    'load-only',
    ...LEGACY_LIST_PARAMETERS,
  ],
  get: ['expand', 'include-deleted'],
  create: ['validation-level'],
  update: ['validation-level'],
  delete: ['validation-level'],
  'batch-modify': ['validation-level', 'rollback-method'],
  'batch-delete': ['validation-level', 'rollback-method'],
};

/** What a parameter the operation does not take gets; the vendor's behaviour is not public. */
export type UndeclaredParameters = 'reject' | 'ignore';

/** The parameter a query key belongs to: `filter[name]` → `filter`; null for a malformed key. */
function parameterOf(key: string): string | null {
  const bracket = key.indexOf('[');
  if (bracket < 0) return DEEP_OBJECT_PARAMETERS.has(key) ? null : key;
  const name = key.slice(0, bracket);
  return DEEP_OBJECT_PARAMETERS.has(name) && /^[^[\]]+\[[^[\]]+\]$/.test(key) ? name : null;
}

/**
 * Refuses (400 code 117) a query key the operation does not take, under `reject`; under
 * `ignore` such keys are dropped before anything reads them.
 */
export function checkParameters(
  operation: Operation,
  query: URLSearchParams,
  policy: UndeclaredParameters,
): URLSearchParams {
  const allowed = OPERATION_PARAMETERS[operation];
  const kept = new URLSearchParams();
  for (const [key, value] of query) {
    const name = parameterOf(key);
    if (name !== null && allowed.includes(name)) {
      kept.append(key, value);
      continue;
    }
    if (policy === 'reject') {
      throw invalidParameter(
        name === null ? `Malformed parameter '${key}'.` : `Parameter '${key}' is not accepted by this endpoint.`,
      );
    }
  }
  return kept;
}
