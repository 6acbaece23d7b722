import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { startCli, startVendors, writeConfig, type Cli, type Vendors } from '../support/cli';
import { apiKey, bearer, poster, type Answer } from './support';

/**
 * Per-principal rate limits against the real CLI: a key's requests per second (in one process,
 * and held across two processes sharing Redis) and its vendor-request cost per minute.
 */
const REDIS_URL = process.env['CRMGRAPH_TEST_REDIS'] ?? 'redis://127.0.0.1:6379';
/** Each run its own keys: runs sharing one Redis never count each other's requests. */
const PREFIX = `crmgraph-test-${randomUUID()}:`;

const limited = apiKey('limited', ['read'], { rateLimit: { requestsPerSecond: 50 } });
const other = apiKey('other', ['read'], { rateLimit: { requestsPerSecond: 50 } });
const warm = apiKey('warm', ['read'], { rateLimit: { requestsPerSecond: 100_000 } });
const thrifty = apiKey('thrifty', ['read'], { rateLimit: { costPerMinute: 10 } });
const keys = [limited, other, warm, thrifty].map((k) => k.entry);

let vendors: Vendors;
const clis: Cli[] = [];

beforeAll(async () => {
  vendors = await startVendors();
}, 30_000);

afterAll(async () => {
  for (const cli of clis) cli.child.kill('SIGTERM');
  await Promise.all(clis.map((c) => c.exited));
  const redis = new Redis(REDIS_URL);
  const stale = await redis.keys(`${PREFIX}*`);
  if (stale.length > 0) await redis.del(...stale);
  redis.disconnect();
  await vendors?.stop();
});

async function gateway(redis: boolean): Promise<Cli> {
  const config = writeConfig({
    server: { host: '127.0.0.1', logLevel: 'warn' },
    auth: { apiKeys: keys },
    ...(redis ? { redis: { url: REDIS_URL, keyPrefix: PREFIX } } : {}),
    sources: vendors.sources,
  });
  const cli = await startCli(['--config', config]);
  clis.push(cli);
  return cli;
}

const CHEAP = '{ sources { id } }';

/**
 * Warms a gateway up and opens the connections a burst will use (fetch keeps them alive), so
 * the burst measures the gateway, not TCP handshakes on a loaded machine.
 */
async function warmUp(post: (q: string, h: Record<string, string>) => Promise<Answer>, connections: number): Promise<void> {
  for (let i = 0; i < 3; i++) await Promise.all(Array.from({ length: connections }, () => post(CHEAP, bearer(warm.key))));
}

/**
 * `n` requests at once from one key, after the gateway is warm; the refused ones and the time
 * taken. A loaded machine can stretch a burst past one second, into the limiter's next window:
 * `windows` says how many windows it touched, so a test asserts the limit, not the machine's speed.
 */
async function burst(posts: Array<(q: string, h: Record<string, string>) => Promise<Answer>>, key: string, n: number) {
  const started = performance.now();
  const answers = await Promise.all(Array.from({ length: n }, (_, i) => posts[i % posts.length]!(CHEAP, bearer(key))));
  const ms = performance.now() - started;
  const refused = answers.filter((a) => a.status === 429);
  const result = { answers, refused, served: n - refused.length, ms, windows: Math.ceil(ms / 1000) };
  // Figures for the notes: AUTH_REPORT=1 npx jest test/auth/rateLimits
  if (process.env['AUTH_REPORT']) process.stdout.write(`burst of ${n}: ${result.refused.length} refused in ${Math.round(result.ms)} ms\n`);
  return result;
}

describe('requests per second', () => {
  it('200 requests in one second from a key limited to 50/s: 150 refused with 429 and Retry-After; another key unaffected', async () => {
    const cli = await gateway(false);
    const post = poster(() => cli.url);
    await warmUp(post, 240);
    const [mine, theirs] = await Promise.all([burst([post], limited.key, 200), burst([post], other.key, 40)]);
    // 50 in the first window; a burst the machine stretched into a second window gets at most 50 more.
    expect(mine.served).toBeGreaterThanOrEqual(50);
    expect(mine.served).toBeLessThanOrEqual(50 * mine.windows);
    if (mine.windows === 1) expect(mine.refused).toHaveLength(150);
    expect(mine.answers.filter((a) => a.status === 200)).toHaveLength(mine.served);
    const r = mine.refused[0]!;
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(r.body.errors).toEqual([
      {
        message: expect.stringContaining('more than 50 requests a second'),
        extensions: { code: 'LIMIT_EXCEEDED', limit: 'auth.apiKeys[0].rateLimit.requestsPerSecond', limitValue: 50, retryable: true, retryAfterMs: expect.any(Number) },
      },
    ]);
    expect(r.body.errors[0].extensions.retryAfterMs).toBeGreaterThan(0);
    expect(r.body.errors[0].extensions.retryAfterMs).toBeLessThanOrEqual(1000);
    expect(theirs.refused).toHaveLength(0);
    // The window passes: the key is served again.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await post(CHEAP, bearer(limited.key))).status).toBe(200);
  }, 30_000);

  it('holds across two gateway processes sharing Redis', async () => {
    const [a, b] = await Promise.all([gateway(true), gateway(true)]);
    const posts = [poster(() => a.url), poster(() => b.url)];
    await Promise.all(posts.map((post) => warmUp(post, 100)));
    const both = await burst(posts, limited.key, 200);
    expect(both.served).toBeGreaterThanOrEqual(50);
    expect(both.served).toBeLessThanOrEqual(50 * both.windows);
    if (both.windows === 1) expect(both.refused).toHaveLength(150);
    // Each process refused some: the count is shared, not per process.
    const served = [0, 1].map((p) => both.answers.filter((ans, i) => i % 2 === p && ans.status === 200).length);
    expect(served[0]! + served[1]!).toBe(both.served);
    expect(Math.max(served[0]!, served[1]!)).toBeLessThan(100);
  }, 40_000);
});

describe('vendor-request cost per minute', () => {
  it('refuses, before any vendor call, an operation whose estimate exceeds what is left of the minute', async () => {
    const cli = clis[0]!;
    const post = poster(() => cli.url);
    // Four sources, one page each: an estimate of 4 vendor requests.
    const query = '{ contacts(first: 2) { edges { node { id } } } }';
    const first = await post(query, bearer(thrifty.key));
    expect(first.body.extensions.cost.estimated).toBe(4);
    expect((await post(query, bearer(thrifty.key))).status).toBe(200);
    const before = vendors.vendorRequests();
    const third = await post(query, bearer(thrifty.key));
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(1);
    expect(third.body.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'LIMIT_EXCEEDED', limit: 'auth.apiKeys[3].rateLimit.costPerMinute', limitValue: 10, retryAfterMs: expect.any(Number) }),
      }),
    ]);
    expect(vendors.vendorRequests()).toBe(before);
    // A refused operation spent nothing: a cheaper one still fits.
    expect((await post('{ contacts(sources: ["pipeliner"], first: 2) { edges { node { id } } } }', bearer(thrifty.key))).status).toBe(200);
  }, 30_000);
});
