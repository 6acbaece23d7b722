import { randomUUID } from 'node:crypto';
import { startCli, startVendors, writeConfig, type Cli, type Vendors } from '../support/cli';
import { TcpProxy } from '../support/tcpProxy';

/**
 * Keyed creates across two real gateway processes sharing Redis — reached through a proxy the
 * test can cut, so Redis can go away at a chosen moment without touching the server other
 * suites use. The Pipeliner simulator's request log is the witness of what was written.
 */
jest.setTimeout(60_000);

let vendors: Vendors;
let proxy: TcpProxy;
let gateways: Cli[];

const CREATE = `mutation ($input: CreateAccountInput!) {
  createAccount(input: $input) { account { id name } userErrors { field code } warnings }
}`;

beforeAll(async () => {
  vendors = await startVendors();
  proxy = new TcpProxy(6379);
  const port = await proxy.open();
  const pipeliner = vendors.sources.find((s) => s.id === 'pipeliner')!;
  const file = writeConfig({
    auth: { mode: 'none' },
    server: { logLevel: 'warn' },
    idempotency: { redisUrl: `redis://127.0.0.1:${port}` },
    sources: [pipeliner],
  });
  gateways = await Promise.all([startCli(['--config', file]), startCli(['--config', file])]);
});

afterAll(async () => {
  for (const g of gateways ?? []) g.child.kill('SIGTERM');
  await Promise.all((gateways ?? []).map((g) => g.exited));
  await proxy?.cut();
  await vendors?.stop();
});

function accountPosts(): number {
  return vendors.servers.pipeliner!.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/entities/Accounts')).length;
}

async function createAccount(gateway: Cli, idempotencyKey: string, name = 'Write Safety Ltd') {
  const res = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: CREATE, variables: { input: { source: 'pipeliner', name, idempotencyKey } } }),
  });
  return (await res.json()) as {
    data: { createAccount: { account: { id: string; name: string } | null; userErrors: unknown[]; warnings: string[] } } | null;
    errors?: Array<{ path: Array<string | number>; extensions: { code: string; retryable?: boolean } }>;
  };
}

it('ten concurrent identical keyed creates across two gateway processes write one record', async () => {
  const key = randomUUID();
  const before = accountPosts();
  const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => createAccount(gateways[i % 2]!, key)));
  const ids = new Set(answers.map((a) => a.data?.createAccount.account?.id));
  expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
  expect(ids.size).toBe(1);
  expect([...ids][0]).toEqual(expect.any(String));
  expect(accountPosts() - before).toBe(1);
});

it('Redis lost between the vendor write and the store: the answer carries the record, and retries write nothing more', async () => {
  const key = randomUUID();
  const before = accountPosts();
  vendors.servers.pipeliner!.afterNext({ match: { method: 'POST', pathIncludes: '/entities/Accounts' }, run: () => proxy.cut() });
  const first = await createAccount(gateways[0]!, key);
  const account = first.data?.createAccount.account;
  expect(account).toMatchObject({ name: 'Write Safety Ltd' });
  expect(first.data?.createAccount.warnings.join(' ')).toMatch(/idempotencyKey could not be saved/);

  // Still away: the same instance answers the retry from the outcome it kept.
  const whileAway = await createAccount(gateways[0]!, key);
  expect(whileAway.data?.createAccount.account?.id).toBe(account?.id);

  // Back: the kept outcome reaches Redis, so the other process answers it too.
  await proxy.open();
  let elsewhere: Awaited<ReturnType<typeof createAccount>> | null = null;
  for (let i = 0; i < 50; i++) {
    elsewhere = await createAccount(gateways[1]!, key);
    if (elsewhere.data?.createAccount.account) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(elsewhere?.data?.createAccount.account?.id).toBe(account?.id);
  expect(accountPosts() - before).toBe(1);
});

it('Redis away before a keyed create: a retryable error, and nothing is sent to the vendor', async () => {
  await proxy.cut();
  const before = vendors.servers.pipeliner!.requests().length;
  const answer = await createAccount(gateways[1]!, randomUUID());
  expect(answer.data?.createAccount.account).toBeNull();
  expect(answer.errors).toEqual([
    expect.objectContaining({ path: ['createAccount', 'account'], extensions: expect.objectContaining({ code: 'SOURCE_UNAVAILABLE', retryable: true }) }),
  ]);
  expect(vendors.servers.pipeliner!.requests().slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
});
