/**
 * Gateway overhead benchmark (DESIGN §9 yardsticks). Three processes: the Pipeliner simulator,
 * the gateway (the real CLI with a config file), and this one generating load with autocannon.
 * For each reference operation, at zero and at a realistic vendor latency, it reports p50/p99
 * latency and throughput through the gateway, the vendor requests per operation, the vendor's
 * own p50 for the same request (measured directly), the overhead (gateway p50 minus vendor
 * p50 per sequential vendor round), the gateway's CPU time per operation (from /proc: steadier
 * than latency when load generator, simulator and gateway share two cores) and its resident
 * memory after the run.
 *
 *   npm run bench                    # builds, then 3 s warm-up and 10 s per case
 *   BENCH_SECONDS=3 npm run bench    # quicker
 *   BENCH_ONLY=contacts BENCH_LATENCIES=0 BENCH_PROFILE=prof npm run bench   # one case, CPU profile in prof/
 *
 * The gateway runs as production runs it, built (`node dist/main.js`); BENCH_SOURCES=1 runs
 * the TypeScript sources through tsx instead.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ALL_SOURCES_OPERATION, REFERENCE_OPERATIONS } from './operations';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const WARMUP_SECONDS = Number(process.env['BENCH_WARMUP_SECONDS'] ?? 3);
const SETTLE_SECONDS = Number(process.env['BENCH_SETTLE_SECONDS'] ?? 15);
const LATENCIES = (process.env['BENCH_LATENCIES'] ?? '0,50').split(',').map(Number);
/** BENCH_ONLY=contacts runs only the operations whose name contains it. */
const ONLY = process.env['BENCH_ONLY'] ?? '';
const ROOT = join(__dirname, '..');

function start(
  script: string,
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  flags: string[] = [],
  args: string[] = [],
): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  // Built JavaScript runs as production does; TypeScript through `--import tsx`, which keeps it
  // in this child itself (its pid is the one measured).
  const argv = script.endsWith('.js') ? [...flags, script, ...args] : [...flags, '--import', 'tsx', script, ...args];
  const child = spawn(process.execPath, argv, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = ready.exec(out);
      if (m) resolve({ child, match: m });
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}: ${out}`)));
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** CPU time (user + system) the process has used, in ms, from /proc (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Gateway {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** A gateway process on a config of `sources` (open: the benchmark measures the graph, not access control). */
async function gateway(sources: unknown[]): Promise<Gateway> {
  const configFile = join(mkdtempSync(join(tmpdir(), 'crmgraph-bench-')), 'crmgraph.config.json');
  writeFileSync(configFile, JSON.stringify({ server: { host: '127.0.0.1', logLevel: 'warn' }, auth: { mode: 'none' }, sources }));
  // BENCH_PROFILE=dir writes the gateway's CPU profile there when it exits (`node --cpu-prof`).
  const profile = process.env['BENCH_PROFILE'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_PROFILE']}`] : [];
  // BENCH_GATEWAY_FLAGS="--max-semi-space-size=32" tries V8 flags on the gateway alone.
  const flags = [...profile, ...(process.env['BENCH_GATEWAY_FLAGS'] ?? '').split(' ').filter(Boolean)];
  // The gateway as production runs it (`npm run build`, then `node dist/main.js`); BENCH_SOURCES=1
  // runs the TypeScript sources instead (no build needed, a little more memory).
  const entry = process.env['BENCH_SOURCES'] ? join(ROOT, 'src', 'main.ts') : join(ROOT, 'dist', 'main.js');
  // NODE_ENV as `npm run start:prod` and the image set it (graphql-js skips its development checks).
  const gw = await start(entry, { CRMGRAPH_CONFIG: configFile, PORT: '0', NODE_ENV: 'production' }, /ready: (http:\/\/\S+)\n/, flags);
  return {
    url: gw.match[1]!.replace('localhost', '127.0.0.1'),
    pid: gw.child.pid!,
    stop: async () => {
      // A CPU profile is written as the gateway exits.
      const exited = new Promise((resolve) => gw.child.once('exit', resolve));
      gw.child.kill('SIGTERM');
      await exited;
    },
  };
}

interface Measured {
  vendorRequests: number | string;
  p50: number;
  p99: number;
  rps: number;
  cpuPerOp: number;
  rssMb: number;
}

/** One case through a gateway: a probe (no errors allowed), a warm-up, then the measured run. */
async function measure(gw: Gateway, name: string, query: string): Promise<Measured> {
  const body = JSON.stringify({ query });
  const post = { url: gw.url, method: 'POST' as const, body, headers: { 'content-type': 'application/json' }, connections: CONNECTIONS };
  const probe = (await (await fetch(gw.url, { method: 'POST', headers: post.headers, body })).json()) as {
    errors?: unknown;
    extensions?: { vendorRequests?: { total: number } };
  };
  if (probe.errors) throw new Error(`${name}: ${JSON.stringify(probe.errors)}`);
  // Steady state is what a long-running gateway costs: JIT compilation of a case's code paths
  // happens in the warm-up, not in the measured run.
  await autocannon({ ...post, duration: WARMUP_SECONDS });
  const cpuBefore = cpuMs(gw.pid);
  const result = await autocannon({ ...post, duration: SECONDS });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return {
    vendorRequests: probe.extensions?.vendorRequests?.total ?? '?',
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: Math.round(result.requests.average),
    // The steadier figure on a busy machine: the gateway's own CPU per operation.
    cpuPerOp: (cpuMs(gw.pid) - cpuBefore) / Math.max(1, result.requests.total),
    rssMb: rssMb(gw.pid),
  };
}

