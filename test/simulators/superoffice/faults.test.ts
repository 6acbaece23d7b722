import { startSim, useFreshSim } from './harness';

const h = useFreshSim();

describe('SuperOffice simulator fault switches', () => {
  it('answers a scripted 429 with Retry-After once, then the real answer', async () => {
    h.sim.server.failNext({
      status: 429,
      headers: { 'retry-after': '1' },
      match: { method: 'GET', pathIncludes: '/Contact' },
    });
    const first = await h.get('/Contact/2');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('1');
    expect((await h.get('/Contact/2')).status).toBe(200);
  });

  it('answers 503 during an outage until it is lifted', async () => {
    h.sim.server.setOutage({ status: 503, text: 'Service Unavailable' });
    expect((await h.get('/Sale/1')).status).toBe(503);
    h.sim.server.setOutage(null);
    expect((await h.get('/Sale/1')).status).toBe(200);
  });

  it('adds latency to every answer', async () => {
    h.sim.server.latencyMs = 60;
    const started = Date.now();
    await h.get('/Contact/2');
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('throttles with 429 beyond a configured request budget (open question 5)', async () => {
    const limited = await startSim({ rateLimit: { requests: 2, perMs: 60_000, retryAfterSeconds: 30 } });
    try {
      expect((await limited.get('/Contact/2')).status).toBe(200);
      expect((await limited.get('/Contact/2')).status).toBe(200);
      const third = await limited.get('/Contact/2');
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toBe('30');
      expect(third.body.Error).toBe(true);
    } finally {
      await limited.close();
    }
  });

  it('records each request with method, path, query, body and status', async () => {
    h.sim.server.clearLog();
    await h.get('/Person?$filter=personId%20in%20(6,7)');
    await h.send('POST', '/Contact', { Name: 'Logged AS' });
    expect(h.sim.server.requests('GET', '/Person')).toEqual([
      expect.objectContaining({ query: '?$filter=personId%20in%20(6,7)', status: 200 }),
    ]);
    expect(h.sim.server.requests('POST')[0]).toMatchObject({
      path: '/Cust12345/api/v1/Contact',
      body: { Name: 'Logged AS' },
      status: 200,
    });
  });

  describe('create faults from the kit', () => {
    const companies = () => h.sim.store.contacts().length;
    /** Creates only: a POST on a collection itself, never on one record. */
    const creates = { method: 'POST', where: (_: string, path: string) => /\/api\/v1\/(Contact|Person|Sale)$/i.test(path) };
    /** The tenant's error object for a server fault, as the connector parses it. */
    const serverFault = { Error: true, ErrorType: 'SoException', ErrorMessage: 'Simulated server fault: nothing was saved' };

    it('saves a create, then answers it only after the scripted delay', async () => {
      const before = companies();
      h.sim.server.afterNext({ match: creates, delayMs: 150 });
      const started = Date.now();
      const pending = h.send('POST', '/Contact', { Name: 'Late AS' });
      await new Promise((r) => setTimeout(r, 50));
      // Saved before the answer leaves: a client that gave up has still written it.
      expect(companies()).toBe(before + 1);
      const reply = await pending;
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
      expect(reply.status).toBe(200);
      expect(reply.body.Name).toBe('Late AS');
      // One-shot: the next create answers at once.
      expect((await h.send('POST', '/Contact', { Name: 'Prompt AS' })).status).toBe(200);
    });

    it('saves a create, then answers what the script makes of the saved entity', async () => {
      h.sim.server.afterNext({
        match: creates,
        answer: (saved) => ({ status: 200, body: { PersonId: (saved.body as { PersonId: number }).PersonId } }),
      });
      const reply = await h.send('POST', '/Person', { Lastname: 'Mangled' });
      expect(reply.body).toEqual({ PersonId: expect.any(Number) });
      expect(h.sim.store.person(reply.body.PersonId)?.lastname).toBe('Mangled');
    });

    it('fails the nth create with a 5xx error object and saves nothing for it', async () => {
      const before = companies();
      h.sim.server.failNext({ status: 502, body: serverFault, nth: 2, match: creates });
      const statuses: number[] = [];
      for (const name of ['One AS', 'Two AS', 'Three AS'])
        statuses.push((await h.send('POST', '/Contact', { Name: name })).status);
      expect(statuses).toEqual([200, 502, 200]);
      expect(companies()).toBe(before + 2);
      expect(h.sim.store.contacts().some((c) => c.name === 'Two AS')).toBe(false);
      // Reads and updates are not creates: they never count toward the nth.
      h.sim.server.failNext({ status: 500, body: serverFault, match: creates });
      expect((await h.get('/Contact/2')).status).toBe(200);
      expect((await h.send('PUT', '/Contact/2', { Name: 'Renamed AS' })).status).toBe(200);
      const failed = await h.send('POST', '/Sale', { Heading: 'Refused' });
      expect(failed.status).toBe(500);
      expect(failed.body).toMatchObject({ Error: true, ErrorType: 'SoException' });
    });
  });
});
