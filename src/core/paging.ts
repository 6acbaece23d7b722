import { GatewayError } from './errors';

/** Where one source's slice of a list stands: its own paging state plus rows already served. */
export interface SourcePosition {
  /** The connector's paging state of the page to (re)read; null = the first page. */
  state: string | null;
  /** Rows of that page already served to the client. */
  skip: number;
}

/**
 * A list cursor: the position of every source the list spans, in source order. A source that
 * is missing from `positions` is exhausted. Encoded as base64url JSON: opaque to clients.
 */
export interface ListCursor {
  positions: Record<string, SourcePosition>;
}

export function encodeCursor(cursor: ListCursor): string {
  const compact: Record<string, [string | null, number]> = {};
  for (const [source, p] of Object.entries(cursor.positions)) compact[source] = [p.state, p.skip];
  return Buffer.from(JSON.stringify({ v: 1, p: compact }), 'utf8').toString('base64url');
}

/** Decodes a cursor given as `after`; throws BAD_USER_INPUT when it is not one of ours. */
export function decodeCursor(after: string): ListCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    if (isRecord(parsed) && parsed['v'] === 1 && isRecord(parsed['p'])) {
      const positions: Record<string, SourcePosition> = {};
      for (const [source, value] of Object.entries(parsed['p'])) {
        if (!Array.isArray(value) || value.length !== 2) throw new Error('bad position');
        const [state, skip] = value as unknown[];
        if ((state !== null && typeof state !== 'string') || typeof skip !== 'number') {
          throw new Error('bad position');
        }
        positions[source] = { state, skip };
      }
      return { positions };
    }
  } catch {
    // fall through to the one error below
  }
  throw new GatewayError('BAD_USER_INPUT', '`after` is not a cursor from this list');
}

/** A connection as the GraphQL layer returns it. */
export interface ConnectionResult<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number | null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