/** The other three vendors, each on its own simulator process (`npm run simulator`), limits off. */
async function otherSimulators(): Promise<Array<{ child: ChildProcess; source: Record<string, unknown> }>> {
  return Promise.all(
    ['superoffice', 'cin7', 'logisense'].map(async (vendor) => {
      const sim = await start(join(ROOT, 'src', 'simulators', 'cli.ts'), {}, /^(\{.*\})\n/m, [], [vendor, '--limits', 'off']);
      const source = { id: vendor, ...(JSON.parse(sim.match[1]!) as Record<string, unknown>) };
      // The simulator's limits are off, so the gateway's pacing is too: the case measures the
      // gateway, not Cin7's 60 requests a minute (`npm run bench:soak` measures those).
      return { child: sim.child, source: vendor === 'cin7' ? { ...source, options: { rateLimits: false } } : source };
    }),
  );
}

async function main(): Promise<void> {
  const sim = await start(join(ROOT, 'bench', 'simulator.ts'), {}, /^(\{.*\})\n/m);
  const info = JSON.parse(sim.match[1]!) as { url: string; spaceId: string; credentials: object; authorization: string; apiBase: string };
  const pipeliner = { id: 'pipeliner', vendor: 'pipeliner', baseUrl: info.url, spaceId: info.spaceId, credentials: info.credentials, connections: 64 };
  const rows: string[] = [];
  const row = (name: string, latency: string, m: Measured, vendorP50: number | string, overhead: number | string) =>
    rows.push(`| ${name} | ${latency} | ${m.vendorRequests} | ${m.p50} | ${m.p99} | ${m.rps} | ${vendorP50} | ${overhead} | ${m.cpuPerOp.toFixed(2)} | ${m.rssMb} |`);
  const gw = await gateway([pipeliner]);
  const memory = { start: rssMb(gw.pid), end: 0, settled: 0 };
  try {
    for (const latency of LATENCIES) {
      sim.child.stdin!.write(`latency ${latency}\n`);
      await new Promise((r) => setTimeout(r, 200));
      for (const op of REFERENCE_OPERATIONS.filter((o) => o.name.includes(ONLY))) {
        const vendor = await autocannon({
          url: `${info.apiBase}${op.vendorPath}`,
          connections: CONNECTIONS,
          duration: Math.max(2, Math.round(SECONDS / 2)),
          headers: { authorization: info.authorization },
        });
        const m = await measure(gw, op.name, op.query);
        row(op.name, `${latency} ms`, m, vendor.latency.p50, m.p50 - vendor.latency.p50 * op.sequentialVendorRounds);
        process.stderr.write(`${op.name} @${latency} ms done\n`);
      }
    }
    memory.end = rssMb(gw.pid);
    // Memory held once the load is over: V8 gives back what a busy heap grew to when idle.
    await new Promise((r) => setTimeout(r, SETTLE_SECONDS * 1000));
    memory.settled = rssMb(gw.pid);
  } finally {
    await gw.stop();
  }
  if (ALL_SOURCES_OPERATION.name.includes(ONLY)) {
    sim.child.stdin!.write('latency 0\n');
    const others = await otherSimulators();
    const all = await gateway([pipeliner, ...others.map((o) => o.source)]);
    try {
      row(ALL_SOURCES_OPERATION.name, '0 ms', await measure(all, ALL_SOURCES_OPERATION.name, ALL_SOURCES_OPERATION.query), '—', '—');
    } finally {
      await all.stop();
      for (const o of others) o.child.kill('SIGTERM');
    }
  }
  sim.child.kill('SIGTERM');
  process.stdout.write(`\nGateway benchmark: ${WARMUP_SECONDS} s warm-up and ${SECONDS} s per case, ${CONNECTIONS} connections, Node ${process.version}\n\n`);
  process.stdout.write('| operation | simulator latency | vendor req/op | p50 ms | p99 ms | req/s | vendor p50 ms | overhead p50 ms | gateway CPU ms/op | gateway RSS MB |\n|---|---|---|---|---|---|---|---|---|---|\n');
  process.stdout.write(`${rows.join('\n')}\n`);
  process.stdout.write(
    `\nGateway RSS (Pipeliner cases): ${memory.start} MB at start, ${memory.end} MB as the last case ended, ${memory.settled} MB ${SETTLE_SECONDS} s later\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
