import { ROOT_CONTEXT, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import type { CallContext } from '../../src/core/call';
import { HttpClient, type HttpClientOptions } from '../../src/http/HttpClient';
import { SimulatorServer } from '../../src/simulators/kit';
import { createTelemetry } from '../../src/telemetry';
import { recordingCall } from '../support/calls';

const SECRET = 'Basic c2VjcmV0OnBhc3N3b3Jk';

/** The vendor side of these tests: answers every request with the headers it received. */
describe('HttpClient: request ids and spans', () => {
  let sim: SimulatorServer;
  let url: string;
  const clients: HttpClient[] = [];

  beforeAll(async () => {
    sim = new SimulatorServer('echo', (req) => ({ status: 200, body: { headers: req.headers } }));
    url = await sim.listen();
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await sim.close();
  });
  afterEach(() => {
    expect(sim.pendingFaults()).toBe(0);
  });

  function client(options: Partial<HttpClientOptions> = {}): HttpClient {
    const c = new HttpClient({
      source: 'crm', vendor: 'SUPEROFFICE', baseUrl: `${url}/Cust1/api`, timeoutMs: 1000, maxRetries: 1, retryBaseMs: 5, connections: 2,
      authHeadersFn: () => ({ authorization: SECRET }),
      ...options,
    });
    clients.push(c);
    return c;
  }

  function call(requestId: string): CallContext & { events: ReturnType<typeof recordingCall>['events'] } {
    return { ...recordingCall(), requestId };
  }

  it("sends the operation's request id in the connector's correlation header", async () => {
    const res = await client({ correlationHeader: 'x-correlation-id' }).request({ method: 'GET', path: '/v1/Person/1' }, call('req-77'));
    expect((res.body as { headers: Record<string, string> }).headers['x-correlation-id']).toBe('req-77');
  });

  it('sends no request id at all to a vendor that documents no correlation header', async () => {
    const res = await client().request({ method: 'GET', path: '/v1/Person/1' }, call('req-78'));
    const sent = (res.body as { headers: Record<string, string> }).headers;
    expect(Object.values(sent)).not.toContain('req-78');
  });

  it('makes no span when the operation is not traced', async () => {
    const exporter = new InMemorySpanExporter();
    createTelemetry({ serviceName: 't' }, { exporter, env: {} });
    await client().request({ method: 'GET', path: '/v1/Person/2' }, call('r'));
    expect(exporter.getFinishedSpans()).toHaveLength(0);
  });

  it('makes one span per attempt under the given parent, with the route template and no host, query or credential', async () => {
    const exporter = new InMemorySpanExporter();
    const telemetry = createTelemetry({ serviceName: 't' }, { exporter, env: {} });
    const parent = telemetry.tracer.startSpan('operation', {}, ROOT_CONTEXT);
    const traced: CallContext = { ...call('r'), trace: { tracer: telemetry.tracer, parent: trace.setSpan(ROOT_CONTEXT, parent) } };
    sim.failNext({ status: 503, headers: { 'retry-after': '0' } });
    const query = new URLSearchParams({ $filter: 'personId eq 42', token: 'not-in-a-span' });
    await client().request({ method: 'GET', path: '/v1/Person/42', query }, traced);
    parent.end();
    const spans = exporter.getFinishedSpans().filter((s) => s.parentSpanContext?.spanId === parent.spanContext().spanId);
    expect(spans.map((s) => [s.name, s.attributes['crmgraph.attempt'], s.attributes['http.response.status_code'], s.status.code])).toEqual([
      ['GET /v1/Person/{id}', 1, 503, SpanStatusCode.ERROR],
      ['GET /v1/Person/{id}', 2, 200, SpanStatusCode.UNSET],
    ]);
    expect(spans[0]!.attributes).toMatchObject({
      'crmgraph.source': 'crm', 'crmgraph.vendor': 'SUPEROFFICE', 'http.request.method': 'GET', 'url.template': '/v1/Person/{id}',
      'error.type': 'SOURCE_UNAVAILABLE', 'crmgraph.will_retry': true, 'crmgraph.retry_after_ms': 0,
    });
    const text = JSON.stringify(spans.map((s) => ({ name: s.name, attributes: s.attributes, status: s.status })));
    for (const leak of [SECRET, 'c2VjcmV0', '127.0.0.1', 'Cust1', 'not-in-a-span', 'personId', '42']) expect(text).not.toContain(leak);
    await telemetry.shutdown();
  });

  it('reports an attempt that got no answer with a null status, and measures it without the backoff wait', async () => {
    sim.failNext({ status: 200, delayMs: 3000 });
    const c = call('r');
    const err = await client({ timeoutMs: 300, maxRetries: 0 }).request({ method: 'GET', path: '/v1/slow' }, c).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'SOURCE_TIMEOUT' });
    expect(c.events).toEqual([expect.objectContaining({ status: null, attempt: 1, error: 'SOURCE_TIMEOUT', willRetry: false, vendor: 'SUPEROFFICE' })]);
    expect(c.events[0]!.durationMs).toBeLessThan(1000);
  });

  it('measures a retried attempt before the wait the vendor asked for', async () => {
    sim.failNext({ status: 429, headers: { 'retry-after': '1' } });
    const c = call('r');
    await client({ timeoutMs: 3000 }).request({ method: 'GET', path: '/v1/waits' }, c);
    expect(c.events.map((e) => [e.status, e.willRetry, e.retryAfterMs])).toEqual([
      [429, true, 1000],
      [200, undefined, undefined],
    ]);
    expect(c.events[0]!.durationMs).toBeLessThan(500);
  });
});
