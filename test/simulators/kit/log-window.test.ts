import { DEFAULT_LOG_LIMIT, SimulatorServer } from '../../../src/simulators/kit';

/** The request log is a window of the latest requests, so a simulator that runs for weeks stays small. */
describe('simulator request log', () => {
  let server: SimulatorServer;
  afterEach(async () => {
    await server.close();
  });

  async function send(url: string, n: number, method = 'GET'): Promise<void> {
    for (let i = 0; i < n; i += 1) await (await fetch(`${url}/item/${i}`, { method })).text();
  }

  it('keeps only the latest logLimit requests, oldest dropped first, and counts the dropped ones', async () => {
    server = new SimulatorServer('test', () => ({ status: 200, body: {} }), { logLimit: 5 });
    const url = await server.listen();
    await send(url, 12);
    expect(server.log.map((r) => r.path)).toEqual(['/item/7', '/item/8', '/item/9', '/item/10', '/item/11']);
    expect(server.droppedFromLog).toBe(7);
    expect(server.requests('GET', '/item/1')).toHaveLength(2); // /item/10 and /item/11
  });

  it('clearLog empties the window and the dropped count; a lowered limit applies at the next request', async () => {
    server = new SimulatorServer('test', () => ({ status: 204 }), { logLimit: 4 });
    const url = await server.listen();
    await send(url, 6);
    server.clearLog();
    expect(server.log).toEqual([]);
    expect(server.droppedFromLog).toBe(0);
    await send(url, 3, 'POST');
    server.logLimit = 1;
    await send(url, 1);
    expect(server.log.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /item/0 204']);
  });

  it('keeps 10,000 requests by default', () => {
    server = new SimulatorServer('test', () => ({ status: 200 }));
    expect(server.logLimit).toBe(DEFAULT_LOG_LIMIT);
    expect(DEFAULT_LOG_LIMIT).toBe(10_000);
  });
});
