import type { CallContext } from './call';
import type { Connector, FilterOf, Page, PagedEntity } from './connector';
import { GatewayError, toGatewayError } from './errors';
import type { ConnectionResult, CursorCodec, SourcePosition } from './paging';
import type { AnyRecord, RecordOf } from './records';

export interface ListAcrossOptions<E extends PagedEntity> {
  entity: E;
  /** Sources in the order their rows are served. */
  connectors: Connector[];
  /** The filter as one source sees it (related ids decoded to its remote ids). */
  filterFor: (connector: Connector) => FilterOf[E];
  first: number;
  after: string | null;
  /** Signs and checks cursors: a forged one never reaches a vendor. */
  cursors: CursorCodec;
  include: ReadonlySet<string>;
  call: CallContext;
  /** Receives related records that came with a page, for the loaders. */
  prime: (record: AnyRecord) => void;
  /** Receives the error of a source whose slice is left out while others answer. */
  reportPartial: (error: GatewayError) => void;
}

interface SourceSlice<T> {
  connector: Connector;
  position: SourcePosition;
  page: Page<T> | null;
  error: GatewayError | null;
}

/**
 * One connection over several sources. Order: source by source (in the order given), each
 * source in its own order; a source's rows start once every source before it is exhausted.
 * Every source still in the cursor is asked in parallel, so a filtered query that matches a
 * few rows everywhere costs one round trip; rows of a later source that do not fit are read
 * again on the next page. A failing source is reported through `reportPartial` and dropped
 * from the cursor while the others still answer — even when it is the only one, the answer is
 * an empty page plus its error, never a thrown error: the connection is non-null in the
 * schema, and a throw would blank every sibling field of the response.
 */
export async function listAcross<E extends PagedEntity>(
  opts: ListAcrossOptions<E>,
): Promise<ConnectionResult<RecordOf[E]>> {
  const { connectors, first } = opts;
  const start = startPositions(connectors, opts.after, opts.cursors);
  const slices: Array<SourceSlice<RecordOf[E]>> = await Promise.all(
    connectors
      .filter((c) => start.has(c.id))
      .map(async (connector) => {
        const position = start.get(connector.id) as SourcePosition;
        try {
          const page = await connector.list(
            opts.entity,
            {
              filter: opts.filterFor(connector),
              // Re-reading a page we stopped inside of: ask for the rows already served too.
              first: Math.min(connector.maxPageSize, position.skip + first),
              after: position.state,
              include: opts.include,
            },
            opts.call,
          );
          return { connector, position, page, error: null };
        } catch (err) {
          return { connector, position, page: null, error: toGatewayError(err) };
        }
      }),
  );

  const failed = slices.filter((s) => s.error);
  for (const s of failed) opts.reportPartial(s.error as GatewayError);

  const healthy = slices.filter((s) => s.page);
  for (const s of healthy) for (const r of s.page!.related) opts.prime(r);

  // Positions after this page, updated as rows are taken; undefined = exhausted.
  const after = new Map<string, SourcePosition | undefined>();
  for (const s of healthy) after.set(s.connector.id, s.position);

  const edges: ConnectionResult<RecordOf[E]>['edges'] = [];
  for (const s of healthy) {
    const page = s.page!;
    const rows = page.records.slice(s.position.skip);
    // Every edge of this source sees the others where they are now; its own position is its own.
    const others = new Map(after);
    const positionAt = (taken: number): SourcePosition | undefined => advance(s.position, taken, rows.length, page.next);
    let taken = 0;
    while (taken < rows.length && edges.length < first) {
      taken += 1;
      edges.push(lazyEdge(others, s.connector.id, positionAt, taken, rows[taken - 1]!, opts.cursors));
    }
    after.set(s.connector.id, positionAt(taken));
    // A later source may serve rows only once this one is exhausted.
    if (after.get(s.connector.id) !== undefined || edges.length >= first) break;
  }
  const remaining = [...after.values()].some((p) => p !== undefined);

  const allReported = failed.length === 0 && healthy.every((s) => s.page!.totalCount !== null);
  const everySourceAsked = !opts.after || start.size === connectors.length;
  // Cursors are signed (an HMAC each): made only when a client selects them.
  const last = edges[edges.length - 1];
  return {
    edges,
    pageInfo: {
      hasNextPage: remaining,
      hasPreviousPage: opts.after !== null,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return last ? last.cursor : remaining ? cursorOf(after, opts.cursors) : null;
      },
    },
    totalCount:
      allReported && everySourceAsked && healthy.length > 0
        ? healthy.reduce((n, s) => n + (s.page!.totalCount ?? 0), 0)
        : null,
  };
}

/** Where each source starts: all at their first page, or as the cursor says. */
function startPositions(connectors: Connector[], after: string | null, cursors: CursorCodec): Map<string, SourcePosition> {
  const positions = new Map<string, SourcePosition>();
  if (after === null) {
    for (const c of connectors) positions.set(c.id, { state: null, skip: 0 });
    return positions;
  }
  const cursor = cursors.decode(after);
  const known = new Set(connectors.map((c) => c.id));
  for (const [source, position] of Object.entries(cursor.positions)) {
    if (!known.has(source)) {
      throw new GatewayError('BAD_USER_INPUT', '`after` is a cursor of a list over other sources');
    }
    positions.set(source, position);
  }
  return positions;
}

/**
 * The position after serving `taken` of the `available` rows of a page: still inside the page,
 * at the next page, or exhausted (undefined).
 */
function advance(
  position: SourcePosition,
  taken: number,
  available: number,
  next: string | null,
): SourcePosition | undefined {
  if (taken < available) return { state: position.state, skip: position.skip + taken };
  return next === null ? undefined : { state: next, skip: 0 };
}

/**
 * An edge whose cursor is signed only when read: most clients select `pageInfo.endCursor` and
 * never an edge's own, and signing every edge of every page is CPU for nothing. Its positions
 * are made then too: the other sources' (shared by the edges of one source) and its own.
 */
function lazyEdge<T>(
  others: ReadonlyMap<string, SourcePosition | undefined>,
  source: string,
  positionAt: (taken: number) => SourcePosition | undefined,
  taken: number,
  node: T,
  cursors: CursorCodec,
): { cursor: string; node: T } {
  let cursor: string | undefined;
  return {
    node,
    get cursor() {
      return (cursor ??= cursorOf(new Map(others).set(source, positionAt(taken)), cursors));
    },
  };
}

function cursorOf(after: ReadonlyMap<string, SourcePosition | undefined>, cursors: CursorCodec): string {
  const positions: Record<string, SourcePosition> = {};
  for (const [source, p] of after) if (p) positions[source] = p;
  return cursors.encode({ positions });
}
