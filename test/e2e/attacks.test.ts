import { request as httpRequest } from 'node:http';
import { startCli, startVendors, writeConfig, type Cli } from '../support/cli';

/**
 * Hostile requests against the real CLI, the vendor simulators in this process so their
 * request logs show whether anything reached a vendor. Each attack is refused cheaply with
 * LIMIT_EXCEEDED (or 413/408) before any vendor request, while a small query sent alongside
 * keeps answering and the gateway's memory stays bounded.
 */

/** What a refusal or a concurrent probe may take, wall clock on a loaded 2-core machine. */
const QUICK_MS = 100;

interface Answer {
  status: number;
  body: any;
  ms: number;
}

let cli: Cli;
let vendors: Awaited<ReturnType<typeof startVendors>>;

beforeAll(async () => {
  vendors = await startVendors();
  const config = writeConfig({
    server: { host: '127.0.0.1', logLevel: 'warn', introspection: true, limits: { bodyTimeoutMs: 1000 } },
    sources: vendors.sources,
  });
  cli = await startCli(['--config', config]);
  // A first request compiles the code paths; the timings below are of a warm gateway.
  for (let i = 0; i < 5; i++) await post(query('{ sources { id } }'));
}, 40_000);

afterAll(async () => {
  if (process.env['ATTACK_REPORT']) process.stdout.write(`${report.join('\n')}\n`);
  cli?.child.kill('SIGTERM');
  await cli?.exited;
  await vendors?.stop();
});

/**
 * The quickest of three identical refusals: each is the same work for the gateway, so the
 * fastest is its cost and the others add only this machine's scheduling (other suites share
 * its two cores).
 */
async function quickest(send: () => Promise<Answer>): Promise<Answer> {
  const answers = [await send(), await send(), await send()];
  for (const a of answers) expect(a.body).toEqual(answers[0]!.body);
  return answers.reduce((a, b) => (b.ms < a.ms ? b : a));
}

async function post(body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(cli.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the assertion message
  }
  return { status: res.status, body: parsed, ms: performance.now() - started };
}

const query = (q: string): string => JSON.stringify({ query: q });

/** Runs `attack` while probing `{ sources { id } }` every 20 ms; resolves to both outcomes. */
/** Figures of each attack, printed with ATTACK_REPORT=1 (what the closing notes quote). */
const report: string[] = [];

