import { SimulatorServer, type SimHandler } from '../../../src/simulators/kit';
import { settledFlag, waitUntil } from '../../support/waitUntil';

/**
 * The kit's scripted faults, on a bare server whose "vendor" counts what it committed: the
 * one mechanism every vendor simulator's tests use (README.md in the kit).
 */
describe('simulator kit: scripted faults and aftermaths', () => {
  let server: SimulatorServer;
  let committed: string[];
  let url: string;
  const vendor: SimHandler = (req) => {
    if (req.method !== 'GET') committed.push(`${req.method} ${req.path}`);
    return { status: 201, body: { saved: req.path } };
  };
  const send = async (method: string, path: string): Promise<{ status: number; body: unknown }> => {
    const res = await fetch(`${url}${path}`, { method });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };

  beforeEach(async () => {
    committed = [];
    server = new SimulatorServer('kit-test', vendor);
    url = await server.listen();
  });
  afterEach(async () => {
    await server.close();
  });

  it('failNext with nth lets nth − 1 matching requests through; others never count', async () => {
    server.failNext({ status: 500, body: { error: 'boom' }, nth: 2, match: { method: 'POST', pathIncludes: '/batch' } });
    expect((await send('GET', '/batch')).status).toBe(201);
    expect((await send('POST', '/other')).status).toBe(201);
    expect((await send('POST', '/batch/1')).status).toBe(201);
    expect(server.pendingFaults()).toBe(1);
    expect(await send('POST', '/batch/2')).toEqual({ status: 500, body: { error: 'boom' } });
    expect((await send('POST', '/batch/3')).status).toBe(201);
    expect(committed).toEqual(['POST /other', 'POST /batch/1', 'POST /batch/3']);
    expect(server.pendingFaults()).toBe(0);
  });

  it('counts every matching request toward every script: nth 2 and nth 3 hit the second and the third', async () => {
    server.failNext({ status: 500, nth: 2, match: { method: 'POST' } });
    server.afterNext({ status: 502, nth: 3, match: { method: 'POST' } });
    const statuses = [];
    for (const path of ['/one', '/two', '/three', '/four']) statuses.push((await send('POST', path)).status);
    expect(statuses).toEqual([201, 500, 502, 201]);
    // The fault answered instead of the vendor; the aftermath came after the commit.
    expect(committed).toEqual(['POST /one', 'POST /three', 'POST /four']);
  });

  it('failNext with times hits that many matching requests from the nth on', async () => {
    server.failNext({ status: 503, nth: 2 }, 2);
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await send('GET', `/r${i}`)).status);
    expect(statuses).toEqual([201, 503, 503, 201]);
  });

  it('afterNext commits, then answers late', async () => {
    server.afterNext({ match: { method: 'POST' }, delayMs: 1000 });
    const answer = send('POST', '/late');
    const answered = settledFlag(answer);
    await waitUntil(() => committed.length > 0, 'the commit');
    const committedAt = Date.now();
    expect(committed).toEqual(['POST /late']);
    expect(answered()).toBe(false);
    expect(await answer).toEqual({ status: 201, body: { saved: '/late' } });
    expect(Date.now() - committedAt).toBeGreaterThanOrEqual(500);
  });

  it('afterNext answers a status after the commit, with a generic body unless one is given', async () => {
    server.afterNext({ status: 500 });
    server.afterNext({ status: 500, body: 'An error has occurred.' });
    expect(await send('POST', '/a')).toEqual({ status: 500, body: { error: 'simulated failure after commit' } });
    expect(await send('POST', '/b')).toEqual({ status: 500, body: 'An error has occurred.' });
    expect(committed).toEqual(['POST /a', 'POST /b']);
  });

  it('afterNext answers what `answer` makes of the committed answer', async () => {
    server.afterNext({ answer: (saved) => ({ status: 200, body: { mangled: saved.body } }) });
    expect(await send('POST', '/x')).toEqual({ status: 200, body: { mangled: { saved: '/x' } } });
  });

  it('afterNext runs a test step between the commit and the answer', async () => {
    const seen: string[] = [];
    server.afterNext({ run: () => void seen.push(`step after ${committed.length} commit(s)`) });
    await send('POST', '/x');
    expect(seen).toEqual(['step after 1 commit(s)']);
  });

  it('matches with a predicate where method and a path fragment cannot say it', async () => {
    const collectionOnly = { method: 'POST', where: (_: string, path: string) => /\/Person$/.test(path) };
    server.failNext({ status: 500, match: collectionOnly });
    expect((await send('POST', '/Person/7')).status).toBe(201);
    expect((await send('POST', '/Person')).status).toBe(500);
  });

  it('takes scripts when requests arrive, so concurrent requests each meet their own', async () => {
    server.afterNext({ delayMs: 100 });
    server.afterNext({ status: 500 });
    const answers = await Promise.all([send('POST', '/first'), send('POST', '/second')]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 500]);
    expect(server.pendingFaults()).toBe(0);
  });

  it('pendingFaults counts unused faults and aftermaths by the requests they will hit; clearFaults drops them', () => {
    server.failNext({ status: 500 }, 2);
    server.afterNext({ delayMs: 10 }, 3);
    expect(server.pendingFaults()).toBe(5);
    server.clearFaults();
    expect(server.pendingFaults()).toBe(0);
  });

  it('refuses an nth or times below 1', () => {
    expect(() => server.failNext({ status: 500, nth: 0 })).toThrow('nth must be a whole number >= 1, got 0');
    expect(() => server.afterNext({ delayMs: 1 }, 0)).toThrow('times must be a whole number >= 1, got 0');
  });

  it('close() releases a late answer still waiting: the write is committed, nothing holds the process', async () => {
    server.afterNext({ delayMs: 60_000 });
    const answer = fetch(`${url}/hung`, { method: 'POST' }).then(
      (res) => res.status,
      () => 'connection closed',
    );
    while (committed.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const started = Date.now();
    await server.close();
    expect(await answer).toBe('connection closed');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(committed).toEqual(['POST /hung']);
  });
});
