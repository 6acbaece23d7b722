import { findJsonSyntaxError } from '../../src/config/jsonSyntax';

/** The position of a JSON error, found without quoting the text (JSON.parse's message does). */
describe('findJsonSyntaxError', () => {
  it.each([
    '{}',
    '[]',
    ' {"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"], "b": {"c": {}}}\n',
    '"just a string"',
    '0',
  ])('finds nothing in valid JSON %s, as JSON.parse', (text) => {
    expect(() => JSON.parse(text) as unknown).not.toThrow();
    expect(findJsonSyntaxError(text)).toBeNull();
  });

  it.each([
    ['', 1, 1, 'unexpected end of file'],
    ['{"a": 1,}', 1, 9, 'expected a double-quoted key'],
    ['{"a" 1}', 1, 6, "expected ':' after a key"],
    ['{"a": 1\n "b": 2}', 2, 2, "expected ',' or '}'"],
    ['[1, 2', 1, 6, 'unexpected end of file'],
    ['{"a": "tab\there"}', 1, 11, 'control character in a string (write it as an escape)'],
    ['{"a": "x\\q"}', 1, 9, 'bad escape'],
    ['{"a": 01}', 1, 8, "expected ',' or '}'"],
    ['{"a": tru}', 1, 7, 'expected a value'],
    ['{"a": "open', 1, 12, 'unterminated string'],
    ['{} {}', 1, 4, 'unexpected text after the end of the document'],
    ["{'a': 1}", 1, 2, 'expected a double-quoted key'],
  ])('%j: line %i, column %i, %s', (text, line, column, reason) => {
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
    expect(findJsonSyntaxError(text)).toEqual({ line, column, reason });
  });
});
