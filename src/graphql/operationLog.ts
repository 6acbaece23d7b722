import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import type { GatewayContext } from './context';
import { summarizeOperation } from './operationSummary';

export interface OperationLogOptions {
  /**
   * Who sent the operation (an API key name, a JWT subject), once access control knows it; the
   * field is left out when this is absent or answers undefined.
   */
  principalOf?: (context: GatewayContext) => string | undefined;
}

/**
 * One log line per GraphQL operation (DESIGN §10 Observability): request id, principal,
 * operation name and type, duration, vendor requests by source, cost and error codes — `info`
 * when the answer has no errors, `warn` when it has some. Never variables, data or vendor bodies.
 * List it after gatewayResponsePlugin, so partial errors and the cost are counted.
 */
export function operationLogPlugin(logger: Logger, options: OperationLogOptions = {}): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(rc) {
          const s = summarizeOperation(rc, started);
          const principal = options.principalOf?.(rc.contextValue);
          const line = {
            requestId: s.requestId,
            ...(principal !== undefined ? { principal } : {}),
            operationName: s.operationName,
            operationType: s.operationType,
            durationMs: s.durationMs,
            vendorRequests: s.vendorRequests,
            ...(s.cost !== undefined ? { cost: s.cost } : {}),
            errorCodes: s.errorCodes,
          };
          if (s.errorCount > 0) logger.warn(line, 'graphql operation');
          else logger.info(line, 'graphql operation');
        },
      };
    },
  };
}
