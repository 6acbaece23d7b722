/**
 * Gateway overhead benchmark (DESIGN §9 yardsticks). For each reference operation it runs
 * autocannon against the gateway over real HTTP, with the Pipeliner simulator answering at
 * zero latency and at a realistic latency, and reports p50/p99 latency, throughput, the vendor
 * requests per operation and the gateway's RSS under load. Overhead = gateway latency minus the
 * simulator's own latency for the same vendor requests, measured the same way.
 *
 *   npm run bench                   # 10 s per case
 *   BENCH_SECONDS=3 npm run bench   # quicker
 */
import autocannon from 'autocannon';
import pino from 'pino';
import { gatewayConfigSchema } from '../src/config';
import { createGateway } from '../src/server';
import { createPipelinerSimulator } from '../src/simulators/pipeliner';
import { REFERENCE_OPERATIONS } from './operations';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const LATENCIES = [0, 50];

interface Row {
  operation: string;
  vendorLatencyMs: number;
  vendorRequests: number;
  p50: number;
  p99: number;
  rps: number;
  vendorP50: number;
  overheadP50: number;
  rssMb: number;
}

async function load(url: string, body: string | undefined, method: 'POST' | 'GET'): Promise<autocannon.Result> {
  return autocannon({
    url,
    method,
    connections: CONNECTIONS,
    duration: SECONDS,
    ...(body ? { body, headers: { 'content-type': 'application/json' } } : {}),
  });
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const sim = createPipelinerSimulator({ size: { accounts: 200, contacts: 500, opportunities: 300 } });
  const simUrl = await sim.listen();
  const config = gatewayConfigSchema.parse({
    server: { logLevel: 'silent', port: 0, host: '127.0.0.1' },
    sources: [{ id: 'pipeliner', vendor: 'pipeliner', baseUrl: simUrl, spaceId: sim.spaceId, credentials: sim.credentials, connections: 64 }],
  });
  const gateway = await createGateway({ config, logger: pino({ level: 'silent' }) });
  const url = await gateway.listen(0, '127.0.0.1');

  for (const latency of LATENCIES) {
    sim.server.latencyMs = latency;
    for (const op of REFERENCE_OPERATIONS) {
      // Vendor requests of one operation, from the gateway's own counter.
      const probe = (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: op.query }) })).json()) as {
        extensions?: { vendorRequests?: { total: number } };
        errors?: unknown[];
      };
      if (probe.errors) throw new Error(`${op.name} failed: ${JSON.stringify(probe.errors)}`);
      const vendorRequests = probe.extensions?.vendorRequests?.total ?? 0;
      // The same vendor path measured directly: its latency is what the gateway cannot avoid.
      const vendor = await autocannon({
        url: `${sim.apiBase}${op.vendorPath}`,
        connections: CONNECTIONS,
        duration: Math.max(2, Math.round(SECONDS / 2)),
        headers: { authorization: sim.authorization },
      });
      const result = await load(url, JSON.stringify({ query: op.query }), 'POST');
      if (result.non2xx > 0 || result.errors > 0) throw new Error(`${op.name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
      rows.push({
        operation: op.name,
        vendorLatencyMs: latency,
        vendorRequests,
        p50: result.latency.p50,
        p99: result.latency.p99,
        rps: Math.round(result.requests.average),
        vendorP50: vendor.latency.p50,
        overheadP50: result.latency.p50 - vendor.latency.p50 * op.sequentialVendorRounds,
        rssMb: Math.round(process.memoryUsage().rss / 1e6),
      });
      process.stderr.write(`${op.name} @${latency}ms done\n`);
    }
  }
  await gateway.stop();
  await sim.close();

  process.stdout.write(`\nGateway benchmark: ${SECONDS}s per case, ${CONNECTIONS} connections, Node ${process.version}\n\n`);
  process.stdout.write('| operation | simulator latency | vendor req/op | p50 ms | p99 ms | req/s | vendor p50 ms | overhead p50 ms | RSS MB |\n|---|---|---|---|---|---|---|---|---|\n');
  for (const r of rows) {
    process.stdout.write(`| ${r.operation} | ${r.vendorLatencyMs} ms | ${r.vendorRequests} | ${r.p50} | ${r.p99} | ${r.rps} | ${r.vendorP50} | ${r.overheadP50} | ${r.rssMb} |\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
