/**
 * The Pipeliner simulator as its own process for the benchmark, so that its work does not
 * share the gateway's event loop. Prints one JSON line with what a gateway config needs.
 */
import { createPipelinerSimulator } from '../src/simulators/pipeliner';

async function main(): Promise<void> {
  const sim = createPipelinerSimulator({ size: { accounts: 200, contacts: 500, opportunities: 300 } });
  const url = await sim.listen(0, '127.0.0.1');
  process.stdin.on('data', (chunk) => {
    // `latency <ms>` on stdin switches the simulated vendor latency.
    const m = /latency (\d+)/.exec(chunk.toString());
    if (m) {
      sim.server.latencyMs = Number(m[1]);
      process.stdout.write('ok\n');
    }
  });
  process.stdout.write(`${JSON.stringify({ url, spaceId: sim.spaceId, credentials: sim.credentials, authorization: sim.authorization, apiBase: sim.apiBase })}\n`);
}

void main();
