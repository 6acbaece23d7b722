import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { ServerConfig } from '../../config/schema';

export type Limits = ServerConfig['limits'];

/** LIMIT_EXCEEDED naming the limit's config key and value; HTTP 400 like any refused request. */
export function limitExceeded(key: keyof Limits, value: number, what: string): GraphQLError {
  return new GraphQLError(`${what}; the limit is server.limits.${key} = ${value}`, {
    extensions: { code: 'LIMIT_EXCEEDED', limit: `server.limits.${key}`, limitValue: value, http: { status: 400 } },
  });
}

/** A refusal as the client sees it (the HTTP status travels separately). */
export function refusalJson(error: GraphQLError): { message: string; extensions: Record<string, unknown> } {
  const { http: _http, ...extensions } = error.extensions;
  return { message: error.message, extensions };
}

/**
 * LIMIT_EXCEEDED for a principal over its budget (auth rate limits): HTTP 429 with
 * `Retry-After`, `retryAfterMs` in the extensions.
 */
export function budgetExceeded(refusal: { limit: string; limitValue: number; retryAfterMs: number; message: string }): GraphQLError {
  return new GraphQLError(refusal.message, {
    extensions: {
      code: 'LIMIT_EXCEEDED',
      limit: refusal.limit,
      limitValue: refusal.limitValue,
      retryable: true,
      retryAfterMs: refusal.retryAfterMs,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(Math.max(1, Math.ceil(refusal.retryAfterMs / 1000)))]]) },
    },
  });
}
