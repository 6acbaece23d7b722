import type { IncomingHttpHeaders } from 'node:http';

/** What a request presented as its credential, read from its headers only. */
export type Credential =
  | { kind: 'none' }
  | { kind: 'apiKey'; secret: string }
  | { kind: 'jwt'; secret: string }
  | { kind: 'malformed'; reason: string };

/** Three base64url segments: the compact JWS form (RFC 7515 §7.1). API keys have no dots. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * The credential of a request: `Authorization: Bearer <key or JWT>` or `x-api-key: <key>`
 * (one of them; both at once is refused, so a proxy that adds one cannot be confused with the
 * client's). A bearer value in compact JWS form is a JWT, anything else an API key. Reasons
 * never quote the value.
 */
export function credentialOf(headers: IncomingHttpHeaders): Credential {
  const authorization = headers.authorization;
  const apiKey = headers['x-api-key'];
  if (authorization !== undefined && apiKey !== undefined) {
    return { kind: 'malformed', reason: 'the request sends both Authorization and x-api-key; send one credential' };
  }
  if (apiKey !== undefined) {
    const value = (Array.isArray(apiKey) ? apiKey.join(',') : apiKey).trim();
    return value ? { kind: 'apiKey', secret: value } : { kind: 'malformed', reason: 'x-api-key is empty' };
  }
  if (authorization === undefined) return { kind: 'none' };
  const m = /^\s*(\S+)\s+(\S+)\s*$/.exec(authorization);
  if (!m) return { kind: 'malformed', reason: 'Authorization must be "Bearer <API key or JWT>"' };
  if (m[1]!.toLowerCase() !== 'bearer') return { kind: 'malformed', reason: 'Authorization must use the Bearer scheme' };
  const secret = m[2]!;
  return COMPACT_JWS.test(secret) ? { kind: 'jwt', secret } : { kind: 'apiKey', secret };
}
