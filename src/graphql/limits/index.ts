import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { ServerConfig } from '../../config/schema';
import type { GatewayContext } from '../context';
import { estimateCost } from './cost';
import { countAliases, depthOf, fragmentsOf } from './shape';

export type Limits = ServerConfig['limits'];

/**
 * Refuses an operation past a limit once it is parsed, validated and resolved — before any
 * resolver runs, so before any vendor call — and records its cost estimate on the context
 * (`extensions.cost` of the answer). Every check is linear in the document: fragments are
 * measured once, the cost estimate stops at the limit.
 */
export function limitsPlugin(limits: Limits): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, contextValue, schema }) {
          if (!operation) return;
          const fragments = fragmentsOf(document);
          const aliases = countAliases(document);
          if (aliases > limits.aliases) throw limitExceeded('aliases', limits.aliases, `The document has ${aliases} aliases`);
          const depth = depthOf(operation, fragments);
          if (depth > limits.depth) throw limitExceeded('depth', limits.depth, `The operation is ${depth} levels deep`);
          const estimate = estimateCost({
            schema,
            operation,
            fragments,
            variables: request.variables ?? {},
            sources: contextValue.sources,
            limit: limits.cost,
          });
          contextValue.cost = { estimated: estimate.cost, limit: limits.cost };
          if (!estimate.complete) {
            throw limitExceeded('cost', limits.cost, `The operation would send more than ${limits.cost} vendor requests (estimated)`);
          }
        },
      };
    },
  };
}

/** LIMIT_EXCEEDED naming the limit's config key and value; HTTP 400 like any refused request. */
export function limitExceeded(key: keyof Limits, value: number, what: string): GraphQLError {
  return new GraphQLError(`${what}; the limit is server.limits.${key} = ${value}`, {
    extensions: { code: 'LIMIT_EXCEEDED', limit: `server.limits.${key}`, limitValue: value, http: { status: 400 } },
  });
}
