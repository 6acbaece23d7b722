import type { AnyRecord } from './records';

/** One HTTP request sent to a vendor, as reported to whoever counts them. */
export interface VendorCallEvent {
  source: string;
  method: string;
  /** Path without query string or host: never carries credentials. */
  path: string;
  /** HTTP status, or null when no answer came (timeout, connection error). */
  status: number | null;
  durationMs: number;
  /** 1 for the first try, 2+ for retries. */
  attempt: number;
}

/**
 * What a connector needs from the GraphQL operation it serves. One per operation; nothing in
 * it outlives the operation.
 */
export interface CallContext {
  readonly requestId: string;
  /**
   * Aborts when the operation's deadline passes (or its client is gone): vendor calls still open
   * are abandoned and new ones are not sent. Absent outside an operation.
   */
  readonly signal?: AbortSignal;
  /** Called once per HTTP request sent to a vendor, retries included. */
  onVendorCall(event: VendorCallEvent): void;
  /**
   * Identical vendor GETs of one operation share one call: key → pending or settled answer.
   * Never holds a write, and dies with the operation, so a later request reads fresh data.
   */
  readonly sharedReads: Map<string, Promise<unknown>>;
  /**
   * Hands over a record that arrived embedded in another (an expanded relation), so loading it
   * later in this operation costs nothing. Optional: outside an operation nobody listens.
   */
  prime?(record: AnyRecord): void;
}

/** A call context for work outside a GraphQL operation (start-up checks, scripts). */
export function detachedCall(requestId = 'detached'): CallContext {
  return { requestId, onVendorCall: () => undefined, sharedReads: new Map() };
}
