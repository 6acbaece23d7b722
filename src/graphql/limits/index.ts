import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context';
import { estimateCost } from './cost';
import { limitExceeded, type Limits } from './errors';
import { fragmentsOf } from './shape';

export { DocumentPrecheck } from './precheck';
export { budgetExceeded, limitExceeded, refusalJson, type Limits } from './errors';

export interface CostLimitOptions {
  /**
   * Runs first and may refuse the operation (access control: a missing scope); nothing is then
   * estimated or charged. Apollo runs plugins' `didResolveOperation` hooks concurrently, so the
   * order of these checks is kept here, in one hook.
   */
  authorizeFn?: (rc: GraphQLRequestContextDidResolveOperation<GatewayContext>) => GraphQLError | null;
  /** Charges an estimate within the limit to the principal's budget; a refusal stops the operation. */
  chargeFn?: (context: GatewayContext, cost: number) => Promise<GraphQLError | null>;
}

/**
 * The cost limit, once the operation is parsed, validated and resolved — before any resolver
 * runs, so before any vendor call — with the estimate recorded on the context
 * (`extensions.cost` of the answer). Tokens, aliases and depth were judged before validation
 * (`DocumentPrecheck`); the estimate needs the variables and stops at the limit. In order:
 * `authorizeFn`, the estimate and its limit, `chargeFn`.
 */
export function costLimitPlugin(limits: Limits, options: CostLimitOptions = {}): ApolloServerPlugin<GatewayContext> {
  // The estimate depends only on the document, the operation, the variables and the sources
  // the principal sees: an app's repeated operations are estimated once.
  const known = new Map<string, { cost: number; complete: boolean }>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(rc) {
          const { document, operation, request, contextValue, schema, queryHash, operationName } = rc;
          if (!operation) return;
          const refusal = options.authorizeFn?.(rc);
          if (refusal) throw refusal;
          const variables = request.variables ?? {};
          const key = cacheKey(queryHash, operationName, variables, contextValue.sources.all().map((c) => c.id).join(','));
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
          const overBudget = await options.chargeFn?.(contextValue, estimate.cost);
          if (overBudget) throw overBudget;
        },
      };
    },
  };
}

const REMEMBERED = 1_000;

/** Small variable sets join the key; large ones (a batch of inputs) are estimated each time. */
function cacheKey(queryHash: string | undefined, operationName: string | null, variables: Record<string, unknown>, sources: string): string | null {
  if (!queryHash) return null;
  const vars = Object.keys(variables).length === 0 ? '' : JSON.stringify(variables);
  return vars.length > 2_048 ? null : `${queryHash}\n${operationName ?? ''}\n${sources}\n${vars}`;
}
