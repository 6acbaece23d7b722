import { HeaderMap } from '@apollo/server';
import { requestIdFrom } from '../../src/graphql/requestId';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdFrom', () => {
  it.each([
    ['a plain id', 'abc-123', 'abc-123'],
    ['a trace-style id', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
    ['an id with surrounding spaces, trimmed', '  req 42  ', 'req 42'],
    ['exactly 128 characters', 'x'.repeat(128), 'x'.repeat(128)],
  ])('keeps the client id: %s', (_name, sent, kept) => {
    expect(requestIdFrom({ 'x-request-id': sent })).toBe(kept);
  });

  it.each([
    ['no header', undefined],
    ['an empty value', ''],
    ['only spaces', '   '],
    ['129 characters', 'x'.repeat(129)],
    ['a line break', 'abc\ndef'],
    ['a control character', 'abc\u0007'],
    ['non-ASCII', 'réquête'],
  ])('generates a UUID for %s', (_name, sent) => {
    const headers = sent === undefined ? {} : { 'x-request-id': sent };
    expect(requestIdFrom(headers)).toMatch(UUID);
  });

  it('generates a different id for every request without one', () => {
    expect(requestIdFrom({})).not.toBe(requestIdFrom({}));
  });

  it("reads Apollo's HeaderMap, whose names are lower-cased", () => {
    const headers = new HeaderMap();
    headers.set('X-Request-Id', 'from-map');
    expect(requestIdFrom(headers)).toBe('from-map');
  });

  it('takes the first of repeated values', () => {
    expect(requestIdFrom({ 'x-request-id': ['first', 'second'] })).toBe('first');
  });
});
