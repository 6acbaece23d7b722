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
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, contextValue, schema }) {
          if (!operation) return;
          const estimate = estimateCost({
            schema,
            operation,
            fragments: fragmentsOf(document),
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
