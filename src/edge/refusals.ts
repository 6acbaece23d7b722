import type { ServerResponse } from 'node:http';
import type { Authentication } from '../auth/authenticator';
import type { RateRefusal } from '../auth/rateLimits';
import { sendError } from './respond';

/** HTTP 401 (or 503) with `UNAUTHENTICATED`, the reason and the `WWW-Authenticate` challenge. */
export function sendUnauthenticated(res: ServerResponse, refusal: Extract<Authentication, { ok: false }>): void {
  sendError(res, refusal.status, 'UNAUTHENTICATED', `Unauthenticated: ${refusal.reason}`, {}, { 'www-authenticate': refusal.challenge });
}

/** Whole seconds for `Retry-After`, never 0 (a client would retry at once). */
export function retryAfterSeconds(ms: number): string {
  return String(Math.max(1, Math.ceil(ms / 1000)));
}

/** HTTP 429 with `LIMIT_EXCEEDED`, the limit, its value, `retryAfterMs` and `Retry-After`. */
export function sendRateLimited(res: ServerResponse, refusal: RateRefusal): void {
  sendError(
    res,
    429,
    'LIMIT_EXCEEDED',
    refusal.message,
    { limit: refusal.limit, limitValue: refusal.limitValue, retryable: true, retryAfterMs: refusal.retryAfterMs },
    { 'retry-after': retryAfterSeconds(refusal.retryAfterMs) },
  );
}
