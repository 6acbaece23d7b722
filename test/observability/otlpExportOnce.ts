/**
 * Run as its own Node process by telemetry.test.ts: the OTLP exporter loads node:http with a
 * dynamic import(), which Jest's module sandbox refuses. Makes an operation span with one vendor
 * call span under it, configured from the environment only, and flushes them on shutdown.
 */
import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { createTelemetry } from '../../src/telemetry';

async function main(): Promise<void> {
  const telemetry = createTelemetry({ serviceName: process.env['SERVICE_NAME'] ?? 'crmgraph' });
  if (!telemetry.enabled) throw new Error('telemetry is disabled: set OTEL_EXPORTER_OTLP_ENDPOINT');
  const parent = telemetry.tracer.startSpan('graphql.query Few', {}, ROOT_CONTEXT);
  telemetry.tracer.startSpan('GET /Contacts', {}, trace.setSpan(ROOT_CONTEXT, parent)).end();
  parent.end();
  await telemetry.shutdown();
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
