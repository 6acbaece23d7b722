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
