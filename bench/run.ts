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
 *   npm run bench                    # 10 s per case
 *   BENCH_SECONDS=3 npm run bench    # quicker
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { REFERENCE_OPERATIONS } from './operations';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const LATENCIES = (process.env['BENCH_LATENCIES'] ?? '0,50').split(',').map(Number);
/** BENCH_ONLY=contacts runs only the operations whose name contains it. */
const ONLY = process.env['BENCH_ONLY'] ?? '';
const ROOT = join(__dirname, '..');

function start(script: string, env: NodeJS.ProcessEnv, ready: RegExp, flags: string[] = []): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  // `--import tsx` keeps the gateway in this child itself (its pid is the one measured).
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'] });
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

async function main(): Promise<void> {
  const sim = await start(join(ROOT, 'bench', 'simulator.ts'), {}, /^(\{.*\})\n/m);
  const info = JSON.parse(sim.match[1]!) as { url: string; spaceId: string; credentials: object; authorization: string; apiBase: string };
  const dir = mkdtempSync(join(tmpdir(), 'crmgraph-bench-'));
  const configFile = join(dir, 'crmgraph.config.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      server: { host: '127.0.0.1', logLevel: 'warn' },
      // Open: the benchmark measures the graph, not access control.
      auth: { mode: 'none' },
      sources: [{ id: 'pipeliner', vendor: 'pipeliner', baseUrl: info.url, spaceId: info.spaceId, credentials: info.credentials, connections: 64 }],
    }),
  );
  // BENCH_PROFILE=dir writes the gateway's CPU profile there when it exits (`node --cpu-prof`).
  const profile = process.env['BENCH_PROFILE'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_PROFILE']}`] : [];
  const gw = await start(join(ROOT, 'src', 'main.ts'), { CRMGRAPH_CONFIG: configFile, PORT: '0' }, /ready: (http:\/\/\S+)\n/, profile);
  const url = gw.match[1]!.replace('localhost', '127.0.0.1');
  const rows: string[] = [];
  try {
    for (const latency of LATENCIES) {
      sim.child.stdin!.write(`latency ${latency}\n`);
      await new Promise((r) => setTimeout(r, 200));
      for (const op of REFERENCE_OPERATIONS.filter((o) => o.name.includes(ONLY))) {
        const body = JSON.stringify({ query: op.query });
        const probe = (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).json()) as {
          errors?: unknown;
          extensions?: { vendorRequests?: { total: number } };
        };
        if (probe.errors) throw new Error(`${op.name}: ${JSON.stringify(probe.errors)}`);
        const vendor = await autocannon({
          url: `${info.apiBase}${op.vendorPath}`,
          connections: CONNECTIONS,
          duration: Math.max(2, Math.round(SECONDS / 2)),
          headers: { authorization: info.authorization },
        });
        const cpuBefore = cpuMs(gw.child.pid!);
        const result = await autocannon({ url, method: 'POST', body, headers: { 'content-type': 'application/json' }, connections: CONNECTIONS, duration: SECONDS });
        if (result.non2xx > 0 || result.errors > 0) throw new Error(`${op.name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
        const overhead = result.latency.p50 - vendor.latency.p50 * op.sequentialVendorRounds;
        // The steadier figure on a busy machine: the gateway's own CPU per operation.
        const cpuPerOp = (cpuMs(gw.child.pid!) - cpuBefore) / Math.max(1, result.requests.total);
        rows.push(
          `| ${op.name} | ${latency} ms | ${probe.extensions?.vendorRequests?.total ?? '?'} | ${result.latency.p50} | ${result.latency.p99} | ${Math.round(result.requests.average)} | ${vendor.latency.p50} | ${overhead} | ${cpuPerOp.toFixed(2)} | ${rssMb(gw.child.pid!)} |`,
        );
        process.stderr.write(`${op.name} @${latency} ms done\n`);
      }
    }
  } finally {
    const exited = new Promise((resolve) => gw.child.once('exit', resolve));
    gw.child.kill('SIGTERM');
    sim.child.kill('SIGTERM');
    // A CPU profile is written as the gateway exits.
    await exited;
  }
  process.stdout.write(`\nGateway benchmark: ${SECONDS} s per case, ${CONNECTIONS} connections, Node ${process.version}\n\n`);
  process.stdout.write('| operation | simulator latency | vendor req/op | p50 ms | p99 ms | req/s | vendor p50 ms | overhead p50 ms | gateway CPU ms/op | gateway RSS MB |\n|---|---|---|---|---|---|---|---|---|---|\n');
  process.stdout.write(`${rows.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
