import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';
import { estimateCost } from './cost';
import { limitExceeded, type Limits } from './errors';
import { fragmentsOf } from './shape';

export { DocumentPrecheck } from './precheck';
export { limitExceeded, refusalJson, type Limits } from './errors';

/**
 * The cost limit, once the operation is parsed, validated and resolved — before any resolver
 * runs, so before any vendor call — with the estimate recorded on the context
 * (`extensions.cost` of the answer). Tokens, aliases and depth were judged before validation
 * (`DocumentPrecheck`); the estimate needs the variables and stops at the limit.
 */
export function costLimitPlugin(limits: Limits): ApolloServerPlugin<GatewayContext> {
  // The estimate depends only on the document, the operation and the variables (sources are
  // fixed for a gateway): an app's repeated operations are estimated once.
  const known = new Map<string, { cost: number; complete: boolean }>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, contextValue, schema, queryHash, operationName }) {
          if (!operation) return;
          const variables = request.variables ?? {};
          const key = cacheKey(queryHash, operationName, variables);
          let estimate = key === null ? undefined : known.get(key);
          if (!estimate) {
            estimate = estimateCost({ schema, operation, fragments: fragmentsOf(document), variables, sources: contextValue.sources, limit: limits.cost });
            if (key !== null) {
              known.set(key, estimate);
              if (known.size > REMEMBERED) known.delete(known.keys().next().value as string);
            }
          }
          contextValue.cost = { estimated: estimate.cost, limit: limits.cost };
          if (!estimate.complete) {
            throw limitExceeded('cost', limits.cost, `The operation would send more than ${limits.cost} vendor requests (estimated)`);
          }
        },
      };
    },
  };
}

const REMEMBERED = 1_000;

/** Small variable sets join the key; large ones (a batch of inputs) are estimated each time. */
function cacheKey(queryHash: string | undefined, operationName: string | null, variables: Record<string, unknown>): string | null {
  if (!queryHash) return null;
  const vars = Object.keys(variables).length === 0 ? '' : JSON.stringify(variables);
  return vars.length > 2_048 ? null : `${queryHash}\n${operationName ?? ''}\n${vars}`;
}
