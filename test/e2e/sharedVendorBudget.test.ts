import { randomUUID } from 'node:crypto';
import { startCli, writeConfig, type Cli } from '../support/cli';
import { startSimulator, type Simulator } from '../support/simulatorCli';
import { TcpProxy } from '../support/tcpProxy';
import { mostInAnySpan } from '../support/spans';

/**
 * Three gateway processes, one Redis, one standalone Cin7 simulator with the vendor's real
 * limits (3/s, 60/min): 150 concurrent queries spread over the three never draw a vendor 429,
 * the simulator's own log never shows more than 3 requests in a second or 60 in a minute, and
 * every query is answered or refused with a typed SOURCE_RATE_LIMITED carrying retryAfterMs.
 */
jest.setTimeout(120_000);

let simulator: Simulator;
let gateways: Cli[];
let proxy: TcpProxy;

beforeAll(async () => {
  simulator = await startSimulator(['cin7', '--limits', 'real', '--log-requests']);
  // Redis through a proxy the test can cut, so it can go away mid-run.
  proxy = new TcpProxy(6379);
  const port = await proxy.open();
  const file = writeConfig({
    // Info: the line saying Redis is back is an info line.
    server: { logLevel: 'info' },
    auth: { mode: 'none' },
    redis: { url: `redis://127.0.0.1:${port}`, keyPrefix: `crmgraph-test:${randomUUID()}:` },
    // A short wait: refusals come within the test's time, typed, instead of a long queue.
    sources: [{ id: 'cin7', ...simulator.source, options: { rateLimits: { maxWaitMs: 8000, instances: 3 } } }],
  });
  gateways = await Promise.all([0, 1, 2].map(() => startCli(['--config', file])));
});

afterAll(async () => {
  for (const g of gateways ?? []) g.child.kill('SIGTERM');
  await Promise.all((gateways ?? []).map((g) => g.exited));
  simulator?.child.kill('SIGTERM');
  await simulator?.exited;
  await proxy?.cut();
});

type Answer = { data?: any; errors?: Array<{ extensions: { code: string; retryAfterMs?: number; httpStatus?: number } }> };

/** Vendor 429s every gateway saw, retried or not, from their own metrics. */
async function vendor429s(): Promise<number> {
  const texts = await Promise.all(gateways.map(async (g) => (await fetch(`${g.base}/metrics`)).text()));
  return texts
    .flatMap((t) => t.split('\n'))
    .filter((l) => l.startsWith('crmgraph_vendor_requests_total') && l.includes('status="429"'))
    .reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);
}

async function post(i: number, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(gateways[i % 3]!.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
  });
  return (await res.json()) as Answer;
}

