import type { VendorCallEvent } from '../../src/core/call';
import { HttpClient } from '../../src/http/HttpClient';
import { SimulatorServer } from '../../src/simulators/kit';
import { recordingCall } from '../support/calls';

/** Identical reads of different operations in flight at once are sent once (and only then). */
describe('reads shared across operations', () => {
  let sim: SimulatorServer;
  let client: HttpClient;
  let observed: VendorCallEvent[];

  beforeEach(async () => {
    sim = new SimulatorServer('slow', (req) => ({ status: 200, body: { method: req.method, n: sim.requests().length } }));
    sim.latencyMs = 80;
    observed = [];
    client = new HttpClient({
      source: 'crm',
      vendor: 'PIPELINER',
      baseUrl: await sim.listen(),
      timeoutMs: 2000,
      maxRetries: 0,
      retryBaseMs: 10,
      connections: 4,
      authHeadersFn: () => ({}),
      observeFn: (e) => observed.push(e),
    });
  });

  afterEach(async () => {
    await client.close();
    await sim.close();
  });

  const get = (call = recordingCall()) => client.request({ method: 'GET', path: '/things', query: new URLSearchParams({ q: 'a' }) }, call);

  it('sends ten concurrent identical GETs of ten operations once, and counts nine saved', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => get()));
    expect(sim.requests('GET')).toHaveLength(1);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(observed.filter((e) => e.shared)).toHaveLength(9);
    expect(observed.filter((e) => !e.shared)).toHaveLength(1);
  });

  it('keeps nothing once the answer is in: a later identical read goes to the vendor', async () => {
    await get();
    await get();
    expect(sim.requests('GET')).toHaveLength(2);
  });

  it('never lets a read asked after a write join one started before it', async () => {
    const before = get();
    await new Promise((r) => setTimeout(r, 10));
    const write = client.request({ method: 'POST', path: '/things', json: {} }, recordingCall());
    const after = get();
    await Promise.all([before, write, after]);
    expect(sim.requests('GET')).toHaveLength(2);
  });

  it('answers a waiter whose deadline passed with SOURCE_TIMEOUT while the others still get the answer', async () => {
    const impatient = new AbortController();
    const first = get({ ...recordingCall(), signal: impatient.signal });
    const second = get({ ...recordingCall(), signal: new AbortController().signal });
    setTimeout(() => impatient.abort(), 20);
    await expect(first).rejects.toMatchObject({ code: 'SOURCE_TIMEOUT' });
    await expect(second).resolves.toMatchObject({ status: 200 });
    expect(sim.requests('GET')).toHaveLength(1);
  });
});
