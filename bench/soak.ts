/**
 * Demo-mode soak (issue "shared vendor reads"): the gateway in demo mode — every vendor on its
 * simulator, Cin7 Omni with its real limits (3 requests a second, 60 a minute) — and N clients
 * sending the README's all-sources query back to back for longer than Cin7's minute window.
 * Identical reads in flight at the same moment are sent once and shared, so the clients are not
 * capped by Cin7's budget. Reports answers per second (overall and the slowest 10-second
 * window), answers with errors by code, and the vendor 429s from the gateway's own metrics.
 *
 *   npm run bench:soak                         # 20 clients, 90 s
 *   SOAK_SECONDS=30 SOAK_CLIENTS=10 npm run bench:soak
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const SECONDS = Number(process.env['SOAK_SECONDS'] ?? 90);
const CLIENTS = Number(process.env['SOAK_CLIENTS'] ?? 20);
const ROOT = join(__dirname, '..');
/** The README's first query: contacts of every source with their accounts and owners. */
const QUERY = '{ contacts(first: 5) { totalCount edges { node { name jobTitle emails primaryAccount { name } owner { name } source { id vendor } } } } }';

interface Answer {
  errors?: Array<{ extensions?: { code?: string } }>;
}

function startDemo(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /ready: (http:\/\/\S+)/.exec(out);
      if (m) {
        const stop = () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          });
        resolve({ url: m[1]!.replace('localhost', '127.0.0.1'), stop });
      }
    });
    child.once('exit', (code) => reject(new Error(`demo gateway exited with ${code}: ${out}`)));
  });
}

/** Sum of a counter's samples whose labels match, from Prometheus text. */
function counter(metrics: string, name: string, labels: RegExp): number {
  let sum = 0;
  for (const line of metrics.split('\n')) {
    if (line.startsWith(`${name}{`) && labels.test(line)) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

async function main(): Promise<void> {
  const demo = await startDemo();
  const body = JSON.stringify({ query: QUERY });
  const codes = new Map<string, number>();
  const finishedAt: number[] = [];
  let withErrors = 0;
  const started = Date.now();
  const deadline = started + SECONDS * 1000;
  const client = async (): Promise<void> => {
    while (Date.now() < deadline) {
      const res = await fetch(demo.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const answer = (await res.json()) as Answer;
      finishedAt.push(Date.now() - started);
      if (answer.errors?.length) {
        withErrors += 1;
        for (const e of answer.errors) {
          const code = e.extensions?.code ?? 'NONE';
          codes.set(code, (codes.get(code) ?? 0) + 1);
        }
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: CLIENTS }, client));
    const metrics = await (await fetch(demo.url.replace(/\/graphql$/, '/metrics'))).text();
    const windows = Array.from({ length: Math.floor(SECONDS / 10) }, (_, w) => finishedAt.filter((t) => t >= w * 10_000 && t < (w + 1) * 10_000).length / 10);
    const cin7Sent = counter(metrics, 'crmgraph_vendor_requests_total', /source="cin7"/);
    const rows = [
      ['clients', String(CLIENTS)],
      ['seconds', String(SECONDS)],
      ['answers', String(finishedAt.length)],
      ['answers per second (overall)', (finishedAt.length / SECONDS).toFixed(1)],
      ['answers per second (slowest 10 s window)', Math.min(...windows).toFixed(1)],
      ['answers with errors', String(withErrors)],
      ['error codes', [...codes].map(([c, n]) => `${c} ×${n}`).join(', ') || 'none'],
      ['vendor 429s (all sources)', String(counter(metrics, 'crmgraph_vendor_requests_total', /status="429"/))],
      ['Cin7 requests sent (average a minute)', `${cin7Sent} (${((cin7Sent / SECONDS) * 60).toFixed(0)})`],
      ['vendor requests saved by sharing', String(counter(metrics, 'crmgraph_vendor_requests_saved_total', /.*/))],
    ];
    process.stdout.write(`\nDemo soak: the README's all-sources query, Node ${process.version}\n\n| measure | value |\n|---|---|\n`);
    process.stdout.write(`${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}\n`);
  } finally {
    await demo.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
