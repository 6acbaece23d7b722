import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
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
 * is missing from `positions` is exhausted. Opaque to clients, signed by `CursorCodec`.
 */
export interface ListCursor {
  positions: Record<string, SourcePosition>;
}

/**
 * Encodes and decodes list cursors, signed: a cursor is base64url JSON plus an HMAC-SHA256 tag
 * (128 bits) under the gateway's cursor secret. A tampered, forged or foreign cursor is refused
 * before any vendor call — its paging state never reaches a vendor. Gateways that share a secret
 * accept each other's cursors (several instances behind one load balancer).
 */
export class CursorCodec {
  constructor(private readonly secret: Buffer) {
    if (secret.length < 16) throw new Error('a cursor secret needs at least 16 bytes');
  }

  /** A codec with a random secret: cursors valid only in this process (demo mode, tests). */
  static ephemeral(): CursorCodec {
    return new CursorCodec(randomBytes(32));
  }

  encode(cursor: ListCursor): string {
    const compact: Record<string, [string | null, number]> = {};
    for (const [source, p] of Object.entries(cursor.positions)) compact[source] = [p.state, p.skip];
    const body = Buffer.from(JSON.stringify({ v: 1, p: compact }), 'utf8').toString('base64url');
    return `${body}.${this.tag(body)}`;
  }

  /** Decodes a cursor given as `after`; throws BAD_USER_INPUT when it is not one of ours. */
  decode(after: string): ListCursor {
    const dot = after.lastIndexOf('.');
    const body = after.slice(0, dot);
    const tag = Buffer.from(after.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.tag(body), 'base64url');
    if (dot > 0 && tag.length === expected.length && timingSafeEqual(tag, expected)) {
      const cursor = parse(body);
      if (cursor) return cursor;
    }
    throw new GatewayError('BAD_USER_INPUT', '`after` is not a cursor from this list');
  }

  private tag(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest().subarray(0, 16).toString('base64url');
  }
}

function parse(body: string): ListCursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (!isRecord(parsed) || parsed['v'] !== 1 || !isRecord(parsed['p'])) return null;
    const positions: Record<string, SourcePosition> = {};
    for (const [source, value] of Object.entries(parsed['p'])) {
      if (!Array.isArray(value) || value.length !== 2) return null;
      const [state, skip] = value as unknown[];
      if ((state !== null && typeof state !== 'string') || typeof skip !== 'number') return null;
      positions[source] = { state, skip };
    }
    return { positions };
  } catch {
    return null;
  }
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
