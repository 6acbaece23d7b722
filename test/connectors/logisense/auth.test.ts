import { GatewayError } from '../../../src/core/errors';
import { recordingCall } from '../../support/calls';
import { expectNoPendingFaults, startLogiSense, type Setup } from './harness';

/** Something the connector reads that costs one resource request once logged in. */
const readAccount = (s: Setup, call = recordingCall()) => s.connector.getMany('ACCOUNT', ['10001'], call);

/** The fields of the first login as the simulator logged them. */
function loginForm(s: Setup): unknown {
  const body = s.sim.server.log[0]?.body;
  return typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : body;
}

async function authError(promise: Promise<unknown>): Promise<GatewayError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof GatewayError)) throw new Error(`expected a GatewayError, got ${String(err)}`);
  return err;
}

describe('LogiSense connector: tokens', () => {
  let s: Setup;
  afterEach(async () => {
    expectNoPendingFaults(s);
    await s.close();
  });

  it('logs in with a form-encoded password grant and reuses the token across operations', async () => {
    s = await startLogiSense();
    const first = recordingCall();
    await readAccount(s, first);
    await readAccount(s);
    await s.connector.listAll('CURRENCY', recordingCall());
    expect(s.calls()).toEqual(['POST login', 'GET Account/10001/Detail', 'GET Account/10001/Detail', 'GET Currency']);
    // The login counts against the operation that needed it.
    expect(first.events.map((e) => `${e.method} ${e.path}`)).toEqual([
      'POST /AuthorizationServer/api/v6/Access/Login',
      'GET /ResourceServer/api/v6/Account/10001/Detail',
    ]);
    // The simulator answers only form-encoded logins; its log keeps the fields, secrets redacted.
    expect(loginForm(s)).toEqual({
      grant_type: 'password',
      client_id: s.sim.credentials.clientId,
      username: s.sim.credentials.username,
      password: '[redacted]',
    });
  });

  it('shares one login between concurrent first calls', async () => {
    s = await startLogiSense();
    await Promise.all([readAccount(s), readAccount(s), s.connector.listAll('CURRENCY', recordingCall())]);
    expect(s.logins()).toBe(1);
  });

  it('logs in with client_id and client_secret when configured so', async () => {
    s = await startLogiSense();
    const c = s.sim.credentials;
    await s.close();
    s = await startLogiSense({ source: { credentials: { clientId: c.clientId, clientSecret: c.clientSecret } } });
    expect(await readAccount(s)).toHaveLength(1);
    expect(loginForm(s)).toEqual({ grant_type: 'password', client_id: c.clientId, client_secret: '[redacted]' });
  });

  it('makes token expiry mid-run invisible, at the cost of exactly one re-login for concurrent calls', async () => {
    s = await startLogiSense();
    await readAccount(s);
    s.sim.expireAllTokens();
    const call = recordingCall();
    const ids = ['10001', '10002', '10003', '10004', '10005'];
    const rows = await s.connector.getMany('ACCOUNT', ids, call);
    expect(rows.map((r) => r?.remoteId)).toEqual(ids);
    expect(s.logins()).toBe(2);
    // Each read answered once with 200. (How many met a 401 first depends on timing: the simulator
    // re-issues a byte-identical token to a login in the same second, which revives the old one.)
    const statuses = call.events.filter((e) => e.path.includes('/Account/')).map((e) => e.status);
    expect(statuses.filter((x) => x === 200)).toHaveLength(ids.length);
    expect(statuses.filter((x) => x === 401).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((x) => x === 200 || x === 401)).toBe(true);
  });

  it('renews the token shortly before it expires instead of waiting for a 401', async () => {
    let now = Date.now();
    s = await startLogiSense({ deps: { now: () => now } });
    await readAccount(s);
    now += 1795 * 1000; // five seconds before the documented 1800 s lifetime ends
    await readAccount(s);
    expect(s.calls()).toEqual(['POST login', 'GET Account/10001/Detail', 'POST login', 'GET Account/10001/Detail']);
  });

  it('reads expires_in whether it comes as a number or a string', async () => {
    s = await startLogiSense({ sim: { switches: { expiresInType: 'string' } } });
    await readAccount(s);
    await readAccount(s);
    expect(s.logins()).toBe(1);
  });

  it('re-logs in only once when the vendor refuses the fresh token too', async () => {
    s = await startLogiSense();
    await readAccount(s);
    s.sim.server.failNext(
      {
        status: 401,
        body: { message: 'Authorization has been denied for this request.' },
        match: { pathIncludes: '/Account/' },
      },
      2,
    );
    const err = await authError(readAccount(s));
    expect(err.code).toBe('SOURCE_AUTH_FAILED');
    expect(s.logins()).toBe(2);
  });

  describe.each([
    [
      'a wrong password, answered 400 (default)',
      { badCredentialsStatus: 400 as const },
      { password: 'not-the-password' },
    ],
    ['a wrong password, answered 401', { badCredentialsStatus: 401 as const }, { password: 'not-the-password' }],
    ['an unknown client id', {}, { clientId: '0123456789abcdef0123456789abcdef' }],
    ['a wrong client secret', {}, { clientSecret: 'not-the-secret', username: undefined, password: undefined }],
  ])('with %s', (_name, switches, credentials) => {
    it('fails with SOURCE_AUTH_FAILED naming no credential or host', async () => {
      s = await startLogiSense({ sim: { switches } });
      const c = s.sim.credentials;
      await s.close();
      const given = Object.fromEntries(
        Object.entries({ clientId: c.clientId, username: c.username, password: c.password, ...credentials }).filter(
          ([, v]) => v !== undefined,
        ),
      );
      s = await startLogiSense({ sim: { switches }, source: { credentials: given } });
      const err = await authError(readAccount(s));
      expect(err.code).toBe('SOURCE_AUTH_FAILED');
      expect(err.detail).toMatchObject({ source: 'logisense', vendor: 'LOGISENSE' });
      const shown = `${err.message} ${JSON.stringify(err.detail)}`;
      for (const secret of [
        c.password,
        c.username,
        c.clientId,
        c.clientSecret,
        ...Object.values(given),
        s.sim.url,
        '127.0.0.1',
      ]) {
        expect(shown).not.toContain(secret);
      }
      expect(s.calls()).toEqual([`POST login`]);
    });
  });
});
