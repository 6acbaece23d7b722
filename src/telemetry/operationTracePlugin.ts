import type { ApolloServerPlugin } from '@apollo/server';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';
import type { GatewayContext } from '../graphql/context';
import { summarizeOperation, type OperationSummary } from '../graphql/operationSummary';
import type { Telemetry } from './Telemetry';

/**
 * One span per GraphQL operation, named `graphql.<type> <name>` (`graphql.query Contacts`), with
 * the operation's name and type, request id, cost, vendor request total and error codes; error
 * status when the answer has errors. Each vendor call attempt of the operation becomes a child
 * span: the operation's span is handed to the HTTP client through the call context, not through
 * a global context manager. Never records variables or data.
 *
 * With telemetry disabled the plugin has no hooks at all. List it after gatewayResponsePlugin, so
 * partial errors and the cost are in the answer it reads.
 */
export function operationTracePlugin(telemetry: Telemetry): ApolloServerPlugin<GatewayContext> {
  if (!telemetry.enabled) return {};
  const { tracer } = telemetry;
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      const span = tracer.startSpan(
        'graphql.operation',
        // SERVER: the gateway has no HTTP server span, so this is where its part of a trace starts.
        { kind: SpanKind.SERVER, attributes: { 'crmgraph.request_id': contextValue.requestId } },
        ROOT_CONTEXT,
      );
      contextValue.call.trace = { tracer, parent: trace.setSpan(ROOT_CONTEXT, span) };
      return {
        async willSendResponse(rc) {
          const s = summarizeOperation(rc, started);
          span.updateName(spanName(s));
          span.setAttributes(attributesOf(s));
          if (s.errorCount > 0) span.setStatus({ code: SpanStatusCode.ERROR, message: s.errorCodes.join(',') || 'error' });
          span.end();
        },
      };
    },
  };
}

function spanName(s: OperationSummary): string {
  if (!s.operationType) return 'graphql.operation';
  return s.operationName ? `graphql.${s.operationType} ${s.operationName}` : `graphql.${s.operationType}`;
}

function attributesOf(s: OperationSummary): Attributes {
  return {
    ...(s.operationName ? { 'graphql.operation.name': s.operationName } : {}),
    ...(s.operationType ? { 'graphql.operation.type': s.operationType } : {}),
    'crmgraph.vendor_requests': s.vendorRequests.total,
    ...(s.errorCodes.length > 0 ? { 'crmgraph.error_codes': s.errorCodes } : {}),
    ...costAttributes(s.cost),
  };
}

/** `extensions.cost` as attributes: a number as `crmgraph.cost`, an object's numbers as `crmgraph.cost.<key>`. */
function costAttributes(cost: unknown): Attributes {
  if (typeof cost === 'number') return { 'crmgraph.cost': cost };
  if (!cost || typeof cost !== 'object') return {};
  const out: Attributes = {};
  for (const [key, value] of Object.entries(cost)) if (typeof value === 'number') out[`crmgraph.cost.${key}`] = value;
  return out;
}
