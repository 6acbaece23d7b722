import { ApiKeyTable, hashKey, mintKey } from '../../src/auth/apiKeys';
import { credentialOf } from '../../src/auth/credentials';

describe('credentials', () => {
  it.each([
    [{}, { kind: 'none' }],
    [{ 'x-api-key': 'crmg_abc' }, { kind: 'apiKey', secret: 'crmg_abc' }],
    [{ authorization: 'Bearer crmg_abc' }, { kind: 'apiKey', secret: 'crmg_abc' }],
    [{ authorization: 'bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' }, { kind: 'jwt', secret: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' }],
    [{ authorization: 'Basic dTpw' }, { kind: 'malformed', reason: 'Authorization must use the Bearer scheme' }],
    [{ authorization: 'Bearer' }, { kind: 'malformed', reason: 'Authorization must be "Bearer <API key or JWT>"' }],
    [{ authorization: 'Bearer a', 'x-api-key': 'b' }, { kind: 'malformed', reason: 'the request sends both Authorization and x-api-key; send one credential' }],
  ])('%j reads as %j', (headers, expected) => {
    expect(credentialOf(headers)).toEqual(expected);
  });

  it('finds a minted key by its hash, and only that key', () => {
    const keys = [mintKey(), mintKey()];
    expect(keys[0]).toMatch(/^crmg_[A-Za-z0-9_-]{43}$/);
    const table = new ApiKeyTable(keys.map((k, i) => ({ id: `k${i}`, sha256: hashKey(k), scopes: ['read' as const] })));
    expect(table.find(keys[1]!)).toMatchObject({ index: 1, config: { id: 'k1' } });
    expect(table.find(`${keys[1]!}x`)).toBeNull();
  });
});