it('150 concurrent queries over three processes: no vendor 429, at most 3 a second and 60 a minute at the vendor', async () => {
  const before = simulator.requests().length;
  const answers = await Promise.all(
    Array.from({ length: 150 }, async (_, i) => {
      // Distinct reads: identical ones in flight at once would be sent once, leaving nothing to pace.
      const res = await fetch(gateways[i % 3]!.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ accounts(first: ${1 + (i % 100)}${i < 100 ? '' : ', filter: { name: "a" }'}) { edges { node { id } } } }` }),
      });
      return (await res.json()) as { data?: unknown; errors?: Array<{ extensions: { code: string; retryAfterMs?: number; httpStatus?: number } }> };
    }),
  );
  await new Promise((r) => setTimeout(r, 300)); // the simulator's log is streamed every 100 ms
  const times = simulator.requests().slice(before).map((r) => r.at);
  const errors = answers.flatMap((a) => a.errors ?? []);
  const answered = answers.filter((a) => !a.errors?.length).length;

  expect(errors.filter((e) => e.extensions.httpStatus === 429)).toEqual([]);
  expect(await vendor429s()).toBe(0);
  for (const e of errors) expect(e.extensions).toMatchObject({ code: 'SOURCE_RATE_LIMITED', retryAfterMs: expect.any(Number) });
  expect(answered).toBeGreaterThan(0);
  expect(times.length).toBe(answered);
  expect(mostInAnySpan(times, 1000)).toBeLessThanOrEqual(3);
  expect(mostInAnySpan(times, 60_000)).toBeLessThanOrEqual(60);
  if (process.env['BUDGET_REPORT']) {
    process.stdout.write(`answered ${answered}, refused ${errors.length}, most in a second ${mostInAnySpan(times, 1000)}, in a minute ${mostInAnySpan(times, 60_000)}\n`);
  }
});

it('Redis lost mid-run: no process stops, every answer is typed, and shared pacing resumes once it is back', async () => {
  await new Promise((r) => setTimeout(r, 2000)); // the windows of the previous case run out
  const before429 = await vendor429s();
  const running = Array.from({ length: 30 }, (_, i) => post(i, `{ accounts(first: ${1 + i}, filter: { name: "b" }) { edges { node { id } } } }`));
  await new Promise((r) => setTimeout(r, 1500));
  await proxy.cut();
  await new Promise((r) => setTimeout(r, 3000));
  await proxy.open();
  const answers = await Promise.all(running);
  // No 429 storm: while Redis is away each instance keeps to its share (one per window), so three
  // of them can pass Cin7's 3/s by at most 3 a second over the 3 s outage: at most 9 to 10 429s.
  const vendor429 = (await vendor429s()) - before429;
  if (process.env['BUDGET_REPORT']) process.stdout.write(`Redis away: ${answers.filter((a) => !a.errors?.length).length} answered, ${vendor429} vendor 429s\n`);
  expect(vendor429).toBeLessThanOrEqual(10);
  for (const a of answers) {
    if (a.errors?.length) expect(a.errors[0]!.extensions.code).toMatch(/^SOURCE_RATE_LIMITED$/);
  }
  for (const g of gateways) expect(g.child.exitCode).toBeNull();
  for (const g of gateways) expect(g.output()).toContain("Redis unreachable");

  // Back: each process notices on its next vendor call (it reconnects with a backoff), then a new
  // burst is paced together again.
  for (let round = 0; round < 20 && !gateways.every((g) => g.output().includes('Redis reachable again')); round++) {
    await Promise.all([0, 1, 2].map((i) => post(i, `{ accounts(first: ${60 + round}, filter: { name: "d${i}" }) { edges { node { id } } } }`)));
    await new Promise((r) => setTimeout(r, 500));
  }
  await new Promise((r) => setTimeout(r, 2000));
  const before = simulator.requests().length;
  await Promise.all(Array.from({ length: 12 }, (_, i) => post(i, `{ accounts(first: ${1 + i}, filter: { name: "c" }) { edges { node { id } } } }`)));
  await new Promise((r) => setTimeout(r, 300));
  expect(mostInAnySpan(simulator.requests().slice(before).map((r) => r.at), 1000)).toBeLessThanOrEqual(3);
  for (const g of gateways) expect(g.output()).toContain('Redis reachable again');
});

it('ten concurrent identical keyed creates over the three processes write one record', async () => {
  const key = randomUUID();
  const before = simulator.requests().filter((r) => r.method !== 'GET').length;
  const input = { source: 'cin7', name: 'Three Instances Ltd', idempotencyKey: key };
  const answers = await Promise.all(
    Array.from({ length: 10 }, (_, i) => post(i, 'mutation ($input: CreateAccountInput!) { createAccount(input: $input) { account { id } } }', { input })),
  );
  const ids = new Set(answers.map((a) => a.data?.createAccount?.account?.id));
  expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
  expect(ids.size).toBe(1);
  await new Promise((r) => setTimeout(r, 300));
  expect(simulator.requests().filter((r) => r.method !== 'GET').length - before).toBe(1);
});
