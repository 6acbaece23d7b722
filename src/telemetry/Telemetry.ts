import { ProxyTracerProvider, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';

/** `server.telemetry` of the config (src/config/schema.ts `telemetrySchema`). */
export interface TelemetryConfig {
  otlpUrl?: string | undefined;
  serviceName: string;
}

export interface TelemetryOptions {
  /**
   * Where spans go instead of OTLP (tests: an `InMemorySpanExporter`). Exported one by one as
   * they end, so a test sees them as soon as the operation answers.
   */
  exporter?: SpanExporter;
  /** Environment to read `OTEL_*` variables from; defaults to `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** The tracing of one gateway: its own provider, never the process-global one. */
export interface Telemetry {
  /** False when nothing is exported: then no span is started anywhere. */
  readonly enabled: boolean;
  readonly tracer: Tracer;
  /** Where spans are sent, for the start-up log line (a URL, or `injected`); null when disabled. */
  readonly destination: string | null;
  /** Exports the spans still buffered, then stops; later spans are dropped. Never rejects. */
  shutdown(): Promise<void>;
}

const TRACER_NAME = 'crmgraph';

/**
 * Builds the tracing of one gateway. Spans are exported over OTLP/HTTP to `config.otlpUrl`, else
 * to the endpoint the standard variables name (`OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` as is,
 * `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`), else nowhere: then there is no provider, the
 * tracer is a no-op and `enabled` is false. `OTEL_SDK_DISABLED=true` turns it off whatever is set.
 * No global provider or context manager is registered, so several gateways in one process (tests)
 * keep their spans apart.
 */
export function createTelemetry(config: TelemetryConfig, options: TelemetryOptions = {}): Telemetry {
  const env = options.env ?? process.env;
  if (env['OTEL_SDK_DISABLED']?.trim().toLowerCase() === 'true') return disabledTelemetry();
  let processor: SpanProcessor;
  let destination: string;
  if (options.exporter) {
    processor = new SimpleSpanProcessor(options.exporter);
    destination = 'injected';
  } else {
    const url = config.otlpUrl ?? otlpUrlFromEnv(env);
    if (!url) return disabledTelemetry();
    // Batched: an operation never waits for the collector.
    processor = new BatchSpanProcessor(new OTLPTraceExporter({ url }));
    destination = url;
  }
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    spanProcessors: [processor],
  });
  let stopped: Promise<void> | null = null;
  return {
    enabled: true,
    tracer: provider.getTracer(TRACER_NAME),
    destination,
    shutdown() {
      // An unreachable collector must not fail the gateway's own shutdown.
      stopped ??= provider.shutdown().catch(() => undefined);
      return stopped;
    },
  };
}

/** Tracing that records nothing: a tracer of a provider with no delegate (not the global one). */
export function disabledTelemetry(): Telemetry {
  return {
    enabled: false,
    tracer: new ProxyTracerProvider().getTracer(TRACER_NAME),
    destination: null,
    shutdown: () => Promise.resolve(),
  };
}

/** The traces endpoint the OTLP exporter specification derives from the environment, if any. */
function otlpUrlFromEnv(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const traces = env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']?.trim();
  if (traces) return traces;
  const base = env['OTEL_EXPORTER_OTLP_ENDPOINT']?.trim();
  if (!base) return undefined;
  return `${base.replace(/\/+$/, '')}/v1/traces`;
}
