import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { ROOT, startCli, startVendors, writeConfig, type Cli } from '../support/cli';

/**
 * SIGTERM on the real CLI with a slow operation in flight: the operation completes with its
 * data, /readyz says 503 to a client already connected, new connections are refused, and the
 * process exits 0 within its grace period — started directly and through `npm start`.
 */
const GRACE_MS = 5_000;
const SLOW_MS = 2_000;

let vendors: Awaited<ReturnType<typeof startVendors>>;
let configFile: string;

beforeAll(async () => {
  vendors = await startVendors();
  configFile = writeConfig({ server: { host: '127.0.0.1', logLevel: 'warn', shutdownGraceMs: GRACE_MS }, sources: vendors.sources });
}, 30_000);

afterAll(async () => {
  await vendors.stop();
});

function get(url: string, agent?: Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: agent ?? false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** `npm start -- --config file`, as a user runs it, with the npm process as the signal target. */
function startViaNpm(): Promise<Cli> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start', '--silent', '--', '--config', configFile], {
      cwd: ROOT,
      env: { ...process.env, CRMGRAPH_CONFIG: '', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const exited = new Promise<number | string | null>((r) => child.once('exit', (code, signal) => r(code ?? signal)));
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const m = /ready: (http:\/\/\S+)\n/.exec(out);
      if (m) resolve({ child, url: m[1]!, base: m[1]!.replace(/\/graphql$/, ''), output: () => out, rssMb: () => null, exited });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`exited with ${String(code)}:\n${out}`)));
  });
}

describe.each([
  ['node --import tsx src/main.ts', () => startCli(['--config', configFile])],
  ['npm start', startViaNpm],
])('SIGTERM on %s', (_name, start) => {
  it('finishes the operation in flight, refuses new connections, reports 503 and exits 0', async () => {
    const cli = await start();
    const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      // A connection opened before the signal, for /readyz while draining.
      expect((await get(`${cli.base}/readyz`, keepAlive)).status).toBe(200);
      vendors.latency(SLOW_MS);
      const started = Date.now();
      const inFlight = fetch(cli.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ contacts(sources: ["pipeliner"], first: 2) { edges { node { name } } } }' }),
      });
      await new Promise((r) => setTimeout(r, 300));
      cli.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));

      const ready = await get(`${cli.base}/readyz`, keepAlive);
      expect(ready.status).toBe(503);
      expect(JSON.parse(ready.body)).toMatchObject({ status: 'draining' });
      await expect(get(`${cli.base}/healthz`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });

      const res = await inFlight;
      const body = (await res.json()) as any;
      expect(body.errors).toBeUndefined();
      expect(body.data.contacts.edges).toHaveLength(2);
      expect(Date.now() - started).toBeGreaterThanOrEqual(SLOW_MS);

      expect(await cli.exited).toBe(0);
      expect(Date.now() - started).toBeLessThan(SLOW_MS + GRACE_MS);
    } finally {
      vendors.latency(0);
      keepAlive.destroy();
      if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
    }
  }, 30_000);
});

it('exits 0 at once on SIGINT when idle', async () => {
  const cli = await startCli(['--config', configFile]);
  const started = Date.now();
  cli.child.kill('SIGINT');
  expect(await cli.exited).toBe(0);
  expect(Date.now() - started).toBeLessThan(GRACE_MS);
}, 30_000);
