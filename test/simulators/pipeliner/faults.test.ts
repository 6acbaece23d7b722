import { useSimulator } from './harness';
import { settledFlag, waitUntil } from '../../support/waitUntil';

const h = useSimulator({ size: { accounts: 5, contacts: 5, opportunities: 2 } });

describe('Pipeliner simulator: fault switches from the kit', () => {
  it('answers the next request with a scripted 429 and Retry-After, then recovers', async () => {
    h.sim.server.failNext({ status: 429, headers: { 'retry-after': '1' }, body: { success: false, http_status: 429 } });
    const limited = await h.call('GET', '/entities/Accounts');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    const next = await h.call('GET', '/entities/Accounts');
    expect(next.status).toBe(200);
  });

  it('scopes a scripted fault to matching requests only', async () => {
    h.sim.server.failNext({ status: 502, match: { method: 'POST', pathIncludes: '/entities/Contacts' } });
    expect((await h.call('GET', '/entities/Contacts')).status).toBe(200);
    const res = await h.call('POST', '/entities/Contacts', {
      body: { owner_id: h.sim.records('Clients')[0]!.id, last_name: 'X' },
    });
    expect(res.status).toBe(502);
    expect(h.sim.count('Contacts')).toBe(5);
  });

  it('answers every request with 503 during an outage until it is lifted', async () => {
    h.sim.server.setOutage({ status: 503, text: 'Service Unavailable' });
    expect((await h.call('GET', '/entities/Accounts')).status).toBe(503);
    expect((await h.call('GET', '/entities/Contacts')).status).toBe(503);
    h.sim.server.setOutage(null);
    expect((await h.call('GET', '/entities/Accounts')).status).toBe(200);
  });

  it('adds the configured latency to every answer', async () => {
    h.sim.server.latencyMs = 120;
    const started = Date.now();
    await h.call('GET', '/entities/Accounts', { query: { first: 1 } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('records method, path, query and body of each request for assertions', async () => {
    const body = { name: 'Logged', owner_id: h.sim.records('Clients')[0]!.id };
    await h.call('POST', '/entities/Accounts', { body });
    await h.call('GET', '/entities/Accounts', { query: { first: 2, 'filter[name]': 'Logged' } });
    const [post] = h.sim.server.requests('POST', '/entities/Accounts');
    expect(post).toMatchObject({
      method: 'POST',
      path: '/api/v100/rest/spaces/demo_Space/entities/Accounts',
      body,
      status: 201,
    });
    const [get] = h.sim.server.requests('GET');
    expect(decodeURIComponent(get!.query)).toBe('?first=2&filter[name]=Logged');
  });

  it('starts with the latency given in the options', async () => {
    const { createPipelinerSimulator } = await import('../../../src/simulators/pipeliner');
    const slow = createPipelinerSimulator({ latencyMs: 25, size: { accounts: 1, contacts: 1, opportunities: 1 } });
    expect(slow.server.latencyMs).toBe(25);
  });
});

describe('Pipeliner simulator: write faults from the kit', () => {
  afterEach(() => expect(h.sim.server.pendingFaults()).toBe(0));

  it('commits a write and answers it only after the given delay', async () => {
    h.sim.server.afterNext({ match: { method: 'POST', pathIncludes: '/entities/Accounts' }, delayMs: 1000 });
    const owner = h.sim.records('Clients')[0]!.id;
    const answer = h.call('POST', '/entities/Accounts', { body: { name: 'Late', owner_id: owner } });
    const answered = settledFlag(answer);
    // Stored before the answer leaves: a client that gives up earlier has still written it.
    await waitUntil(() => h.sim.records('Accounts').some((a) => a['name'] === 'Late'), 'the stored account');
    const storedAt = Date.now();
    expect(answered()).toBe(false);
    expect((await answer).status).toBe(201);
    expect(Date.now() - storedAt).toBeGreaterThanOrEqual(500);
  });

  it('fails the n-th matching request with the fault, writing nothing for it', async () => {
    h.sim.server.failNext({ status: 500, body: { success: false, http_status: 500 }, nth: 2, match: { method: 'POST', pathIncludes: '/batch-modify' } });
    const owner = h.sim.records('Clients')[0]!.id;
    const batch = (name: string) => h.call('POST', '/entities/Accounts/batch-modify', { query: { 'rollback-method': 1 }, body: [{ name, owner_id: owner }] });
    expect((await h.call('GET', '/entities/Accounts')).status).toBe(200);
    expect((await batch('First')).status).toBe(200);
    expect(h.sim.server.pendingFaults()).toBe(1);
    expect((await batch('Second')).status).toBe(500);
    expect((await batch('Third')).status).toBe(200);
    expect(h.sim.records('Accounts').map((a) => a['name'])).toEqual(expect.arrayContaining(['First', 'Third']));
    expect(h.sim.records('Accounts').map((a) => a['name'])).not.toContain('Second');
  });
});
