import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from './context';
import { withGatewayError } from './errors';

/**
 * Adds what resolvers reported beside their data: errors of sources left out of a field
 * (`reportPartial`), and the operation's vendor request count under
 * `extensions.vendorRequests` ({ total, bySource }) beside the estimate the limits check made
 * (`extensions.cost`: { estimated, limit }), so clients see what a query cost and was expected to.
 */
export function gatewayResponsePlugin(options: { debug: boolean; exposeVendorRequests: boolean }): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (contextValue.partialErrors.length > 0) {
            const extra = contextValue.partialErrors.map((p) =>
              withGatewayError({ path: [...p.path] }, p.error, options.debug),
            );
            result.errors = [...(result.errors ?? []), ...extra];
          }
          if (options.exposeVendorRequests) {
            const bySource: Record<string, number> = {};
            for (const c of contextValue.vendorCalls) bySource[c.source] = (bySource[c.source] ?? 0) + 1;
            result.extensions = {
              ...result.extensions,
              vendorRequests: { total: contextValue.vendorCalls.length, bySource },
              ...(contextValue.cost ? { cost: contextValue.cost } : {}),
            };
          }
        },
      };
    },
  };
}
