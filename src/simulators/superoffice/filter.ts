import { badRequest } from './errors';

/**
 * The `$filter` grammar of the archive endpoints (vendor notes §3; spec "Filter Operators"
 * text; the OData pages of the docs; the official request collection):
 *
 *   expr       := andExpr ( 'or' andExpr )*
 *   andExpr    := factor ( 'and' factor )*
 *   factor     := '(' expr ')' | func | comparison
 *   func       := ('startswith' | 'endswith') '(' column ',' literal ')'
 *               | 'substringof' '(' literal ',' column ')'        (either order accepted)
 *   comparison := column operator [ operand ]
 *   operand    := literal | '(' literal ( ',' literal )* ')'
 *   literal    := 'quoted' ('' escapes a quote; \' too unless switched off) | number | true | false
 *
 * Operators and keywords are case-insensitive; column names keep their spelling.
 */

export type Literal = string | number | boolean;

export type FilterExpr =
  | { kind: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { kind: 'cmp'; column: string; op: string; args: Literal[] }
  | { kind: 'func'; name: 'startswith' | 'endswith' | 'substringof'; column: string; value: string };

/** Operators that take no operand. */
export const UNARY_OPS = new Set([
  'today', 'beforetoday', 'aftertoday', 'lastweek', 'thisweek', 'nextweek', 'lastmonth', 'thismonth',
  'nextmonth', 'lastquarter', 'thisquarter', 'nextquarter', 'thishalf', 'thisyear', 'currentassociate',
]);

/** Operators whose operand is a parenthesised list. */
const LIST_OPS = new Set(['in', 'oneof', 'notoneof', 'between', 'datebetween', 'associateisoneof', 'associateisnotoneof']);

type Token =
  | { t: 'word'; v: string }
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: '(' | ')' | ',' | '=' };

/**
 * `backslashEscapesQuote`: the documentation shows only doubled quotes; whether NetServer also
 * reads `\'` as a quote is not documented. On by default — the reading that breaks a client
 * which writes a backslash before a quote, so a faithful client must never depend on it.
 */
export function parseFilter(text: string, backslashEscapesQuote = true): FilterExpr {
  const tokens = tokenize(text, backslashEscapesQuote);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isWord = (tok: Token | undefined, w: string): boolean => tok?.t === 'word' && tok.v.toLowerCase() === w;
  const expect = (t: Token['t']): void => {
    if (peek()?.t !== t) throw badRequest(`$filter: expected '${t}' at token ${pos + 1} in "${text}"`);
    pos++;
  };

  const literal = (): Literal => {
    const tok = peek();
    if (!tok) throw badRequest(`$filter: missing value in "${text}"`);
    if (tok.t === 'str' || tok.t === 'num') {
      pos++;
      return tok.v;
    }
    if (isWord(tok, 'true') || isWord(tok, 'false')) {
      pos++;
      return (tok as { v: string }).v.toLowerCase() === 'true';
    }
    throw badRequest(`$filter: expected a value at token ${pos + 1} in "${text}"`);
  };

  const isLiteralStart = (tok: Token | undefined): boolean =>
    tok !== undefined && (tok.t === 'str' || tok.t === 'num' || isWord(tok, 'true') || isWord(tok, 'false'));

  const listOperand = (): Literal[] => {
    if (peek()?.t !== '(') return [literal()];
    pos++;
    const values = [literal()];
    while (peek()?.t === ',') {
      pos++;
      values.push(literal());
    }
    expect(')');
    return values;
  };

  const func = (name: 'startswith' | 'endswith' | 'substringof'): FilterExpr => {
    expect('(');
    const a = peek();
    let column: string;
    let value: Literal;
    if (a?.t === 'word' && !isWord(a, 'true') && !isWord(a, 'false')) {
      pos++;
      column = a.v;
      expect(',');
      value = literal();
    } else {
      value = literal();
      expect(',');
      const b = peek();
      if (b?.t !== 'word') throw badRequest(`$filter: ${name} needs a column in "${text}"`);
      pos++;
      column = b.v;
    }
    expect(')');
    return { kind: 'func', name, column, value: String(value) };
  };

  const factor = (): FilterExpr => {
    const tok = peek();
    if (!tok) throw badRequest(`$filter: unexpected end of "${text}"`);
    if (tok.t === '(') {
      pos++;
      const e = expr();
      expect(')');
      return e;
    }
    if (tok.t !== 'word') throw badRequest(`$filter: expected a column at token ${pos + 1} in "${text}"`);
    const lower = tok.v.toLowerCase();
    if ((lower === 'startswith' || lower === 'endswith' || lower === 'substringof') && tokens[pos + 1]?.t === '(') {
      pos++;
      return func(lower);
    }
    pos++;
    const opTok = peek();
    let op: string;
    if (opTok?.t === '=') op = '=';
    else if (opTok?.t === 'word') op = opTok.v.toLowerCase();
    else throw badRequest(`$filter: expected an operator after '${tok.v}' in "${text}"`);
    pos++;
    let args: Literal[] = [];
    if (UNARY_OPS.has(op)) args = [];
    else if (op === 'set') args = isLiteralStart(peek()) ? [literal()] : [];
    else if (LIST_OPS.has(op)) args = listOperand();
    else args = [literal()];
    return { kind: 'cmp', column: tok.v, op, args };
  };

  const andExpr = (): FilterExpr => {
    let left = factor();
    while (isWord(peek(), 'and')) {
      pos++;
      left = { kind: 'and', left, right: factor() };
    }
    return left;
  };

  const expr = (): FilterExpr => {
    let left = andExpr();
    while (isWord(peek(), 'or')) {
      pos++;
      left = { kind: 'or', left, right: andExpr() };
    }
    return left;
  };

  const result = expr();
  if (pos !== tokens.length) throw badRequest(`$filter: unexpected text at token ${pos + 1} in "${text}"`);
  return result;
}

function tokenize(text: string, backslashEscapesQuote: boolean): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')' || ch === ',' || ch === '=') {
      out.push({ t: ch });
      i++;
    } else if (ch === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= text.length) throw badRequest(`$filter: unterminated string in "${text}"`);
        const c = text[i] as string;
        if (backslashEscapesQuote && c === '\\' && text[i + 1] === "'") {
          v += "'";
          i += 2;
        } else if (c === "'" && text[i + 1] === "'") {
          v += "'";
          i += 2;
        } else if (c === "'") {
          i++;
          break;
        } else {
          v += c;
          i++;
        }
      }
      out.push({ t: 'str', v });
    } else if (/[-\d]/.test(ch) && /^-?\d/.test(text.slice(i, i + 2))) {
      const m = /^-?\d+(?:\.\d+)?/.exec(text.slice(i));
      const s = m?.[0] ?? ch;
      out.push({ t: 'num', v: Number(s) });
      i += s.length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_/:.]*/.exec(text.slice(i));
      const s = m?.[0] ?? ch;
      out.push({ t: 'word', v: s });
      i += s.length;
    } else {
      throw badRequest(`$filter: unexpected character '${ch}' in "${text}"`);
    }
  }
  return out;
}
