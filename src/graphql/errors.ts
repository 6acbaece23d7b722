import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { GatewayError, type ErrorCode } from '../core/errors';

/** Apollo's own codes for requests a client got wrong; all become BAD_USER_INPUT. */
const CLIENT_FAULTS = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Codes that reach the client as they are: ours raised outside resolvers (limits, access) and
 * Apollo's PERSISTED_QUERY_NOT_FOUND, which clients of automatic persisted queries act on by
 * sending the full query.
 */
const PASSED_THROUGH = new Set(['LIMIT_EXCEEDED', 'UNAUTHENTICATED', 'FORBIDDEN', 'PERSISTED_QUERY_NOT_FOUND']);


export interface ErrorFormatOptions {
  /** Adds the vendor's own error code and message; never credentials. */
  debug: boolean;
  /** Receives errors hidden behind INTERNAL, for the server log. */
  logInternal: (error: unknown) => void;
}

/**
 * The single GatewayError → GraphQL boundary (DESIGN §6). Clients see a code from the closed
 * set, the source and vendor, the HTTP status and whether to retry — never a vendor body,
 * host or credential. Anything unexpected becomes INTERNAL and is logged instead.
 */
export function formatGatewayError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: ErrorFormatOptions,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof GatewayError) return withGatewayError(formatted, original, options.debug);
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && PASSED_THROUGH.has(code)) {
    const { http: _http, stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  if (typeof code === 'string' && CLIENT_FAULTS.has(code)) {
    return { ...formatted, extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode } };
  }
  options.logInternal(original);
  return {
    message: 'Internal error',
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL' satisfies ErrorCode },
  };
}

export function withGatewayError(
  base: Pick<GraphQLFormattedError, 'locations' | 'path'>,
  error: GatewayError,
  debug: boolean,
): GraphQLFormattedError {
  const d = error.detail;
  return {
    message: error.message,
    ...(base.locations ? { locations: base.locations } : {}),
    ...(base.path ? { path: base.path } : {}),
    extensions: {
      code: error.code,
      ...(d.source !== undefined ? { source: d.source } : {}),
      ...(d.vendor !== undefined ? { vendor: d.vendor } : {}),
      ...(d.httpStatus !== undefined ? { httpStatus: d.httpStatus } : {}),
      retryable: error.retryable,
      ...(d.retryAfterMs !== undefined ? { retryAfterMs: d.retryAfterMs } : {}),
      ...(d.limit !== undefined ? { limit: d.limit, limitValue: d.limitValue } : {}),
      ...(debug && d.vendorCode !== undefined ? { vendorCode: d.vendorCode } : {}),
      ...(debug && d.vendorMessage !== undefined ? { vendorMessage: d.vendorMessage } : {}),
    },
  };
}
