import type { SimResponse } from '../kit';
import type { Cin7Switches } from './switches';

/**
 * Error bodies. The spec's examples are bare JSON strings (vendor notes §5); whether non-429
 * errors are really `{"Message": …}` (the ASP.NET default one client parses first) is open (Q2,
 * switch `errorBody`). A 429 is always a string: two sources agree (vendor notes §5).
 */
export const MESSAGES = {
  unauthorized: 'Unauthorized access',
  forbidden: 'Access is forbidden',
  notFound: 'Resource not found',
  rateLimited: 'Rate limit exceeded. Retry after some time.',
  malformedJson: 'Missing or malformed JSON data; please see the documentation for examples.',
  batchLimit: (limit: number) => `Batch limit is ${limit}.`,
  rowsAboveMax: (max: number) => `The rows argument cannot be greater than ${max}.`,
  // The spec's text is relayed only up to "out of range; …" (vendor notes §2); the tail is ours.
  pageOutOfRange: 'The page number is out of range; the first page is 1.',
  // Not documented: rows below 1 would make SQL Server's FETCH fail; we answer like the page rule.
  rowsOutOfRange: 'The rows argument is out of range; it must be at least 1.',
  serverError: 'An error has occurred.',
} as const;

/** A vendor error: a JSON string, or `{Message}` with `errorBody: 'message'`. */
export function vendorError(status: number, message: string, switches: Cin7Switches, headers?: Record<string, string>): SimResponse {
  const body = switches.errorBody === 'message' ? { Message: message } : message;
  return { status, body, ...(headers ? { headers } : {}) };
}

/**
 * Errors raised by ASP.NET Web API itself before any Cin7 code runs (no route, wrong verb, bad
 * media type, unbindable parameter) carry the framework's `{"Message": …}` object.
 */
export function frameworkError(status: number, message: string): SimResponse {
  return { status, body: { Message: message } };
}

export const rateLimited = (headers?: Record<string, string>): SimResponse => ({
  status: 429,
  body: MESSAGES.rateLimited,
  ...(headers ? { headers } : {}),
});

/** A malformed `where`/`fields`/`order`/paging argument, raised while a list query is prepared. */
export class QueryError extends Error {
  constructor(
    message: string,
    /**
     * 'query' follows the `malformedQueryStatus` switch; 'paging' is always 400 (spec);
     * 'binding' is ASP.NET failing to read an integer parameter (`page=abc`).
     */
    readonly kind: 'query' | 'paging' | 'binding' = 'query',
  ) {
    super(message);
    this.name = 'QueryError';
  }
}

export function queryErrorResponse(err: QueryError, switches: Cin7Switches): SimResponse {
  if (err.kind === 'binding') return frameworkError(400, err.message);
  if (err.kind === 'query' && switches.malformedQueryStatus === 500) return vendorError(500, MESSAGES.serverError, switches);
  return vendorError(400, err.message, switches);
}
