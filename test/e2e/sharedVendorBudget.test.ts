import { randomUUID } from 'node:crypto';
import { startCli, writeConfig, type Cli } from '../support/cli';
import { startSimulator, type Simulator } from '../support/simulatorCli';

/**
 * Three gateway processes, one Redis, one standalone Cin7 simulator with the vendor's real
 * limits (3/s, 60/min): 150 concurrent queries spread over the three never draw a vendor 429,
 * the simulator's own log never shows more than 3 requests in a second or 60 in a minute, and
 * every query is answered or refused with a typed SOURCE_RATE_LIMITED carrying retryAfterMs.
 */
jest.setTimeout(120_000);

let simulator: Simulator;
let gateways: Cli[];

beforeAll(async () => {
  simulator = await startSimulator(['cin7', '--limits', 'real', '--log-requests']);
  const file = writeConfig({
    server: { logLevel: 'warn' },
    auth: { mode: 'none' },
    redis: { url: 'redis://127.0.0.1:6379', keyPrefix: `crmgraph-test:${randomUUID()}:` },
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
});

function mostInAnySpan(times: number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while (sorted[i]! - sorted[j]! >= ms) j += 1;
    most = Math.max(most, i - j + 1);
  }
  return most;
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
  for (const e of errors) expect(e.extensions).toMatchObject({ code: 'SOURCE_RATE_LIMITED', retryAfterMs: expect.any(Number) });
  expect(answered).toBeGreaterThan(0);
  expect(times.length).toBe(answered);
  expect(mostInAnySpan(times, 1000)).toBeLessThanOrEqual(3);
  expect(mostInAnySpan(times, 60_000)).toBeLessThanOrEqual(60);
  if (process.env['BUDGET_REPORT']) {
    process.stdout.write(`answered ${answered}, refused ${errors.length}, most in a second ${mostInAnySpan(times, 1000)}, in a minute ${mostInAnySpan(times, 60_000)}\n`);
  }
});
