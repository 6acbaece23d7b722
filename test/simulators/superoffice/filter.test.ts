import { parseFilter } from '../../../src/simulators/superoffice/filter';

describe('SuperOffice $filter grammar', () => {
  it('parses a comparison with a word operator or =', () => {
    expect(parseFilter('contactId eq 5')).toEqual({ kind: 'cmp', column: 'contactId', op: 'eq', args: [5] });
    expect(parseFilter('contactId = 5')).toEqual({ kind: 'cmp', column: 'contactId', op: '=', args: [5] });
  });

  it('lower-cases operators and keeps column spelling, including / and : in names', () => {
    expect(parseFilter("contactUdef/SuperOffice:1 Contains 'x'")).toEqual({
      kind: 'cmp',
      column: 'contactUdef/SuperOffice:1',
      op: 'contains',
      args: ['x'],
    });
  });

  it('parses parenthesised lists for in/oneOf/between', () => {
    expect(parseFilter('personId in (5,6,7,8)')).toMatchObject({ op: 'in', args: [5, 6, 7, 8] });
    expect(parseFilter("name between ('A','S')")).toMatchObject({ op: 'between', args: ['A', 'S'] });
    expect(parseFilter('category oneOf 3')).toMatchObject({ op: 'oneof', args: [3] });
  });

  it('parses unary operators and set with or without a value', () => {
    expect(parseFilter('date thisYear')).toMatchObject({ op: 'thisyear', args: [] });
    expect(parseFilter('hasInterests set true')).toMatchObject({ op: 'set', args: [true] });
    expect(parseFilter('hasInterests set and contactId eq 1')).toMatchObject({ kind: 'and', left: { op: 'set', args: [] } });
  });

  it('binds and tighter than or, and honours parentheses', () => {
    expect(parseFilter('a eq 1 or b eq 2 and c eq 3')).toMatchObject({ kind: 'or', right: { kind: 'and' } });
    expect(parseFilter('(a eq 1 or b eq 2) and c eq 3')).toMatchObject({ kind: 'and', left: { kind: 'or' } });
  });

  it('parses OData functions in either argument order', () => {
    expect(parseFilter("startswith(name, 'baz')")).toEqual({ kind: 'func', name: 'startswith', column: 'name', value: 'baz' });
    expect(parseFilter("substringof('baz', name)")).toEqual({ kind: 'func', name: 'substringof', column: 'name', value: 'baz' });
  });

  it('reads doubled and backslashed quotes inside strings, and negative numbers', () => {
    expect(parseFilter("lastName contains 'L\\'Oréal'")).toMatchObject({ args: ["L'Oréal"] });
    expect(parseFilter("lastName is 'O''Brien'")).toMatchObject({ args: ["O'Brien"] });
    expect(parseFilter('amount gt -5.5')).toMatchObject({ args: [-5.5] });
  });

  it.each(['contactId eq', "name is 'open", 'contactId eq 5)', 'and eq 1 1', '(contactId eq 5', 'contactId # 5'])(
    'refuses the malformed filter %p with a 400 error',
    (text) => {
      expect(() => parseFilter(text)).toThrow(expect.objectContaining({ status: 400, errorType: 'ArgumentException' }));
    },
  );
});
