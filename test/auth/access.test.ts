import { randomUUID } from 'node:crypto';
import { encodeId } from '../../src/core/globalId';
import { startCli, startVendors, writeConfig, type Cli, type Vendors } from '../support/cli';
import { apiKey, AUDIENCE, bearer, poster, startIssuer, unsignedToken, type Issuer } from './support';

/**
 * Access control against the real CLI (DESIGN §10 Access), the vendor simulators in this
 * process so their request logs show what reached a vendor: authentication (API keys, JWTs from
 * a JWKS), scopes, per-source isolation, and — over everything this suite sent and the gateway
 * printed — that no key or token ever appears.
 */
let vendors: Vendors;
let issuer: Issuer;
let cli: Cli;
const answers: string[] = [];
const post = poster(() => cli.url, answers);

const reader = apiKey('reader', ['read']);
const writer = apiKey('writer', ['read', 'write']);
const rawReader = apiKey('raw-reader', ['read', 'raw']);
const pipelinerOnly = apiKey('pipeliner-only', ['read', 'write'], { sources: ['pipeliner'] });
const pipelinerOther = apiKey('pipeliner-other', ['read', 'write'], { sources: ['pipeliner'] });
/** Every secret a client sent: none may come back in an answer or a log line. */
const secrets: string[] = [reader.key, writer.key, rawReader.key, pipelinerOnly.key, pipelinerOther.key];
const secret = <T extends string>(s: T): T => {
  secrets.push(s);
  return s;
};

beforeAll(async () => {
  [vendors, issuer] = await Promise.all([startVendors(), startIssuer()]);
  const config = writeConfig({
    server: { host: '127.0.0.1', logLevel: 'info' },
    auth: {
      mode: 'required',
      apiKeys: [reader, writer, rawReader, pipelinerOnly, pipelinerOther].map((k) => k.entry),
      jwt: { issuer: issuer.iss, audience: AUDIENCE, jwksUrl: issuer.jwksUrl },
    },
    sources: vendors.sources,
  });
  cli = await startCli(['--config', config]);
}, 40_000);

afterAll(async () => {
  cli?.child.kill('SIGTERM');
  await cli?.exited;
  await Promise.all([vendors?.stop(), issuer?.close()]);
});

const LIST = '{ contacts(first: 2) { edges { node { id name } } } }';
const CREATE = `mutation($input: CreateContactInput!) {
  createContact(input: $input) { contact { id name source { id } } userErrors { field message code } plannedRequests { method path } } }`;

/** Lines the gateway logged (pino JSON), parsed. */
function logLines(): any[] {
  return cli
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
}

describe('with auth.mode "required"', () => {
  const now = Math.floor(Date.now() / 1000);
  const cases: Array<[string, () => Promise<Record<string, string>>, RegExp]> = [
    ['no credential', async () => ({}), /a credential is required/],
    ['a wrong API key', async () => ({ 'x-api-key': secret(`crmg_${randomUUID()}`) }), /unknown key/],
    ['a wrong API key as a bearer token', async () => bearer(secret(`crmg_${randomUUID()}`)), /unknown key/],
    ['an expired JWT', async () => bearer(secret(await issuer.sign({ exp: now - 600 }, { expiresIn: now - 600 }))), /expired/],
    ['a JWT of another issuer', async () => bearer(secret(await issuer.sign({ iss: 'https://evil.test/' }))), /another issuer/],
    ['a JWT for another audience', async () => bearer(secret(await issuer.sign({ aud: 'someone-else' }))), /another audience/],
    ['a JWT signed by another key (same kid)', async () => bearer(secret(await issuer.sign({}, { key: issuer.strangerKey }))), /bad signature/],
    ['a JWT signed by a key the issuer does not publish', async () => bearer(secret(await issuer.sign({}, { key: issuer.strangerKey, kid: 'k-rogue' }))), /unknown key/],
    ['an unsigned JWT (alg: none)', async () => bearer(secret(unsignedToken({ iss: issuer.iss, aud: AUDIENCE, sub: 'mallory', scope: 'read write', exp: now + 600 }))), /algorithm is not accepted|malformed/],
    ['a Basic credential', async () => ({ authorization: `Basic ${secret(Buffer.from('user:pass').toString('base64'))}` }), /Bearer scheme/],
  ];

  it.each(cases)('%s is refused with HTTP 401 UNAUTHENTICATED and a WWW-Authenticate challenge, before any vendor request', async (_name, headers, reason) => {
    const before = vendors.vendorRequests();
    const res = await post(LIST, await headers());
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="crmgraph"/);
    expect(res.body.errors).toEqual([{ message: expect.stringMatching(reason), extensions: { code: 'UNAUTHENTICATED' } }]);
    expect(res.body.data).toBeUndefined();
    expect(vendors.vendorRequests()).toBe(before);
  });

  it('logs each refusal with its request id and reason, never the credential', async () => {
    await post(LIST, { 'x-request-id': 'refused-1', 'x-api-key': secret(`crmg_${randomUUID()}`) });
    expect(logLines().find((l) => l.requestId === 'refused-1')).toMatchObject({
      msg: 'request refused',
      errorCodes: ['UNAUTHENTICATED'],
      presented: 'apiKey',
      reason: 'the API key is not valid (unknown key)',
      httpStatus: 401,
    });
  });

  it('lets a valid API key in, by Authorization or x-api-key, and logs its principal', async () => {
    for (const headers of [bearer(reader.key), { 'x-api-key': reader.key }]) {
      const res = await post(LIST, { ...headers, 'x-request-id': `ok-${headers['x-api-key'] ? 'x' : 'b'}` });
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.contacts.edges.length).toBeGreaterThan(0);
    }
    expect(logLines().find((l) => l.requestId === 'ok-x')).toMatchObject({ msg: 'graphql operation', principal: 'key:reader' });
  });

  it('lets a valid JWT in, with the scopes and sources its claims name, fetching the JWKS once', async () => {
    const token = secret(await issuer.sign({ sub: 'user-42', scope: 'read', crmgraph_sources: ['cin7'] }));
    const res = await post('{ sources { id } }', { ...bearer(token), 'x-request-id': 'jwt-1' });
    expect(res.body).toMatchObject({ data: { sources: [{ id: 'cin7' }] } });
    const again = await post('{ sources { id } }', bearer(token));
    expect(again.status).toBe(200);
    expect(issuer.fetches()).toBeLessThanOrEqual(2);
    expect(logLines().find((l) => l.requestId === 'jwt-1')).toMatchObject({ principal: 'jwt:user-42' });
  });
});

