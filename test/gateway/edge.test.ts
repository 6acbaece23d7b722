import pino from 'pino';
import { gatewayConfigSchema } from '../../src/config';
import { createGateway, type Gateway } from '../../src/server';
import { startVendors, type Vendors } from '../support/cli';

/**
 * The HTTP edge over the simulated vendors: the operation deadline, readiness with each
 * source's state, compression, CORS preflights and persisted-query misses.
 */
let vendors: Vendors;

beforeAll(async () => {
  vendors = await startVendors();
}, 30_000);

afterAll(async () => {
  await vendors.stop();
});

async function gateway(server: Record<string, unknown> = {}, sources: unknown[] = vendors.sources): Promise<{ gw: Gateway; url: string; base: string }> {
  const config = gatewayConfigSchema.parse({ server: { logLevel: 'silent', ...server }, auth: { mode: 'none' }, sources });
  const gw = await createGateway({ config, logger: pino({ level: 'silent' }) });
  const url = await gw.listen(0, '127.0.0.1');
  return { gw, url, base: url.replace(/\/graphql$/, '') };
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

it('abandons vendor calls still open at server.limits.operationTimeoutMs: that source answers SOURCE_TIMEOUT, the others answer', async () => {
  const sources = vendors.sources.map((s) => (s.id === 'superoffice' ? { ...s, timeoutMs: 60_000 } : s));
  const { gw, url } = await gateway({ limits: { operationTimeoutMs: 500 } }, sources);
  const so = vendors.servers['superoffice']!;
  try {
    so.latencyMs = 5_000;
    const started = Date.now();
    const body = (await (await post(url, { query: '{ contacts(first: 3) { edges { node { name } } } }' })).json()) as any;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: `Source "superoffice" had not answered when the operation's deadline passed`,
        extensions: expect.objectContaining({ code: 'SOURCE_TIMEOUT', source: 'superoffice' }),
      }),
    ]);
    expect(body.data.contacts.edges.length).toBe(3);
  } finally {
    so.latencyMs = 0;
    await gw.stop();
  }
});

it('reports on /readyz a source whose last calls all failed, by id and state; ready while another can serve', async () => {
  const { gw, url, base } = await gateway();
  const ls = vendors.servers['logisense']!;
  try {
    const before = (await (await fetch(`${base}/readyz`)).json()) as any;
    expect(before.sources.map((s: any) => [s.id, s.state])).toEqual([
      ['pipeliner', 'unknown'],
      ['superoffice', 'unknown'],
      ['cin7', 'unknown'],
      ['logisense', 'unknown'],
    ]);
    ls.setOutage({ status: 503 });
    await post(url, { query: '{ accounts(sources: ["logisense"], first: 1) { edges { node { name } } } }' });
    await post(url, { query: '{ accounts(sources: ["pipeliner"], first: 1) { edges { node { name } } } }' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as any;
    expect(body.status).toBe('ready');
    expect(body.sources.find((s: any) => s.id === 'logisense')).toMatchObject({ state: 'failing', lastStatus: 503 });
    expect(body.sources.find((s: any) => s.id === 'pipeliner')).toMatchObject({ state: 'ok', lastStatus: 200 });
    expect((await (await fetch(`${base}/healthz`)).json()) as any).toEqual({ status: 'ok' });
  } finally {
    ls.setOutage(null);
    await gw.stop();
  }
});

it('answers /readyz 503 when its only source is failing', async () => {
  const { gw, url, base } = await gateway({}, [{ ...vendors.sources.find((s) => s.id === 'pipeliner')!, baseUrl: 'http://127.0.0.1:9', maxRetries: 0 }]);
  try {
    for (let i = 0; i < 3; i++) await post(url, { query: `{ contacts(first: ${i + 1}) { edges { node { name } } } }` });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect((await ready.json()) as any).toMatchObject({ status: 'sources failing', sources: [{ id: 'pipeliner', state: 'failing', lastStatus: null }] });
  } finally {
    await gw.stop();
  }
});

it('compresses answers for clients that accept gzip or br', async () => {
  const { gw, url } = await gateway();
  try {
    const query = { query: '{ contacts(first: 50) { edges { node { name emails phones jobTitle } } } }' };
    for (const encoding of ['gzip', 'br']) {
      const res = await post(url, query, { 'accept-encoding': encoding });
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(((await res.json()) as any).data.contacts.edges).toHaveLength(50);
    }
    const plain = await post(url, query, { 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    // Uncompressed, but marked as varying by it, so no shared cache hands it to the wrong client.
    expect(plain.headers.get('vary')).toMatch(/Accept-Encoding/i);
  } finally {
    await gw.stop();
  }
});

it('answers CORS preflights from configured origins only, with the allowed methods and headers', async () => {
  const { gw, url } = await gateway({ cors: { origins: ['https://app.example.com', 'http://localhost:*'] } });
  const preflight = (origin: string): Promise<Response> =>
    fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization,x-request-id' } });
  try {
    for (const origin of ['https://app.example.com', 'http://localhost:5173']) {
      const res = await preflight(origin);
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-methods')).toBe('GET,POST,OPTIONS');
      expect(res.headers.get('access-control-allow-headers')).toBe('content-type,authorization,x-api-key,x-request-id,apollo-require-preflight');
    }
    const noOrigin = await post(url, { query: '{ sources { id } }' });
    expect(noOrigin.headers.get('vary')).toMatch(/Origin/);
    const denied = await preflight('https://evil.example.org');
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
    const none = await gateway();
    try {
      expect((await fetch(none.url, { method: 'OPTIONS', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' } })).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await none.gw.stop();
    }
  } finally {
    await gw.stop();
  }
});

it('answers an unknown persisted-query hash with PERSISTED_QUERY_NOT_FOUND, so the client sends the query', async () => {
  const { gw, url } = await gateway();
  try {
    const hash = 'a'.repeat(64);
    const miss = (await (await post(url, { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } })).json()) as any;
    expect(miss.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const query = '{ sources { id } }';
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256').update(query).digest('hex');
    const stored = (await (await post(url, { query, extensions: { persistedQuery: { version: 1, sha256Hash: sha } } })).json()) as any;
    expect(stored.data.sources).toHaveLength(4);
    const hit = (await (await post(url, { extensions: { persistedQuery: { version: 1, sha256Hash: sha } } })).json()) as any;
    expect(hit.data.sources).toHaveLength(4);
  } finally {
    await gw.stop();
  }
});

it('logs each refused request with its request id and limit, never the document', async () => {
  const lines: any[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const gw = await createGateway({ config: gatewayConfigSchema.parse({ server: {}, auth: { mode: 'none' }, sources: vendors.sources }), logger });
  const url = await gw.listen(0, '127.0.0.1');
  try {
    const query = `{ ${Array.from({ length: 40 }, (_, i) => `secretAlias${i}: sources { id }`).join(' ')} }`;
    const res = await post(url, { query }, { 'x-request-id': 'attack-1' });
    expect(((await res.json()) as any).errors[0].extensions.limit).toBe('server.limits.aliases');
    expect(lines.find((l) => l.msg === 'request refused')).toMatchObject({ requestId: 'attack-1', errorCodes: ['LIMIT_EXCEEDED'], limit: 'server.limits.aliases' });
    expect(JSON.stringify(lines)).not.toContain('secretAlias');
  } finally {
    await gw.stop();
  }
});
