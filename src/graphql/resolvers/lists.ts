import type { GraphQLResolveInfo } from 'graphql';
import type { Connector, FilterOf, PagedEntity } from '../../core/connector';
import { filtersOf } from '../../core/connector';
import { GatewayError } from '../../core/errors';
import { listAcross } from '../../core/listAcross';
import type { ConnectionResult } from '../../core/paging';
import type { RecordOf } from '../../core/records';
import type { GatewayContext } from '../context';
import { selectedNodeFields } from '../selection';

/** The public page-size contract: `first` is 1–100 on every list (DESIGN §4, Pipeliner's cap). */
export const MAX_FIRST = 100;
export const DEFAULT_FIRST = 30;

export function checkFirst(first: number | null | undefined, argument = 'first'): number {
  const n = first ?? DEFAULT_FIRST;
  if (!Number.isInteger(n) || n < 1 || n > MAX_FIRST) {
    throw new GatewayError('BAD_USER_INPUT', `${argument} must be between 1 and ${MAX_FIRST}, got ${n}`);
  }
  return n;
}

export interface ConnectionArgs<E extends PagedEntity> {
  entity: E;
  connectors: Connector[];
  /** Filter in the vendor-neutral form; keys with null/undefined values are dropped. */
  filter: FilterOf[E];
  first: number | null | undefined;
  after: string | null | undefined;
}

/**
 * Resolves a list field over one or more sources. A source that cannot apply a requested
 * filter is left out with an UNSUPPORTED_BY_SOURCE error at this field (never answered
 * unfiltered), like a source that fails: the rest of the response stays intact.
 */
export async function resolveConnection<E extends PagedEntity>(
  args: ConnectionArgs<E>,
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
): Promise<ConnectionResult<RecordOf[E]>> {
  const first = checkFirst(args.first);
  const filter = compact(args.filter);
  checkFilterTexts(filter);
  const wanted = Object.keys(filter);
  const able: Connector[] = [];
  for (const c of args.connectors) {
    const missing = wanted.filter((f) => !filtersOf(c, args.entity).includes(f));
    if (missing.length === 0) {
      able.push(c);
      continue;
    }
    const error = new GatewayError(
      'UNSUPPORTED_BY_SOURCE',
      `Source "${c.id}" (${c.vendor}) cannot filter ${args.entity.toLowerCase()}s by ${missing.join(', ')}`,
      { source: c.id, vendor: c.vendor },
    );
    ctx.reportPartial(error, info);
  }
  if (able.length === 0) return emptyConnection(null);
  return listAcross({
    entity: args.entity,
    connectors: able,
    filterFor: () => filter,
    first,
    after: args.after ?? null,
    cursors: ctx.cursors,
    include: selectedNodeFields(info),
    call: ctx.call,
    prime: (r) => ctx.loaders.prime(r),
    reportPartial: (e) => ctx.reportPartial(e, info),
  });
}

/**
 * The longest filter text sent to a vendor. A name or e-mail longer than this matches nothing
 * anywhere (e-mail addresses end at 254 characters), and a huge one is only a load on vendors.
 */
export const MAX_FILTER_LENGTH = 256;

/**
 * Filter texts a vendor may be sent: not blank (an empty "contains" matches every record on
 * most vendors — a filter that filters nothing is a client's mistake), and not over the length.
 */
function checkFilterTexts(filter: object): void {
  for (const [key, value] of Object.entries(filter)) {
    if (typeof value === 'string' && value.trim() === '') {
      throw new GatewayError('BAD_USER_INPUT', `filter.${key} cannot be empty: leave it out to list every record`);
    }
    if (typeof value === 'string' && value.length > MAX_FILTER_LENGTH) {
      throw new GatewayError('BAD_USER_INPUT', `filter.${key} is ${value.length} characters long; at most ${MAX_FILTER_LENGTH} are accepted`);
    }
  }
}

/** No rows: `totalCount` 0 when that is known to be true, null when sources were left out. */
export function emptyConnection<T>(totalCount: number | null): ConnectionResult<T> {
  return {
    edges: [],
    pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    totalCount,
  };
}

function compact<F>(filter: F): F {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(filter as Record<string, unknown>)) if (v != null) out[k] = v;
  return out as F;
}
