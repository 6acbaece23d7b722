import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import pino, { type Logger } from 'pino';
import { logiSenseConnector, logisenseSourceSchema } from '../../src/connectors/logisense';
import { pipelinerConnector, pipelinerSourceSchema } from '../../src/connectors/pipeliner';
import type { VendorCallEvent } from '../../src/core/call';
import { SourceRegistry } from '../../src/core/sources';
import { createContext, type GatewayContext } from '../../src/graphql/context';
import { formatGatewayError } from '../../src/graphql/errors';
import { operationLogPlugin, type OperationLogOptions } from '../../src/graphql/operationLog';
import { gatewayResponsePlugin } from '../../src/graphql/plugins';
import { buildSchema } from '../../src/graphql/schema';
import { KeyedWrites } from '../../src/core/write';
import { MemoryIdempotencyStore } from '../../src/idempotency';
import type { ExecuteResult } from '../../src/server';
import { createLogiSenseSimulator, type LogiSenseSimulator } from '../../src/simulators/logisense';
import { createPipelinerSimulator, type PipelinerSimulator } from '../../src/simulators/pipeliner';
import { createTelemetry, logVendorCall, operationTracePlugin, type Telemetry } from '../../src/telemetry';

/** A pino logger whose lines land parsed in `lines`. */
export function captureLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

export interface ObservedGateway {
  pipeliner: PipelinerSimulator;
  logisense: LogiSenseSimulator;
  exporter: InMemorySpanExporter;
  telemetry: Telemetry;
  lines: Array<Record<string, unknown>>;
  /** Runs one operation with a fresh context; also hands back that context. */
  execute(query: string, variables?: Record<string, unknown>): Promise<{ result: ExecuteResult; context: GatewayContext }>;
  /** Every string a source is configured with that must never be logged or traced. */
  secrets(): string[];
  close(): Promise<void>;
}

/**
 * Two simulated sources (`pipeliner`, `logisense`) behind an Apollo server wired the way the
 * gateway wires observability: response plugin first, then the operation log and trace plugins,
 * vendor calls logged from the connectors' observeFn, spans in memory. `extraPlugins` run
 * before the observability plugins (a stand-in for the limits check's `extensions.cost`).
 */
export async function startObservedGateway(
  options: { log?: OperationLogOptions; extraPlugins?: ApolloServerPlugin<GatewayContext>[] } = {},
): Promise<ObservedGateway> {
  const pipeliner = createPipelinerSimulator({ seed: 3, size: { accounts: 5, contacts: 6, opportunities: 0 } });
  const logisense = createLogiSenseSimulator({ accounts: 3 });
  const [p, l] = await Promise.all([pipeliner.listen(), logisense.listen()]);
  const { logger, lines } = captureLogger();
  const observeFn = (event: VendorCallEvent): void => logVendorCall(logger, event);
  const ls = logisense.credentials;
  const sources = new SourceRegistry([
    pipelinerConnector(
      pipelinerSourceSchema.parse({
        id: 'pipeliner', vendor: 'pipeliner', baseUrl: p, spaceId: pipeliner.spaceId, credentials: pipeliner.credentials,
        timeoutMs: 2000, maxRetries: 1, retryBaseMs: 5,
      }),
      observeFn,
    ),
    logiSenseConnector(
      logisenseSourceSchema.parse({
        id: 'logisense', vendor: 'logisense', baseUrl: l, timeoutMs: 2000, retryBaseMs: 5,
        credentials: { clientId: ls.clientId, username: ls.username, password: ls.password },
      }),
      observeFn,
    ),
  ]);
  const exporter = new InMemorySpanExporter();
  const telemetry = createTelemetry({ serviceName: 'crmgraph-test' }, { exporter, env: {} });
  const apollo = new ApolloServer<GatewayContext>({
    schema: buildSchema(),
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatGatewayError(formatted, error, { debug: false, logInternal: () => undefined }),
    plugins: [
      gatewayResponsePlugin({ debug: false, exposeVendorRequests: true }),
      ...(options.extraPlugins ?? []),
      operationLogPlugin(logger, options.log),
      operationTracePlugin(telemetry),
    ],
  });
  await apollo.start();
  const idempotency = new KeyedWrites(new MemoryIdempotencyStore(), { ttlMs: 60_000, leaseMs: 10_000, waitMs: 10_000 });
  return {
    pipeliner,
    logisense,
    exporter,
    telemetry,
    lines,
    async execute(query, variables) {
      const context = createContext(sources, idempotency);
      const response = await apollo.executeOperation({ query, ...(variables ? { variables } : {}) }, { contextValue: context });
      if (response.body.kind !== 'single') throw new Error('incremental delivery is not used by crmgraph');
      return { result: response.body.singleResult, context };
    },
    secrets: () => [
      pipeliner.credentials.username,
      pipeliner.credentials.password,
      pipeliner.authorization,
      Buffer.from(`${pipeliner.credentials.username}:${pipeliner.credentials.password}`).toString('base64'),
      ls.clientId,
      ls.username,
      ls.password,
      ls.clientSecret,
    ],
    async close() {
      await apollo.stop();
      await sources.close();
      await idempotency.close();
      await telemetry.shutdown();
      await Promise.all([pipeliner.close(), logisense.close()]);
    },
  };
}

/** The spans of one operation: its own span and the vendor call spans under it. */
export function spansOf(exporter: InMemorySpanExporter, requestId: string): { operation: ReadableSpan; vendor: ReadableSpan[] } {
  const all = exporter.getFinishedSpans();
  const operations = all.filter((s) => s.attributes['crmgraph.request_id'] === requestId);
  if (operations.length !== 1) throw new Error(`expected one operation span for ${requestId}, found ${operations.length}`);
  const operation = operations[0]!;
  const id = operation.spanContext().spanId;
  return { operation, vendor: all.filter((s) => s.parentSpanContext?.spanId === id) };
}

/** A span as plain data, to search for strings that must not be there. */
export function spanText(span: ReadableSpan): string {
  return JSON.stringify({ name: span.name, attributes: span.attributes, status: span.status, events: span.events, links: span.links });
}
