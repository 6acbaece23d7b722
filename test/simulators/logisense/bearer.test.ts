import { startSimulator, type Harness } from './support/harness';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe('LogiSense simulator: Bearer tokens on resource calls', () => {
  let h: Harness;
  let clock = Date.UTC(2024, 0, 1);
  beforeAll(async () => {
    h = await startSimulator({ accounts: 2, now: () => clock });
  });
  afterAll(() => h.close());

  it('serves a resource call that carries a fresh token', async () => {
    const token = await h.login();
    expect((await h.call('GET', 'Currency', { token })).status).toBe(200);
  });

  it.each([
    ['no Authorization header', null],
    ['an unknown token', 'not-a-token'],
    ['a forged JWT-shaped token', 'eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'],
  ])('answers 401 with a trackingId for %s', async (_name, token) => {
    const answer = await h.call('GET', 'Contact', { token });
    expect(answer.status).toBe(401);
    expect(answer.body['trackingId']).toMatch(GUID);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('answers 401 once a token has lived its 1800 seconds', async () => {
    const token = await h.login();
    clock += 1799 * 1000;
    expect((await h.call('GET', 'Contact', { token })).status).toBe(200);
    clock += 1000;
    expect((await h.call('GET', 'Contact', { token })).status).toBe(401);
  });

  it('uses the tokenLifetimeSeconds switch for new tokens and their expires_in', async () => {
    h.sim.switches.tokenLifetimeSeconds = 60;
    try {
      const c = h.sim.credentials;
      const answer = await h.postLogin({ grant_type: 'password', username: c.username, password: c.password, client_id: c.clientId });
      expect(answer.body['expires_in']).toBe(60);
      const token = String(answer.body['access_token']);
      clock += 60 * 1000;
      expect((await h.call('GET', 'Contact', { token })).status).toBe(401);
    } finally {
      h.sim.switches.tokenLifetimeSeconds = 1800;
    }
  });

  it('refuses every earlier token after expireAllTokens and accepts a new login', async () => {
    const before = await h.login();
    h.sim.expireAllTokens();
    expect(h.sim.liveTokens()).toBe(0);
    expect((await h.call('GET', 'Contact', { token: before })).status).toBe(401);
    clock += 1000; // a new second, so the new token differs from the expired one
    const after = await h.login();
    expect((await h.call('GET', 'Contact', { token: after })).status).toBe(200);
  });

  it('refuses a token sent without the Bearer prefix unless the switch allows it', async () => {
    const token = await h.login();
    const raw = () => fetch(`${h.sim.resourceBase}/Contact`, { headers: { authorization: token } });
    expect((await raw()).status).toBe(401);
    h.sim.switches.acceptTokenWithoutBearer = true;
    try {
      expect((await raw()).status).toBe(200);
    } finally {
      h.sim.switches.acceptTokenWithoutBearer = false;
    }
  });

  it('accepts the Bearer scheme in any letter case', async () => {
    const token = await h.login();
    const res = await fetch(`${h.sim.resourceBase}/Contact`, { headers: { authorization: `bearer ${token}` } });
    expect(res.status).toBe(200);
  });

  it('ignores an UpdateRequest header on writes', async () => {
    const answer = await h.call('PUT', 'Contact/20001', {
      body: { firstName: 'Renamed' },
      headers: { UpdateRequest: JSON.stringify({ filters: ['firstName'] }) },
    });
    expect(answer.status).toBe(200);
  });
});
