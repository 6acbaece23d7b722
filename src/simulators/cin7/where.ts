import { QueryError } from './errors';

/**
 * The `where` language (vendor notes §3): an SQL-like boolean expression over top-level fields.
 * Comparisons `= <> > < >= <=`, `[NOT] LIKE` with `%`/`_`, `[NOT] IN (…)`, `IS [NOT] NULL`,
 * joined by `AND`/`OR` (AND binds tighter, as in SQL); keywords in any case. Literals: strings in
 * single quotes with `''` for a quote, bare numbers, `true`/`false`. Parentheses group terms
 * unless the `whereParentheses` switch is off (Q7). This file only parses; `predicate.ts` checks
 * field names and types against the model.
 */
export type Literal =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'null' };

export type CompareOp = '=' | '<>' | '>' | '<' | '>=' | '<=';

export type WhereExpr =
  | { kind: 'and' | 'or'; left: WhereExpr; right: WhereExpr }
  | { kind: 'compare'; field: string; op: CompareOp; value: Literal }
  | { kind: 'like'; field: string; pattern: string; negate: boolean }
  | { kind: 'in'; field: string; values: Literal[]; negate: boolean }
  | { kind: 'isNull'; field: string; negate: boolean };

type Token =
  | { t: 'ident'; v: string; at: number }
  | { t: 'string'; v: string; at: number }
  | { t: 'number'; v: number; at: number }
  | { t: 'op'; v: string; at: number };

export const invalidWhere = (detail: string) => new QueryError(`The where argument is invalid: ${detail}.`);

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    if (c === "'") {
      let v = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw invalidWhere(`unclosed quote at position ${i + 1}`);
        const d = text.charAt(j);
        if (d === "'") {
          if (text.charAt(j + 1) === "'") {
            v += "'";
            j += 2;
            continue;
          }
          break;
        }
        v += d;
        j += 1;
      }
      out.push({ t: 'string', v, at: i });
      i = j + 1;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(text.slice(i));
    if (num) {
      out.push({ t: 'number', v: Number(num[0]), at: i });
      i += num[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(i));
    if (ident) {
      out.push({ t: 'ident', v: ident[0], at: i });
      i += ident[0].length;
      continue;
    }
    const op = /^(<=|>=|<>|=|<|>|\(|\)|,)/.exec(text.slice(i));
    if (op) {
      out.push({ t: 'op', v: op[0], at: i });
      i += op[0].length;
      continue;
    }
    throw invalidWhere(`unexpected '${c}' at position ${i + 1}`);
  }
  return out;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'like', 'in', 'is', 'null', 'true', 'false']);

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly parentheses: boolean,
  ) {}

  parse(): WhereExpr {
    const expr = this.or();
    const rest = this.tokens[this.i];
    if (rest) throw invalidWhere(`unexpected '${String(rest.v)}' at position ${rest.at + 1}`);
    return expr;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }
  private isWord(word: string): boolean {
    const tok = this.peek();
    return tok?.t === 'ident' && tok.v.toLowerCase() === word;
  }
  private isOp(op: string): boolean {
    const tok = this.peek();
    return tok?.t === 'op' && tok.v === op;
  }
  private expectWord(word: string): void {
    if (!this.isWord(word)) throw this.unexpected(`${word.toUpperCase()}`);
    this.i += 1;
  }
  private unexpected(wanted: string): QueryError {
    const tok = this.peek();
    return tok
      ? invalidWhere(`expected ${wanted} at position ${tok.at + 1}, found '${String(tok.v)}'`)
      : invalidWhere(`expected ${wanted} at the end`);
  }

  private or(): WhereExpr {
    let left = this.and();
    while (this.isWord('or')) {
      this.i += 1;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): WhereExpr {
    let left = this.primary();
    while (this.isWord('and')) {
      this.i += 1;
      left = { kind: 'and', left, right: this.primary() };
    }
    return left;
  }

  private primary(): WhereExpr {
    if (this.isOp('(')) {
      if (!this.parentheses) throw invalidWhere('parentheses are not supported');
      this.i += 1;
      const inner = this.or();
      if (!this.isOp(')')) throw this.unexpected("')'");
      this.i += 1;
      return inner;
    }
    return this.predicate();
  }

  private predicate(): WhereExpr {
    const tok = this.peek();
    if (tok?.t !== 'ident' || KEYWORDS.has(tok.v.toLowerCase())) throw this.unexpected('a field name');
    this.i += 1;
    const field = tok.v;
    const next = this.peek();
    if (next?.t === 'op' && ['=', '<>', '>', '<', '>=', '<='].includes(next.v)) {
      this.i += 1;
      return { kind: 'compare', field, op: next.v as CompareOp, value: this.literal() };
    }
    let negate = false;
    if (this.isWord('is')) {
      this.i += 1;
      if (this.isWord('not')) {
        this.i += 1;
        negate = true;
      }
      this.expectWord('null');
      return { kind: 'isNull', field, negate };
    }
    if (this.isWord('not')) {
      this.i += 1;
      negate = true;
    }
    if (this.isWord('like')) {
      this.i += 1;
      const pattern = this.peek();
      if (pattern?.t !== 'string') throw this.unexpected('a quoted LIKE pattern');
      this.i += 1;
      return { kind: 'like', field, pattern: pattern.v, negate };
    }
    if (this.isWord('in')) {
      this.i += 1;
      if (!this.isOp('(')) throw this.unexpected("'(' after IN");
      this.i += 1;
      const values: Literal[] = [this.literal()];
      while (this.isOp(',')) {
        this.i += 1;
        values.push(this.literal());
      }
      if (!this.isOp(')')) throw this.unexpected("',' or ')'");
      this.i += 1;
      return { kind: 'in', field, values, negate };
    }
    throw this.unexpected(negate ? 'LIKE or IN after NOT' : `an operator after '${field}'`);
  }

  private literal(): Literal {
    const tok = this.peek();
    if (!tok) throw this.unexpected('a value');
    if (tok.t === 'string') {
      this.i += 1;
      return { type: 'string', value: tok.v };
    }
    if (tok.t === 'number') {
      this.i += 1;
      return { type: 'number', value: tok.v };
    }
    if (tok.t === 'ident') {
      const word = tok.v.toLowerCase();
      if (word === 'true' || word === 'false') {
        this.i += 1;
        return { type: 'boolean', value: word === 'true' };
      }
      if (word === 'null') {
        this.i += 1;
        return { type: 'null' };
      }
    }
    throw this.unexpected('a value (quoted string, number, true or false)');
  }
}

/** Parses a `where` argument; throws `QueryError` with the reason when it is malformed. */
export function parseWhere(text: string, options: { parentheses: boolean }): WhereExpr {
  const tokens = tokenize(text);
  if (tokens.length === 0) throw invalidWhere('the expression is empty');
  return new Parser(tokens, options.parentheses).parse();
}
