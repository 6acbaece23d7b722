import { decodeId, encodeId } from '../../src/core/globalId';
import { GatewayError } from '../../src/core/errors';

describe('global ids', () => {
  it('round-trip kind, source and a remote id that contains colons', () => {
    const id = encodeId('Contact', 'pipeliner-eu', 'a:b:c');
    expect(decodeId(id)).toEqual({ kind: 'Contact', source: 'pipeliner-eu', remoteId: 'a:b:c' });
  });

  it('are opaque url-safe strings', () => {
    expect(encodeId('Account', 'x', '00000000-0000-0000-0000-000000000001')).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([['not an id'], [''], [Buffer.from('Bogus:x:1').toString('base64url')], [Buffer.from('Contact::1').toString('base64url')]])(
    'refuse %j with BAD_USER_INPUT naming the argument',
    (bad) => {
      const err = (() => {
        try {
          decodeId(bad, 'input.accountId');
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(err).toBeInstanceOf(GatewayError);
      expect((err as GatewayError).code).toBe('BAD_USER_INPUT');
      expect((err as GatewayError).message).toContain('input.accountId');
    },
  );
});
