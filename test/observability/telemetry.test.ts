import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { createTelemetry, operationTracePlugin } from '../../src/telemetry';

describe('createTelemetry', () => {
  it('exports nothing, with a no-op tracer and no plugin hooks, when no endpoint is configured', async () => {
    const telemetry = createTelemetry({ serviceName: 'crmgraph' }, { env: {} });
    expect(telemetry.enabled).toBe(false);
    expect(telemetry.destination).toBeNull();
    const span = telemetry.tracer.startSpan('x');
    expect(span.isRecording()).toBe(false);
    span.end();
    expect(operationTracePlugin(telemetry)).toEqual({});
    await telemetry.shutdown();
  });

  it.each([
    ['the config URL', { otlpUrl: 'http://collector:4318/v1/traces' }, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://other:4318' }, 'http://collector:4318/v1/traces'],
    ['OTEL_EXPORTER_OTLP_ENDPOINT plus /v1/traces', {}, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel:4318/' }, 'http://otel:4318/v1/traces'],
    ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as is', {}, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://traces:9999/t' }, 'http://traces:9999/t'],
  ])('exports to %s', async (_name, config, env, destination) => {
    const telemetry = createTelemetry({ serviceName: 'crmgraph', ...config }, { env });
    expect(telemetry.enabled).toBe(true);
    expect(telemetry.destination).toBe(destination);
    await telemetry.shutdown();
  });

  it('is off with OTEL_SDK_DISABLED=true, whatever endpoint is set', () => {
    const telemetry = createTelemetry({ serviceName: 'crmgraph', otlpUrl: 'http://collector:4318/v1/traces' }, { env: { OTEL_SDK_DISABLED: 'true' } });
    expect(telemetry.enabled).toBe(false);
  });

  it('keeps the spans of two gateways apart and leaves the global tracer alone', async () => {
    const a = new InMemorySpanExporter();
    const b = new InMemorySpanExporter();
    const ta = createTelemetry({ serviceName: 'a' }, { exporter: a, env: {} });
    const tb = createTelemetry({ serviceName: 'b' }, { exporter: b, env: {} });
    ta.tracer.startSpan('in a').end();
    tb.tracer.startSpan('in b').end();
    expect(a.getFinishedSpans().map((s) => [s.name, s.resource.attributes['service.name']])).toEqual([['in a', 'a']]);
    expect(b.getFinishedSpans().map((s) => s.name)).toEqual(['in b']);
    expect(trace.getTracer('anyone').startSpan('global').isRecording()).toBe(false);
    await Promise.all([ta.shutdown(), tb.shutdown()]);
  });

  describe('over OTLP/HTTP', () => {
    let collector: Server;
    let url: string;
    const received: Array<{ path: string; contentType: string; body: string }> = [];
    beforeAll(async () => {
      collector = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          received.push({ path: req.url ?? '', contentType: String(req.headers['content-type']), body: Buffer.concat(chunks).toString('utf8') });
          res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        });
      });
      await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', () => resolve()));
      url = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => collector.close(() => resolve()));
    });

    it('sends the spans still buffered on shutdown, parent and child, with the service name', async () => {
      // In a process of its own: see otlpExportOnce.ts for why not in Jest's sandbox.
      const root = join(__dirname, '..', '..');
      await new Promise<void>((resolve, reject) => {
        execFile(
          process.execPath,
          [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(__dirname, 'otlpExportOnce.ts')],
          { cwd: root, env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: url, SERVICE_NAME: 'crmgraph-otlp' }, timeout: 15_000 },
          (err, _stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve()),
        );
      });
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ path: '/v1/traces', contentType: 'application/json' });
      const body = JSON.parse(received[0]!.body) as {
        resourceSpans: Array<{ resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> }; scopeSpans: Array<{ spans: Array<{ name: string; spanId: string; parentSpanId?: string }> }> }>;
      };
      const resource = body.resourceSpans[0]!;
      expect(resource.resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'crmgraph-otlp' } });
      const spans = resource.scopeSpans.flatMap((s) => s.spans);
      const op = spans.find((s) => s.name === 'graphql.query Few');
      const child = spans.find((s) => s.name === 'GET /Contacts');
      expect(op).toBeDefined();
      expect(child?.parentSpanId).toBe(op?.spanId);
    }, 20_000);

    it('never fails shutdown when the collector is gone', async () => {
      const telemetry = createTelemetry({ serviceName: 'x', otlpUrl: 'http://127.0.0.1:9/v1/traces' }, { env: {} });
      telemetry.tracer.startSpan('lost').end();
      await expect(telemetry.shutdown()).resolves.toBeUndefined();
    });
  });
});
