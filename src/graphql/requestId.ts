import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The header a request id travels in, both ways. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** Printable ASCII, at most 128 characters: safe in a response header, a vendor header and a log. */
const ACCEPTED = /^[\x20-\x7e]{1,128}$/;

/**
 * The request id of an HTTP request: the client's `x-request-id` when it is printable ASCII of
 * at most 128 characters (surrounding spaces trimmed), else a new random UUID — so a client can
 * follow its own id through our logs and traces, and a hostile value never reaches a header or a
 * log line. Takes node's headers or Apollo's `HeaderMap`. Never throws.
 */
export function requestIdFrom(headers: IncomingHttpHeaders | { get(name: string): string | undefined }): string {
  const raw = typeof headers.get === 'function' ? headers.get(REQUEST_ID_HEADER) : (headers as IncomingHttpHeaders)[REQUEST_ID_HEADER];
  // Node joins repeated unknown headers with ", "; an array only comes from hand-built objects.
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value && ACCEPTED.test(value) ? value : randomUUID();
}
