import { HttpClient } from '../../src/http/HttpClient';
import { GatewayError } from '../../src/core/errors';
import { SimulatorServer } from '../../src/simulators/kit';
import { recordingCall } from '../support/calls';

const ok = { status: 200, body: { ok: true } };

describe('HttpClient', () => {
  let sim: SimulatorServer;
  let client: HttpClient;

  beforeEach(async () => {
    sim = new SimulatorServer('echo', (req) => (req.method === 'POST' ? { status: 201, body: { created: true } } : ok));
    const url = await sim.listen();
    client = new HttpClient({
      source: 'crm',
      vendor: 'PIPELINER',
      baseUrl: `${url}/api`,
      timeoutMs: 800,
      maxRetries: 2,
      retryBaseMs: 10,
      connections: 4,
      authHeadersFn: () => ({ authorization: 'Basic c2VjcmV0OnNlY3JldA==' }),
    });
  });

  afterEach(async () => {
    expect(sim.pendingFaults()).toBe(0);
    await client.close();
    await sim.close();
  });

  it('retries a read after 429 honouring Retry-After, and counts both requests', async () => {
    sim.failNext({ status: 429, headers: { 'retry-after': '0' } });
    const call = recordingCall();
    const res = await client.request({ method: 'GET', path: '/things' }, call);
    expect(res.status).toBe(200);
    expect(call.events.map((e) => [e.status, e.attempt])).toEqual([
      [429, 1],
      [200, 2],
    ]);
    expect(sim.requests('GET')[0]?.path).toBe('/api/things');
  });

  it('retries reads on 5xx until the retries run out, then answers SOURCE_UNAVAILABLE', async () => {
    sim.failNext({ status: 503 }, 3);
    const err = await client.request({ method: 'GET', path: '/x' }, recordingCall()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect((err as GatewayError).code).toBe('SOURCE_UNAVAILABLE');
    expect((err as GatewayError).retryable).toBe(true);
    expect(sim.log).toHaveLength(3);
  });

  it('never retries a create: a 500 on POST is SOURCE_OUTCOME_UNKNOWN after one request', async () => {
    sim.failNext({ status: 500 });
    const err = await client.request({ method: 'POST', path: '/things', json: { a: 1 } }, recordingCall()).catch((e: unknown) => e);
    expect((err as GatewayError).code).toBe('SOURCE_OUTCOME_UNKNOWN');
    expect(sim.requests('POST')).toHaveLength(1);
  });

  it('answers a hung read with SOURCE_TIMEOUT within its budget', async () => {
    // Every attempt hangs: however the budget is split between an attempt and a retry (timers
    // on a loaded machine), the answer is SOURCE_TIMEOUT within it.
    sim.setOutage({ status: 200, delayMs: 5000 });
    const started = Date.now();
    const err = await client.request({ method: 'GET', path: '/slow' }, recordingCall()).catch((e: unknown) => e);
    sim.setOutage(null);
    expect((err as GatewayError).code).toBe('SOURCE_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('answers a hung create with SOURCE_OUTCOME_UNKNOWN and sends it once', async () => {
    sim.failNext({ status: 201, delayMs: 3000 });
    const err = await client.request({ method: 'POST', path: '/things', json: {} }, recordingCall()).catch((e: unknown) => e);
    expect((err as GatewayError).code).toBe('SOURCE_OUTCOME_UNKNOWN');
    expect(sim.requests('POST')).toHaveLength(1);
  });

  it('maps 401 to SOURCE_AUTH_FAILED without retrying or leaking the credentials', async () => {
    sim.failNext({ status: 401, body: { message: 'bad key' } });
    const err = (await client.request({ method: 'GET', path: '/x' }, recordingCall()).catch((e: unknown) => e)) as GatewayError;
    expect(err.code).toBe('SOURCE_AUTH_FAILED');
    expect(err.message).not.toMatch(/c2VjcmV0|secret|127\.0\.0\.1/);
    expect(sim.log).toHaveLength(1);
  });

  it('shares identical GETs within one operation, but not across operations', async () => {
    const call = recordingCall();
    await Promise.all([
      client.request({ method: 'GET', path: '/same', query: new URLSearchParams({ a: '1' }) }, call),
      client.request({ method: 'GET', path: '/same', query: new URLSearchParams({ a: '1' }) }, call),
    ]);
    await client.request({ method: 'GET', path: '/same', query: new URLSearchParams({ a: '1' }) }, call);
    expect(sim.log).toHaveLength(1);
    await client.request({ method: 'GET', path: '/same', query: new URLSearchParams({ a: '1' }) }, recordingCall());
    expect(sim.log).toHaveLength(2);
  });

  it('stops sharing a read once the operation writes to the same source', async () => {
    const call = recordingCall();
    await client.request({ method: 'GET', path: '/list' }, call);
    await client.request({ method: 'GET', path: '/list' }, call);
    await client.request({ method: 'POST', path: '/list', json: {} }, call);
    await client.request({ method: 'GET', path: '/list' }, call);
    expect(sim.log.map((r) => r.method)).toEqual(['GET', 'POST', 'GET']);
  });

  it('returns vendor validation answers (422) to the connector untouched', async () => {
    sim.failNext({ status: 422, body: { code: 40000 } });
    const res = await client.request({ method: 'POST', path: '/things', json: {} }, recordingCall());
    expect(res).toMatchObject({ status: 422, body: { code: 40000 } });
  });
});
