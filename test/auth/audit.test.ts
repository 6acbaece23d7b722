import { randomUUID } from 'node:crypto';
import { startCli, startVendors, writeConfig, type Cli, type Vendors } from '../support/cli';
import { apiKey, bearer, poster } from './support';

/**
 * The audit trail of writes, read from the real CLI's log: one `write` line per create asked to
 * write, with principal, source, entity, remote id, idempotency key and outcome — and never a
 * field value of the record.
 */
jest.setTimeout(60_000);

let vendors: Vendors;
let cli: Cli;
const job = apiKey('sync-job', ['read', 'write']);
const post = poster(() => cli.url);
const CANARY = `Audit Canary ${randomUUID().slice(0, 8)}`;

const CREATE = `mutation ($input: CreateAccountInput!) { createAccount(input: $input) { account { id } userErrors { code } } }`;

beforeAll(async () => {
  vendors = await startVendors();
  const pipeliner = { ...vendors.sources.find((s) => s.id === 'pipeliner')!, timeoutMs: 500 };
  cli = await startCli(['--config', writeConfig({ server: { logLevel: 'info' }, auth: { mode: 'required', apiKeys: [job.entry] }, sources: [pipeliner] })]);
});

afterAll(async () => {
  cli?.child.kill('SIGTERM');
  await cli?.exited;
  await vendors?.stop();
});

function writeLines(): Array<Record<string, unknown>> {
  return cli
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l['msg'] === 'write');
}

async function linesAfter(n: number, count: number): Promise<Array<Record<string, unknown>>> {
  for (let i = 0; i < 50 && writeLines().length < n + count; i++) await new Promise((r) => setTimeout(r, 20));
  return writeLines().slice(n);
}

it('logs created, replayed, rejected and outcome-unknown writes with who and where, never the values', async () => {
  const start = writeLines().length;
  const key = randomUUID();
  const created = await post(CREATE, bearer(job.key), { input: { source: 'pipeliner', name: CANARY, idempotencyKey: key } });
  expect(created.body.data.createAccount.account.id).toEqual(expect.any(String));
  await post(CREATE, bearer(job.key), { input: { source: 'pipeliner', name: CANARY, idempotencyKey: key } });
  await post(CREATE, bearer(job.key), { input: { source: 'pipeliner', name: CANARY, emails: ['not an e-mail'] } });
  vendors.servers.pipeliner!.afterNext({ match: { method: 'POST', pathIncludes: '/entities/Accounts' }, delayMs: 1500 });
  await post(CREATE, bearer(job.key), { input: { source: 'pipeliner', name: CANARY } });
  await post(CREATE, bearer(job.key), { input: { source: 'pipeliner', name: CANARY, dryRun: true } });

  const lines = await linesAfter(start, 4);
  expect(lines.map((l) => [l['outcome'], l['principal'], l['source'], l['entity'], l['idempotencyKey']])).toEqual([
    ['created', 'key:sync-job', 'pipeliner', 'ACCOUNT', key],
    ['replayed', 'key:sync-job', 'pipeliner', 'ACCOUNT', key],
    ['rejected', 'key:sync-job', 'pipeliner', 'ACCOUNT', null],
    ['outcome unknown', 'key:sync-job', 'pipeliner', 'ACCOUNT', null],
  ]);
  expect(lines[0]!['remoteId']).toEqual(expect.any(String));
  expect(lines[1]!['remoteId']).toBe(lines[0]!['remoteId']);
  expect(lines[3]).toMatchObject({ remoteId: null, errorCode: 'SOURCE_OUTCOME_UNKNOWN' });
  // A dry run writes nothing, so it is not in the trail; no line carries a field value.
  expect(lines).toHaveLength(4);
  expect(cli.output()).not.toContain(CANARY);
  expect(cli.output()).not.toContain(job.key);
});
