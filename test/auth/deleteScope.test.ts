import { SignJWT } from 'jose';
import { mintKey, hashKey } from '../../src/auth/apiKeys';
import { Authenticator } from '../../src/auth/authenticator';
import { authSchema } from '../../src/config/authSchema';

/**
 * The `delete` scope as configuration and credentials carry it: an API key may list it, a
 * JWT's scope claim grants it, and neither `write` nor anything else implies it.
 */
const SECRET = 'a-shared-secret-of-at-least-32-characters!';
const ISSUER = 'https://issuer.test/';

async function token(scope: string): Promise<string> {
  return new SignJWT({ scope })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience('crmgraph')
    .setSubject('user-7')
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(SECRET));
}

describe('the delete scope', () => {
  const deleter = mintKey();
  const writer = mintKey();
  const auth = new Authenticator(
    authSchema.parse({
      mode: 'required',
      apiKeys: [
        { id: 'cleanup-job', sha256: hashKey(deleter), scopes: ['read', 'delete'] },
        { id: 'sync-job', sha256: hashKey(writer), scopes: ['read', 'write'] },
      ],
      jwt: { issuer: ISSUER, audience: 'crmgraph', secret: SECRET },
    }),
  );
  const scopesOf = async (headers: Record<string, string>): Promise<string[]> => {
    const a = await auth.authenticate(headers);
    if (!a.ok) throw new Error(a.reason);
    return [...a.principal.scopes].sort();
  };

  it('is a scope an API key may list, and write does not include it', async () => {
    expect(await scopesOf({ 'x-api-key': deleter })).toEqual(['delete', 'read']);
    expect(await scopesOf({ 'x-api-key': writer })).toEqual(['read', 'write']);
  });

  it('comes from a JWT scope claim like the others', async () => {
    expect(await scopesOf({ authorization: `Bearer ${await token('read write delete')}` })).toEqual(['delete', 'read', 'write']);
    expect(await scopesOf({ authorization: `Bearer ${await token('read write admin')}` })).toEqual(['read', 'write']);
  });

  it('an unknown scope in the config is refused, naming the four', () => {
    const parsed = authSchema.safeParse({ mode: 'required', apiKeys: [{ id: 'x', sha256: hashKey(deleter), scopes: ['remove'] }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('"read"|"write"|"delete"|"raw"');
  });
});
