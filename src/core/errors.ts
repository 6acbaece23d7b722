import type { Vendor } from './records';

/** The closed set of error codes a client can see in `extensions.code` (DESIGN §6). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNSUPPORTED_BY_SOURCE'
  | 'SOURCE_AUTH_FAILED'
  | 'SOURCE_RATE_LIMITED'
  | 'SOURCE_TIMEOUT'
  | 'SOURCE_UNAVAILABLE'
  | 'SOURCE_REJECTED'
  | 'SOURCE_OUTCOME_UNKNOWN'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'LIMIT_EXCEEDED'
  | 'INTERNAL';

export interface ErrorDetail {
  source?: string;
  vendor?: Vendor;
  httpStatus?: number;
  retryAfterMs?: number;
  /** Vendor's own error code and message: logged, and shown to clients only in debug mode. */
  vendorCode?: string;
  vendorMessage?: string;
  /** For LIMIT_EXCEEDED: the config key of the limit (`server.limits.cost`) and its value. */
  limit?: string;
  limitValue?: number;
}

const RETRYABLE: ReadonlySet<ErrorCode> = new Set([
  'SOURCE_RATE_LIMITED',
  'SOURCE_TIMEOUT',
  'SOURCE_UNAVAILABLE',
]);

/**
 * The one error class of the gateway. Its message is safe for clients: it names the source and
 * the thing that failed, never a credential, vendor host or vendor body.
 */
export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail: ErrorDetail = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }
}

export type UserErrorCode =
  | 'REQUIRED'
  | 'INVALID'
  | 'TOO_LONG'
  | 'NOT_FOUND'
  | 'WRONG_SOURCE'
  | 'CONFLICT'
  | 'REJECTED'
  | 'UNSUPPORTED';

/** A refused input field, reported in a mutation payload's `userErrors`. */
export interface UserError {
  /** Path from the mutation argument, e.g. ['input', 'value', 'amount']. */
  field: string[] | null;
  message: string;
  code: UserErrorCode;
}

/** Thrown by validation before anything is sent; the mutation layer turns it into userErrors. */
export class InputRejected extends Error {
  override readonly name = 'InputRejected';
  constructor(readonly userErrors: UserError[]) {
    super(userErrors.map((e) => e.message).join('; '));
  }
}

/** Normalises anything thrown into a GatewayError, keeping the original as `cause`. */
export function toGatewayError(err: unknown): GatewayError {
  if (err instanceof GatewayError) return err;
  return new GatewayError('INTERNAL', 'Internal error', {}, { cause: err });
}
