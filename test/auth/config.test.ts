import { ConfigError, DEMO_CONFIG, parseConfigDocument } from '../../src/config';
import { hashKey } from '../../src/auth/apiKeys';

/** `auth`, `redis` and `server.ops` as a config file writes them; problems never quote a value. */
const source = { id: 'p', vendor: 'pipeliner', simulator: true };
const SECRET = 'sk-live-0123456789abcdef-SECRET-VALUE';

function problemsOf(raw: Record<string, unknown>): string[] {
  try {
    parseConfigDocument({ sources: [source], ...raw }, {}, 'crmgraph.config.json');
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('auth config', () => {
  it('requires authentication by default, and refuses a config that would let no one in', () => {
    expect(problemsOf({})).toEqual([
      'auth: requires authentication (the default) but lets no one in: list auth.apiKeys or set auth.jwt, or write "mode": "none" to run open',
    ]);
    const doc = parseConfigDocument({ sources: [source], auth: { apiKeys: [{ id: 'a', sha256: hashKey('k'), scopes: ['read'] }] } }, {});
    expect(doc.auth.mode).toBe('required');
  });

  it('runs the demo open', () => {
    expect(parseConfigDocument(DEMO_CONFIG, {}).auth.mode).toBe('none');
  });

  it('names a bad key entry without repeating its value', () => {
    const problems = problemsOf({ auth: { apiKeys: [{ id: 'a b', sha256: SECRET, scopes: ['admin'] }] } });
    expect(problems).toEqual([
      'auth.apiKeys[0].id: must be letters, digits and . _ : @ - (at most 128; it appears in logs)',
      'auth.apiKeys[0].sha256: must be a SHA-256 as 64 lowercase hex digits (npm run auth:hash-key -- <key> prints it)',
      'auth.apiKeys[0].scopes[0]: must be one of "read", "write", "delete", "raw"',
    ]);
    expect(problems.join('\n')).not.toContain(SECRET);
  });

  it('takes exactly one way to verify JWTs, pins algorithms to its kind, and never echoes a key or secret', () => {
    const jwt = { issuer: 'https://login.test/', audience: 'crmgraph' };
    expect(problemsOf({ auth: { jwt } })).toEqual(['auth.jwt: needs exactly one of jwksUrl, publicKey or secret']);
    expect(problemsOf({ auth: { jwt: { ...jwt, secret: 'x'.repeat(40), jwksUrl: 'https://login.test/jwks' } } })).toEqual([
      'auth.jwt: needs exactly one of jwksUrl, publicKey or secret',
    ]);
    expect(problemsOf({ auth: { jwt: { ...jwt, jwksUrl: 'https://login.test/jwks', algorithms: ['HS256', 'none'] } } })).toEqual([
      'auth.jwt.algorithms[1]: must be one of "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", "HS256", "HS384", "HS512"',
    ]);
    expect(problemsOf({ auth: { jwt: { ...jwt, jwksUrl: 'https://login.test/jwks', algorithms: ['HS256'] } } })).toEqual([
      'auth.jwt.algorithms[0]: must be an asymmetric algorithm with a public key or JWKS',
    ]);
    const weak = problemsOf({ auth: { jwt: { ...jwt, secret: 'short-SECRET' } } });
    expect(weak).toEqual(['auth.jwt.secret: must have at least 32 characters (an HMAC key shorter than its hash is weak)']);
    const garbage = problemsOf({ auth: { jwt: { ...jwt, publicKey: `-----BEGIN PUBLIC KEY-----\n${SECRET}\n-----END PUBLIC KEY-----` } } });
    expect(garbage).toEqual(['auth.jwt.publicKey: must be a public key as PEM (SPKI or a certificate) or as a JWK object']);
    expect(garbage.join()).not.toContain(SECRET);
  });

  it('validates redis and the operational endpoints', () => {
    expect(problemsOf({ auth: { mode: 'none' }, redis: { url: `http://${SECRET}` }, server: { ops: { tokenSha256: SECRET } } })).toEqual([
      'server.ops.tokenSha256: must be a SHA-256 as 64 lowercase hex digits (npm run auth:hash-key -- <token> prints it)',
      'redis.url: must be a URL with a scheme this key allows',
    ]);
  });
});
