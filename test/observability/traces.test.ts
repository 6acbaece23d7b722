import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { spansOf, spanText, startObservedGateway, type ObservedGateway } from './harness';

const CROSS_SOURCE = `query Few { contacts(first: 3) { edges { node { name } } } }`;

describe('traces: one span per operation, one child per vendor call attempt', () => {
  let gw: ObservedGateway;

  beforeAll(async () => {
    gw = await startObservedGateway();
  });
  afterAll(async () => {
    await gw.close();
  });
  afterEach(() => {
    expect(gw.pipeliner.server.pendingFaults()).toBe(0);
    gw.exporter.reset();
    gw.lines.length = 0;
  });

  it('a cross-source query yields one operation span with one child per vendor request counted', async () => {
    const { result, context } = await gw.execute(CROSS_SOURCE);
    expect(result.errors).toBeUndefined();
    const counted = result.extensions?.['vendorRequests'] as { total: number; bySource: Record<string, number> };
    expect(Object.keys(counted.bySource).sort()).toEqual(['logisense', 'pipeliner']);

    const { operation, vendor } = spansOf(gw.exporter, context.requestId);
    expect(operation.name).toBe('graphql.query Few');
    expect(operation.kind).toBe(SpanKind.SERVER);
    expect(operation.parentSpanContext).toBeUndefined();
    expect(operation.status.code).toBe(SpanStatusCode.UNSET);
    expect(operation.attributes).toMatchObject({
      'graphql.operation.name': 'Few',
      'graphql.operation.type': 'query',
      'crmgraph.request_id': context.requestId,
      'crmgraph.vendor_requests': counted.total,
    });
    expect(operation.attributes['crmgraph.error_codes']).toBeUndefined();

    expect(vendor).toHaveLength(counted.total);
    // Nothing else was traced: every span of the export is this operation's.
    expect(gw.exporter.getFinishedSpans()).toHaveLength(counted.total + 1);
    const perSource: Record<string, number> = {};
    for (const span of vendor) {
      expect(span.kind).toBe(SpanKind.CLIENT);
      expect(span.spanContext().traceId).toBe(operation.spanContext().traceId);
      const source = String(span.attributes['crmgraph.source']);
      perSource[source] = (perSource[source] ?? 0) + 1;
      expect(span.attributes).toMatchObject({
        'crmgraph.vendor': source === 'pipeliner' ? 'PIPELINER' : 'LOGISENSE',
        'http.request.method': expect.any(String),
        'url.template': expect.stringMatching(/^\//),
        'http.response.status_code': 200,
        'crmgraph.attempt': 1,
      });
      expect(span.name).toBe(`${String(span.attributes['http.request.method'])} ${String(span.attributes['url.template'])}`);
    }
    expect(perSource).toEqual(counted.bySource);
  });

  it('a vendor 503 shows as error spans and log lines, with no credential of that source in either', async () => {
    // Two answers: the first try and the one retry the source is configured with.
    gw.pipeliner.server.failNext({ status: 503 }, 2);
    const { result, context } = await gw.execute(CROSS_SOURCE);
    expect(result.errors?.map((e) => [e.extensions?.['source'], e.extensions?.['code']])).toEqual([['pipeliner', 'SOURCE_UNAVAILABLE']]);

    const { operation, vendor } = spansOf(gw.exporter, context.requestId);
    expect(operation.status).toEqual({ code: SpanStatusCode.ERROR, message: 'SOURCE_UNAVAILABLE' });
    expect(operation.attributes['crmgraph.error_codes']).toEqual(['SOURCE_UNAVAILABLE']);
    const failed = vendor.filter((s) => s.attributes['crmgraph.source'] === 'pipeliner');
    expect(failed.map((s) => [s.attributes['crmgraph.attempt'], s.attributes['http.response.status_code'], s.attributes['crmgraph.will_retry']])).toEqual([
      [1, 503, true],
      [2, 503, false],
    ]);
    for (const span of failed) {
      expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'SOURCE_UNAVAILABLE' });
      expect(span.attributes['error.type']).toBe('SOURCE_UNAVAILABLE');
    }
    expect(failed[1]!.attributes['http.request.resend_count']).toBe(1);

    const vendorLines = gw.lines.filter((l) => l['source'] === 'pipeliner' && typeof l['route'] === 'string');
    expect(vendorLines.map((l) => [l['msg'], l['level'], l['status'], l['attempt'], l['error'], l['willRetry']])).toEqual([
      ['vendor call failed, retrying', 30, 503, 1, 'SOURCE_UNAVAILABLE', true],
      ['vendor call failed', 40, 503, 2, 'SOURCE_UNAVAILABLE', false],
    ]);
    for (const line of vendorLines) {
      expect(line).toMatchObject({ vendor: 'PIPELINER', method: 'GET', route: expect.stringMatching(/^\/[A-Za-z]/), durationMs: expect.any(Number) });
    }

    const everything = [...vendor.map(spanText), ...gw.lines.map((l) => JSON.stringify(l))].join('\n');
    for (const secret of gw.secrets()) expect(everything).not.toContain(secret);
    for (const leak of ['127.0.0.1', 'localhost', '?', 'authorization', 'Basic ']) expect(everything).not.toContain(leak);
  });

  it('a read retried after a 429 records the wait the vendor asked for and a successful second attempt', async () => {
    gw.pipeliner.server.failNext({ status: 429, headers: { 'retry-after': '0' } });
    const { result, context } = await gw.execute(`{ contacts(sources: ["pipeliner"], first: 2) { edges { node { name } } } }`);
    expect(result.errors).toBeUndefined();
    const { operation, vendor } = spansOf(gw.exporter, context.requestId);
    expect(operation.name).toBe('graphql.query');
    expect(vendor.map((s) => [s.attributes['crmgraph.attempt'], s.attributes['http.response.status_code'], s.status.code])).toEqual([
      [1, 429, SpanStatusCode.ERROR],
      [2, 200, SpanStatusCode.UNSET],
    ]);
    expect(vendor[0]!.attributes['crmgraph.retry_after_ms']).toBe(0);
    expect(gw.lines.filter((l) => typeof l['route'] === 'string').map((l) => [l['msg'], l['attempt'], l['retryAfterMs']])).toEqual([
      ['vendor call failed, retrying', 1, 0],
      ['vendor call succeeded on retry', 2, undefined],
    ]);
  });
});
