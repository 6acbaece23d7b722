import { wire } from './support/contract';
import { expectNoPendingFaults, startSim, toReply, type Harness } from './support/harness';

const basic = (user: string, key: string) => `Basic ${Buffer.from(`${user}:${key}`).toString('base64')}`;

describe('Cin7 simulator: Basic auth and per-endpoint permissions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSim({
      permissions: { Quotes: { read: false } },
      connections: [{ apiKey: 'reporting-key', permissions: { Contacts: { create: false, update: false, delete: false } } }],
    });
  });
  afterAll(() => h.close());
  afterEach(() => expectNoPendingFaults(h));

  const errors = wire().errors;

  it.each([
    ['no Authorization header', undefined],
    ['a wrong API key', basic('SimulatedOmniNZ', 'not-the-key')],
    ['a wrong API username', basic('SomeoneElse', 'c7sim0000000000000000000000000a1')],
    ['a Bearer token instead of Basic', 'Bearer c7sim0000000000000000000000000a1'],
    ['Basic with garbage instead of base64 user:key', 'Basic %%%'],
  ])('answers 401 "Unauthorized access" for %s', async (_name, authorization) => {
    const res = await toReply(await fetch(`${h.sim.apiBase}/v1/Contacts`, authorization ? { headers: { authorization } } : {}));
    expect(res.status).toBe(401);
    expect(res.body).toBe(errors['401']);
  });

  it('accepts the account username with the main key, and the scheme name in any case', async () => {
    expect((await h.get('/v1/Users')).status).toBe(200);
    const { username, apiKey } = h.sim.credentials;
    const lower = basic(username, apiKey).replace('Basic', 'basic');
    expect((await h.get('/v1/Users', { authorization: lower })).status).toBe(200);
  });

  it('answers 403 "Access is forbidden" when the key lacks the endpoint toggle, not 401', async () => {
    const res = await h.get('/v1/Quotes');
    expect(res.status).toBe(403);
    expect(res.body).toBe(errors['403']);
    expect((await h.get('/v1/Quotes/1')).status).toBe(403);
  });

  it('checks permissions per verb: a read-only connection reads contacts but cannot write or delete them', async () => {
    const reporting = h.sim.authHeaders('reporting-key');
    expect((await h.get('/v1/Contacts?rows=1', reporting)).status).toBe(200);
    const post = await h.send('POST', '/v1/Contacts', [{ type: 'Customer', company: 'Nope Ltd' }], reporting);
    expect(post.status).toBe(403);
    expect((await h.send('PUT', '/v1/Contacts', [{ id: 1, type: 'Customer' }], reporting)).status).toBe(403);
    expect((await h.send('DELETE', '/v1/Contacts/1', undefined, reporting)).status).toBe(403);
    expect(h.sim.store.contacts().some((c) => c.company === 'Nope Ltd')).toBe(false);
    // that connection may read quotes: the main key's toggles are its own
    expect((await h.get('/v1/Quotes?rows=1', reporting)).status).toBe(200);
  });

  it('applies permission changes made while running', async () => {
    h.sim.setPermissions({ Users: { read: false } });
    try {
      expect((await h.get('/v1/Users')).status).toBe(403);
      expect((await h.get('/v1/Quotes')).status).toBe(200);
    } finally {
      h.sim.setPermissions({ Quotes: { read: false } });
    }
  });

  it('never records the Authorization header in the request log', async () => {
    await h.get('/v1/Users');
    expect(JSON.stringify(h.sim.server.log)).not.toContain(h.sim.credentials.apiKey);
    expect(JSON.stringify(h.sim.server.log)).not.toContain(basic(h.sim.credentials.username, h.sim.credentials.apiKey).slice(6));
  });
});
