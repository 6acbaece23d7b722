import { fixture, shapeProblems, type Shape } from './support/contract';
import { startSimulator, type Harness } from './support/harness';

interface TokenFixture {
  paths: string[];
  response: Record<string, Shape>;
  expiresIn: number;
  clientIdPattern: string;
  accessTokenHeaderAlg: string;
  accessTokenStringClaims: string[];
  accessTokenNumericClaims: string[];
  issuer: string;
  refreshTokenClaims: string[];
}
const fx = fixture<TokenFixture>('token.json');

const decode = (part: string | undefined): Record<string, unknown> =>
  JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

describe('LogiSense simulator: token login', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSimulator({ accounts: 2 });
  });
  afterAll(() => h.close());

  const passwordForm = () => ({
    grant_type: 'password',
    username: h.sim.credentials.username,
    password: h.sim.credentials.password,
    client_id: h.sim.credentials.clientId,
  });

  it.each(fx.paths)('issues a token at %s for a password login', async (path) => {
    const answer = await h.postLogin(passwordForm(), path);
    expect(answer.status).toBe(200);
    expect(shapeProblems(answer.body, fx.response)).toEqual([]);
    expect(answer.body['expires_in']).toBe(fx.expiresIn);
    expect(answer.body['audience']).toBe(h.sim.credentials.clientId);
  });

  it('matches login paths without regard to case, as a .NET host does', async () => {
    const answer = await h.postLogin(passwordForm(), '/authorizationserver/API/V6/access/login');
    expect(answer.status).toBe(200);
  });

  it('issues a token for client_id plus client_secret', async () => {
    const answer = await h.postLogin({ grant_type: 'password', client_id: h.sim.credentials.clientId, client_secret: h.sim.credentials.clientSecret });
    expect(answer.status).toBe(200);
    expect(typeof answer.body['access_token']).toBe('string');
  });

  it('hands out a 32-hex client id as LogiSense support does', () => {
    expect(h.sim.credentials.clientId).toMatch(new RegExp(fx.clientIdPattern));
  });

  it('gives .issued and .expires that are expires_in seconds apart', async () => {
    const answer = await h.postLogin(passwordForm());
    const issued = Date.parse(String(answer.body['.issued']));
    const expires = Date.parse(String(answer.body['.expires']));
    expect(expires - issued).toBe(fx.expiresIn * 1000);
  });

  it('issues a JWT-shaped access token with the documented header and claims', async () => {
    const answer = await h.postLogin(passwordForm());
    const [header, claims] = String(answer.body['access_token']).split('.');
    expect(decode(header)['alg']).toBe(fx.accessTokenHeaderAlg);
    const c = decode(claims);
    for (const k of fx.accessTokenStringClaims) expect(typeof c[k]).toBe('string');
    for (const k of fx.accessTokenNumericClaims) expect(typeof c[k]).toBe('number');
    expect(c['iss']).toBe(fx.issuer);
    expect(c['aud']).toBe(h.sim.credentials.clientId);
    const refresh = decode(String(answer.body['refresh_token']).split('.')[1]);
    for (const k of fx.refreshTokenClaims) expect(refresh).toHaveProperty(k);
  });

  it.each([
    ['a wrong password', { password: 'nope' }, 'invalid_grant'],
    ['an unknown user', { username: 'someone.else' }, 'invalid_grant'],
    ['an unknown client_id', { client_id: '00000000000000000000000000000000' }, 'invalid_client'],
  ])('refuses %s with 400 and an OAuth error body', async (_name, change, error) => {
    const answer = await h.postLogin({ ...passwordForm(), ...change });
    expect(answer.status).toBe(400);
    expect(answer.body['error']).toBe(error);
    expect(answer.body).not.toHaveProperty('access_token');
  });

  it('refuses a wrong client secret', async () => {
    const answer = await h.postLogin({ grant_type: 'password', client_id: h.sim.credentials.clientId, client_secret: 'wrong' });
    expect(answer.status).toBe(400);
    expect(answer.body['error']).toBe('invalid_client');
  });

  it('answers bad credentials with 401 when the badCredentialsStatus switch says so', async () => {
    h.sim.switches.badCredentialsStatus = 401;
    try {
      const answer = await h.postLogin({ ...passwordForm(), password: 'nope' });
      expect(answer.status).toBe(401);
    } finally {
      h.sim.switches.badCredentialsStatus = 400;
    }
  });

  it.each([
    ['no grant_type', { grant_type: '' }, 'invalid_request'],
    ['grant_type refresh_token (no refresh flow is documented)', { grant_type: 'refresh_token' }, 'unsupported_grant_type'],
    ['grant_type client_credentials', { grant_type: 'client_credentials' }, 'unsupported_grant_type'],
    ['no client_id', { client_id: '' }, 'invalid_request'],
  ])('refuses a login with %s', async (_name, change, error) => {
    const form: Record<string, string> = { ...passwordForm(), ...change };
    for (const [k, v] of Object.entries(form)) if (v === '') delete form[k];
    const answer = await h.postLogin(form);
    expect(answer.status).toBe(400);
    expect(answer.body['error']).toBe(error);
  });

  it('refuses a login whose body is JSON instead of form-encoded', async () => {
    const res = await fetch(`${h.sim.authBase}/Access/Login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(passwordForm()),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Record<string, unknown>)['error']).toBe('invalid_request');
  });

  it('refuses a GET on the token endpoint', async () => {
    const res = await fetch(`${h.sim.authBase}/Access/Login`);
    expect(res.status).toBe(400);
  });

  it('does not serve the token endpoint under another API version', async () => {
    const answer = await h.postLogin(passwordForm(), '/AuthorizationServer/api/v10/Access/Login');
    expect(answer.status).toBe(404);
  });

  it('reports expires_in as a string when the expiresInType switch says so', async () => {
    h.sim.switches.expiresInType = 'string';
    try {
      const answer = await h.postLogin(passwordForm());
      expect(answer.body['expires_in']).toBe('1800');
    } finally {
      h.sim.switches.expiresInType = 'number';
    }
  });

  it('keeps passwords and secrets out of the request log', async () => {
    await h.postLogin(passwordForm());
    await h.postLogin({ grant_type: 'password', client_id: h.sim.credentials.clientId, client_secret: h.sim.credentials.clientSecret });
    const logged = JSON.stringify(h.sim.server.requests('POST', '/Access/Login'));
    expect(logged).not.toContain(h.sim.credentials.password);
    expect(logged).not.toContain(h.sim.credentials.clientSecret);
    expect(logged).toContain('redacted');
  });
});
