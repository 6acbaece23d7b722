import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Starts the real CLI (`npm start`'s command) in demo mode and resolves to the printed URL. */
function startCli(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, CRMGRAPH_CONFIG: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line in 30 s:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /ready: (http:\/\/\S+)\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, output: () => out });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
}

describe('npm start with no config (demo mode)', () => {
  let cli: Awaited<ReturnType<typeof startCli>>;
  beforeAll(async () => {
    cli = await startCli({ PORT: '0' });
  }, 40_000);
  afterAll(() => {
    cli?.child.kill('SIGTERM');
  });

  it('prints the GraphQL URL and serves the playground to a browser there', async () => {
    expect(cli.url).toMatch(/^http:\/\/localhost:\d+\/graphql$/);
    const res = await fetch(cli.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toMatch(/<html/i);
  });

  it('answers GraphQL over HTTP from the seeded simulators', async () => {
    const res = await fetch(cli.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ sources { id vendor } contacts(first: 3) { totalCount edges { node { name primaryAccount { name } } } } }' }),
    });
    const body = (await res.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(body.data.sources.map((s: any) => s.vendor)).toEqual(expect.arrayContaining(['PIPELINER', 'LOGISENSE']));
    expect(body.data.contacts.edges).toHaveLength(3);
    expect(body.data.contacts.edges.every((e: any) => e.node.primaryAccount.name)).toBe(true);
  });

  it('serves health and Prometheus metrics', async () => {
    const base = cli.url.replace(/\/graphql$/, '');
    expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ status: 'ok' });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/crmgraph_vendor_requests_total\{source="pipeliner",method="GET",status="200"\} \d+/);
  });

  it('refuses a malformed JSON body with BAD_USER_INPUT', async () => {
    const res = await fetch(cli.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('npm start with a bad config', () => {
  it('exits naming the bad key', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'crmgraph-'));
    const file = join(dir, 'crmgraph.config.json');
    writeFileSync(file, JSON.stringify({ sources: [{ id: 'p', vendor: 'pipeliner', baseUrl: 'https://x.test', spaceId: 's', credentials: { username: 'u', password: '${NOPE_SECRET}' } }] }));
    const err = await startCli({ CRMGRAPH_CONFIG: file }).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(err).toContain('sources[0].credentials.password: environment variable NOPE_SECRET is not set');
  }, 40_000);
});
