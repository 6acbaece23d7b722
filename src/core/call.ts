import type { Context, Tracer } from '@opentelemetry/api';
import type { ErrorCode } from './errors';
import type { AnyRecord, Vendor } from './records';
import { SharedReads } from './sharedReads';

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
  vendor?: Vendor;
  /** Why this attempt failed, when it did: the code the call throws if it is not retried. */
  error?: ErrorCode;
  /** Whether another attempt follows this failed one. */
  willRetry?: boolean;
  /** The wait the vendor asked for (`Retry-After`), when it sent one. */
  retryAfterMs?: number;
  /**
   * Not sent: an identical read of another operation in flight answered it. Observers count it
   * as a request saved, never as a vendor request.
   */
  shared?: true;
}

/**
 * Where a vendor call's span hangs: the tracer of the gateway and the context holding the
 * operation's span. Passed explicitly, because several gateways may share one process and no
 * global context manager is registered.
 */
export interface TraceParent {
  readonly tracer: Tracer;
  readonly parent: Context;
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
  /** Identical vendor reads of this operation, made once (dies with the operation). */
  readonly sharedReads: SharedReads;
  /**
   * Hands over a record that arrived embedded in another (an expanded relation), so loading it
   * later in this operation costs nothing. Optional: outside an operation nobody listens.
   */
  prime?(record: AnyRecord): void;
  /**
   * The operation's span, set once when the operation starts if tracing is on; vendor calls
   * become its children. Absent when nothing is traced, and then no span is made at all.
   */
  trace?: TraceParent;
}

/** A call context for work outside a GraphQL operation (start-up checks, scripts). */
export function detachedCall(requestId = 'detached'): CallContext {
  return { requestId, onVendorCall: () => undefined, sharedReads: new SharedReads() };
}