async function underAttack<T>(attack: () => Promise<T>): Promise<{ result: T; probes: number[] }> {
  const probes: number[] = [];
  let done = false;
  const probing = (async () => {
    while (!done) {
      const p = await post(query('{ sources { id } }'));
      expect(p.body.data.sources).toHaveLength(4);
      probes.push(p.ms);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  try {
    const result = await attack();
    const ms = (result as { ms?: number }).ms;
    report.push(`${expect.getState().currentTestName}: ${ms === undefined ? '' : `${ms.toFixed(0)} ms, `}probe median ${median(probes).toFixed(0)} ms of ${probes.length}, RSS ${cli.rssMb()?.toFixed(0)} MB`);
    return { result, probes };
  } finally {
    done = true;
    await probing;
  }
}

function expectRefused(a: Answer, limit: string): void {
  expect(a.body.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: `server.limits.${limit}` });
  expect(a.body.data).toBeUndefined();
}

/** A median, so one scheduling hiccup of the machine does not decide. */
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

describe('attack battery against the CLI', () => {
  let before = 0;
  beforeEach(() => {
    before = vendors.vendorRequests();
  });
  afterEach(() => {
    // Nothing of any attack reached a vendor, and the process lives within its memory.
    expect(vendors.vendorRequests()).toBe(before);
    expect(cli.child.exitCode).toBeNull();
    const rss = cli.rssMb();
    if (rss !== null) expect(rss).toBeLessThan(300);
  });

  it('answers a fragment bomb (ten fragments each spreading the next ten times) at once: spreads merge, as in execution', async () => {
    const fragments = Array.from({ length: 10 }, (_, i) =>
      i < 9 ? `fragment F${i} on Source { ${`...F${i + 1} `.repeat(10)}}` : 'fragment F9 on Source { id }',
    );
    const { result, probes } = await underAttack(() => post(query(`{ sources { ...F0 } } ${fragments.join(' ')}`)));
    expect(result.body.data.sources).toHaveLength(4);
    expect(result.ms).toBeLessThan(QUICK_MS * 5);
    expect(median(probes)).toBeLessThan(QUICK_MS);
  });

  it('refuses an aliased fragment bomb by its aliases', async () => {
    const fragments = Array.from({ length: 10 }, (_, i) =>
      i < 9
        ? `fragment F${i} on Account { ${Array.from({ length: 10 }, (_, j) => `a${j}: contacts(first: 1) { edges { node { primaryAccount { ...F${i + 1} } } } }`).join(' ')} }`
        : 'fragment F9 on Account { name }',
    );
    const { result } = await underAttack(() => quickest(() => post(query(`{ accounts(first: 100) { edges { node { ...F0 } } } } ${fragments.join(' ')}`))));
    expectRefused(result, 'aliases');
    expect(result.ms).toBeLessThan(QUICK_MS);
  });

  it('refuses 1,000 aliases of contacts(first: 100)', async () => {
    const q = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: contacts(first: 100) { edges { node { id } } }`).join(' ')} }`;
    const { result, probes } = await underAttack(() => quickest(() => post(query(q))));
    expect(result.body.errors[0].extensions.code).toBe('LIMIT_EXCEEDED');
    expect(result.ms).toBeLessThan(QUICK_MS);
    expect(median(probes)).toBeLessThan(QUICK_MS);
  });

  it('refuses 1,000 cheap aliases by the alias limit', async () => {
    const q = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: sources { id }`).join(' ')} }`;
    const result = await post(query(q));
    expectRefused(result, 'aliases');
    expect(result.body.errors[0].message).toBe('The document has 1000 aliases; the limit is server.limits.aliases = 30');
  });

  it('refuses one field repeated thousands of times (quadratic for validation) by fieldRepeats', async () => {
    const { result, probes } = await underAttack(() => quickest(() => post(query(`{ ${'sources { id } '.repeat(2400)}}`))));
    expectRefused(result, 'fieldRepeats');
    expect(result.ms).toBeLessThan(QUICK_MS);
    expect(median(probes)).toBeLessThan(QUICK_MS);
  });

  it('refuses 16 concurrent alias bombs, each quickly', async () => {
    const q = query(`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: contacts(first: 100) { edges { node { id name } } }`).join(' ')} }`);
    const { result, probes } = await underAttack(() => Promise.all(Array.from({ length: 16 }, () => post(q))));
    for (const r of result) expect(r.body.errors[0].extensions.code).toBe('LIMIT_EXCEEDED');
    expect(median(result.map((r) => r.ms))).toBeLessThan(QUICK_MS * 5);
    // Sixteen 70 kB bodies are read and judged meanwhile: on two shared cores, allow twice.
    expect(median(probes)).toBeLessThan(QUICK_MS * 2);
  });

  it('refuses a query of 100,000 tokens by the token limit', async () => {
    const q = `{ sources { ${'id '.repeat(100_000)}} }`;
    const { result } = await underAttack(() => quickest(() => post(query(q))));
    expectRefused(result, 'tokens');
    expect(result.ms).toBeLessThan(QUICK_MS);
  });

  it('refuses an operation whose estimated vendor requests pass the cost limit, and shows the estimate otherwise', async () => {
    const costly = `{ contacts(first: 100) { edges { node { accounts { account { contacts(first: 100) { edges { node { owner { name } } } } } } } } } }`;
    const { result } = await underAttack(() => post(query(costly)));
    expectRefused(result, 'cost');
    const cheap = await post(query('{ sources { id } }'));
    expect(cheap.body.extensions.cost).toEqual({ estimated: 0, limit: 1000 });
  });

  // A client still sending when the gateway refuses may see the answer, or only the connection
  // closing (which side wins is the machine's timing): the gateway's log line says what it did.
  it.each([
    ['refuses a 60 MB body with 413 as soon as its length is declared', 60, true, 60],
    ['cuts off a 520 MB body sent without a length after the limit, with 413', 520, false, 100],
  ])('%s', async (_name, mb, declareLength, maxSentMb) => {
    const refusedBefore = refusals(413);
    const { result } = await underAttack(() => sendBody(mb * 1024 * 1024, declareLength));
    if (result.status !== null) expect(result.status).toBe(413);
    expect(refusals(413)).toBe(refusedBefore + 1);
    expect(result.sentMb).toBeLessThan(maxSentMb);
  });

  it('gives up on a client that sends its body slowly (408 after server.limits.bodyTimeoutMs) without holding up others', async () => {
    const { result, probes } = await underAttack(() => slowBody());
    expect(result.status).toBe(408);
    expect(result.ms).toBeGreaterThanOrEqual(900);
    expect(result.ms).toBeLessThan(3000);
    expect(median(probes)).toBeLessThan(QUICK_MS);
  });
});

/** The gateway's `request refused` log lines with this HTTP status so far. */
function refusals(status: number): number {
  return cli
    .output()
    .split('\n')
    .filter((line) => line.includes('"msg":"request refused"') && line.includes(`"httpStatus":${status}`) && line.includes('server.limits.bodyBytes'))
    .length;
}

/**
 * POSTs `bytes` of body (declared by content-length, or chunked) as fast as the gateway takes
 * it, until it answers or closes; the status is null when it closed before this client read an
 * answer.
 */
function sendBody(bytes: number, declareLength: boolean): Promise<{ status: number | null; sentMb: number }> {
  return new Promise((resolve) => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    let done = false;
    const finish = (status: number | null): void => {
      if (done) return;
      done = true;
      req.destroy();
      resolve({ status, sentMb: sent / 1024 / 1024 });
    };
    const headers = { 'content-type': 'application/json', ...(declareLength ? { 'content-length': String(bytes) } : { 'transfer-encoding': 'chunked' }) };
    const req = httpRequest(cli.url, { method: 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => finish(res.statusCode ?? null));
      res.on('error', () => finish(res.statusCode ?? null));
    });
    req.on('error', () => finish(null));
    req.on('close', () => setTimeout(() => finish(null), 200));
    const pump = (): void => {
      while (!done && sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!done) req.end();
    };
    pump();
  });
}

/** Declares a 1,000-byte body and sends 10 bytes every 200 ms. */
function slowBody(): Promise<{ status: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = httpRequest(cli.url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '1000' } });
    const timer = setInterval(() => req.write('          '), 200);
    req.on('response', (res) => {
      clearInterval(timer);
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.on('error', (err) => {
      clearInterval(timer);
      reject(err);
    });
  });
}