describe('scopes', () => {
  const contactPosts = (): number => vendors.servers['pipeliner']!.requests('POST').length;

  it('a read key cannot run a mutation that writes: FORBIDDEN naming "write", nothing sent to any vendor', async () => {
    const before = vendors.vendorRequests();
    const res = await post(CREATE, bearer(reader.key), { input: { source: 'pipeliner', lastName: 'Nope' } });
    expect(res.status).toBe(403);
    expect(res.body.errors).toEqual([{ message: expect.stringContaining('"write" scope'), extensions: { code: 'FORBIDDEN', scope: 'write' } }]);
    expect(res.body.data).toBeUndefined();
    const batch = await post(
      'mutation { createAccounts(inputs: [{ source: "pipeliner", name: "A", dryRun: true }, { source: "pipeliner", name: "B" }]) { account { id } } }',
      bearer(reader.key),
    );
    expect(batch.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(vendors.vendorRequests()).toBe(before);
  });

  it('a read key can run dry-run creates (literal or in variables), which write nothing', async () => {
    const posts = contactPosts();
    const res = await post(CREATE, bearer(reader.key), { input: { source: 'pipeliner', lastName: 'Planned', dryRun: true } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.createContact).toMatchObject({ contact: null, userErrors: [], plannedRequests: [expect.objectContaining({ method: 'POST' })] });
    const literal = await post('mutation { createAccount(input: { source: "pipeliner", name: "Plan", dryRun: true }) { userErrors { code } } }', bearer(reader.key));
    expect(literal.body).toEqual({ data: { createAccount: { userErrors: [] } }, extensions: expect.anything() });
    expect(contactPosts()).toBe(posts);
  });

  it('a write key can create', async () => {
    const posts = contactPosts();
    const res = await post(CREATE, bearer(writer.key), { input: { source: 'pipeliner', firstName: 'Wri', lastName: 'Ter' } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.createContact).toMatchObject({ contact: { name: 'Wri Ter', source: { id: 'pipeliner' } }, userErrors: [] });
    expect(contactPosts()).toBeGreaterThan(posts);
  });

  it('remoteData without the raw scope is FORBIDDEN at that field only; the rest of the answer is intact', async () => {
    const query = '{ contacts(sources: ["pipeliner"], first: 2) { edges { node { id name remoteData } } } }';
    const refused = await post(query, bearer(reader.key));
    expect(refused.status).toBe(200);
    const edges = refused.body.data.contacts.edges;
    expect(edges).toHaveLength(2);
    for (const e of edges) expect(e.node).toEqual({ id: expect.any(String), name: expect.any(String), remoteData: null });
    expect(refused.body.errors).toEqual(
      [0, 1].map((i) => ({
        message: expect.stringContaining('"raw" scope'),
        path: ['contacts', 'edges', i, 'node', 'remoteData'],
        locations: expect.anything(),
        extensions: { code: 'FORBIDDEN', retryable: false },
      })),
    );
    const allowed = await post(query, bearer(rawReader.key));
    expect(allowed.body.errors).toBeUndefined();
    expect(allowed.body.data.contacts.edges.map((e: any) => e.node.name)).toEqual(edges.map((e: any) => e.node.name));
    expect(allowed.body.data.contacts.edges[0].node.remoteData).toEqual(expect.objectContaining({ id: expect.any(String) }));
  });

  it('a JWT without the write scope cannot write; with it, it can', async () => {
    const readOnly = secret(await issuer.sign({ sub: 'user-ro', scope: 'read' }));
    const readWrite = secret(await issuer.sign({ sub: 'user-rw', scope: 'read write' }));
    const input = { source: 'pipeliner', lastName: 'Jot' };
    expect((await post(CREATE, bearer(readOnly), { input })).body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await post(CREATE, bearer(readWrite), { input })).body.data.createContact.contact.name).toBe('Jot');
  });
});

describe('a key limited to one source', () => {
  const as = bearer(pipelinerOnly.key);

  it('sees only that source in `sources`', async () => {
    expect((await post('{ sources { id } }', as)).body.data).toEqual({ sources: [{ id: 'pipeliner' }] });
  });

  it('gets NOT_FOUND for the id of another source\'s record, exactly as for a source that was never configured', async () => {
    const list = await post('{ contacts(sources: ["superoffice"], first: 1) { edges { node { id } } } }', bearer(writer.key));
    const hidden = list.body.data.contacts.edges[0].node.id as string;
    const before = vendors.vendorRequests();
    const res = await post('query($id: ID!) { node(id: $id) { id } }', as, { id: hidden });
    expect(res.body.data).toEqual({ node: null });
    expect(res.body.errors).toEqual([expect.objectContaining({ message: 'id: no source "superoffice" is configured', extensions: { code: 'NOT_FOUND', retryable: false } })]);
    const neverConfigured = await post('query($id: ID!) { node(id: $id) { id } }', as, { id: encodeId('Contact', 'nowhere', '1') });
    expect(neverConfigured.body.errors[0].message.replace('nowhere', 'superoffice')).toBe(res.body.errors[0].message);
    expect({ ...neverConfigured.body.errors[0], message: '' }).toEqual({ ...res.body.errors[0], message: '' });
    // Asked by name in a list it is refused the same way.
    const named = await post('{ contacts(sources: ["superoffice"], first: 1) { edges { node { id } } } }', as);
    expect(named.body.errors[0]).toMatchObject({ message: 'sources: no source "superoffice" is configured', extensions: { code: 'NOT_FOUND' } });
    expect(vendors.vendorRequests()).toBe(before);
  });

  it('lists without `sources` ask only that source', async () => {
    const res = await post('{ contacts(first: 50) { edges { node { source { id } } } } }', as);
    expect(res.body.errors).toBeUndefined();
    const sources = new Set(res.body.data.contacts.edges.map((e: any) => e.node.source.id));
    expect([...sources]).toEqual(['pipeliner']);
    expect(Object.keys(res.body.extensions.vendorRequests.bySource)).toEqual(['pipeliner']);
  });

  it('a create on another source is a userError on input.source, with no vendor write', async () => {
    const before = vendors.vendorRequests();
    const res = await post(CREATE, as, { input: { source: 'superoffice', lastName: 'Elsewhere' } });
    expect(res.body.data.createContact).toEqual({
      contact: null,
      userErrors: [{ field: ['input', 'source'], message: 'no source "superoffice" is configured', code: 'NOT_FOUND' }],
      plannedRequests: null,
    });
    expect(vendors.vendorRequests()).toBe(before);
  });

  it('its idempotency keys do not collide with another principal\'s', async () => {
    const idempotencyKey = randomUUID();
    const mine = await post(CREATE, as, { input: { source: 'pipeliner', lastName: 'Mine', idempotencyKey } });
    const theirs = await post(CREATE, bearer(pipelinerOther.key), { input: { source: 'pipeliner', lastName: 'Theirs', idempotencyKey } });
    expect(mine.body.data.createContact).toMatchObject({ contact: { name: 'Mine' }, userErrors: [] });
    expect(theirs.body.data.createContact).toMatchObject({ contact: { name: 'Theirs' }, userErrors: [] });
    expect(theirs.body.data.createContact.contact.id).not.toBe(mine.body.data.createContact.contact.id);
    const replay = await post(CREATE, as, { input: { source: 'pipeliner', lastName: 'Mine', idempotencyKey } });
    expect(replay.body.data.createContact.contact.id).toBe(mine.body.data.createContact.contact.id);
  });
});

describe('the canary', () => {
  it('no key and no token this suite sent appears in any answer or anything the gateway printed', async () => {
    // One more of each kind of answer, so the last lines are in.
    await post(LIST, { 'x-api-key': reader.key });
    await post(LIST, bearer(secrets[secrets.length - 1]!));
    const printed = cli.output();
    expect(printed.length).toBeGreaterThan(1000);
    expect(answers.length).toBeGreaterThan(40);
    for (const s of secrets) {
      // The whole secret, and for a JWT its signature on its own.
      for (const needle of [s, s.split('.')[2]].filter((n): n is string => !!n && n.length >= 16)) {
        expect({ needle, inOutput: printed.includes(needle) }).toEqual({ needle, inOutput: false });
        expect({ needle, inAnswers: answers.some((a) => a.includes(needle)) }).toEqual({ needle, inAnswers: false });
      }
    }
  });
});
