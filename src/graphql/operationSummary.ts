import type { GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { GatewayContext } from './context';

/** What one GraphQL operation was and cost, as the log line and the span report it. */
export interface OperationSummary {
  requestId: string;
  /** Null for an anonymous operation, or a document that never parsed. */
  operationName: string | null;
  /** `query`, `mutation` or `subscription`; null when the document never parsed. */
  operationType: string | null;
  durationMs: number;
  /** Vendor requests sent, retries included. */
  vendorRequests: { total: number; bySource: Record<string, number> };
  /** The limits check's cost estimate, when it made one (also when the answer does not show it). */
  cost?: unknown;
  /** How many errors the answer has (partial errors included). */
  errorCount: number;
  /** `extensions.code` of the answer's errors, each once, in order of first appearance. */
  errorCodes: string[];
}

/**
 * Summarises an operation at `willSendResponse`, from the answer as the client gets it: run it in
 * a plugin listed after the ones that add errors and extensions (gatewayResponsePlugin), so
 * partial errors and the cost are in. Reads no variables and no data.
 */
export function summarizeOperation(
  rc: GraphQLRequestContextWillSendResponse<GatewayContext>,
  startedNs: bigint,
): OperationSummary {
  const bySource: Record<string, number> = {};
  for (const c of rc.contextValue.vendorCalls) bySource[c.source] = (bySource[c.source] ?? 0) + 1;
  const result = rc.response.body.kind === 'single' ? rc.response.body.singleResult : rc.response.body.initialResult;
  const codes = new Set<string>();
  for (const e of result.errors ?? []) {
    const code = e.extensions?.['code'];
    if (typeof code === 'string') codes.add(code);
  }
  const cost: unknown = rc.contextValue.cost ?? result.extensions?.['cost'];
  return {
    requestId: rc.contextValue.requestId,
    operationName: rc.operationName ?? null,
    operationType: rc.operation?.operation ?? null,
    durationMs: Math.round(Number(process.hrtime.bigint() - startedNs) / 1e4) / 100,
    vendorRequests: { total: rc.contextValue.vendorCalls.length, bySource },
    ...(cost !== undefined ? { cost } : {}),
    errorCount: result.errors?.length ?? 0,
    errorCodes: [...codes],
  };
}
