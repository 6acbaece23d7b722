// The production start proven: in an app directory (built dist/, schema/, node_modules),
// `node dist/main.js` with no config runs demo mode, answers a GraphQL query, serves its
// probes and the playground bundle, and exits 0 on SIGTERM. Plain JavaScript, run by plain
// Node: it needs nothing a production install lacks.
//
//   node scripts/smoke-prod.mjs <app dir>
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? '.');
const QUERY = '{ sources { id vendor } contacts(first: 2) { edges { node { name } } } }';

function fail(message, output = '') {
  process.stderr.write(`smoke-prod: ${message}\n${output}`);
  process.exit(1);
}

// Signalled directly, not through npm, as an orchestrator signals the container's process.
const child = spawn(process.execPath, ['dist/main.js'], {
  cwd: dir,
  env: { ...process.env, CRMGRAPH_CONFIG: '', PORT: '0' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
let ready = false;
const exited = new Promise((done) => child.once('exit', (code, signal) => done(code ?? signal)));
const url = await new Promise((done) => {
  const timer = setTimeout(() => fail('no ready line in 30 s', output), 30_000);
  const onData = (chunk) => {
    output += chunk.toString();
    const m = /ready: (http:\/\/\S+)\n/.exec(output);
    if (m) {
      clearTimeout(timer);
      ready = true;
      done(m[1]);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  void exited.then((code) => ready || fail(`exited with ${String(code)} before it was ready`, output));
});
const base = url.replace(/\/graphql$/, '');

async function expectStatus(path, status, init) {
  const res = await fetch(`${base}${path}`, init);
  if (res.status !== status) fail(`${path}: HTTP ${res.status}, expected ${status}`, output);
  return res;
}

await expectStatus('/healthz', 200);
await expectStatus('/readyz', 200);
const answer = await (
  await expectStatus('/graphql', 200, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  })
).json();
if (answer.errors || answer.data?.sources?.length !== 4 || answer.data.contacts.edges.length !== 2) {
  fail(`unexpected answer: ${JSON.stringify(answer)}`, output);
}
// The GraphiQL bundle was built at build time and must be found in the built output.
await expectStatus('/graphql/ide/graphiql.js', 200);

child.kill('SIGTERM');
const code = await Promise.race([
  exited,
  new Promise((done) => setTimeout(() => done('still running 20 s after SIGTERM'), 20_000).unref()),
]);
if (code !== 0) fail(`SIGTERM: exit ${String(code)}, expected 0`, output);
process.stdout.write(
  `smoke-prod: ok: ${answer.data.sources.map((s) => s.id).join(', ')} answered, playground served, exit 0 on SIGTERM\n`,
);
