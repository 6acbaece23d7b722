/** Where a JSON text stops being JSON, and why, without quoting any of it. */
export interface JsonSyntaxProblem {
  line: number;
  column: number;
  reason: string;
}

/** Thrown from deep in the scan to its top; never leaves this module. */
class Stop extends Error {
  constructor(
    readonly at: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * The first syntax error of a JSON text, or null if there is none. `JSON.parse`'s own message
 * quotes a slice of the text on Node 20 (`Unexpected token 'x', "…" is not valid JSON`), and a
 * config file holds secrets, so the position is found here instead: a strict RFC 8259 scan that
 * keeps no values.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxProblem | null {
  const scan = new Scanner(text);
  try {
    scan.document();
    return null;
  } catch (err) {
    if (err instanceof Stop) return { ...lineAndColumn(text, err.at), reason: err.reason };
    if (err instanceof RangeError) return { line: 1, column: 1, reason: 'nested too deeply' };
    throw err;
  }
}

function lineAndColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < at; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      start = i + 1;
    }
  }
  return { line, column: at - start + 1 };
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Scanner {
  private i = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.value();
    this.skip();
    if (this.i < this.text.length) this.fail('unexpected text after the end of the document');
  }

  private value(): void {
    this.skip();
    const c = this.text[this.i];
    if (c === '{') this.object();
    else if (c === '[') this.array();
    else if (c === '"') this.string();
    else if (c === 't') this.word('true');
    else if (c === 'f') this.word('false');
    else if (c === 'n') this.word('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) this.number();
    else this.fail(c === undefined ? 'unexpected end of file' : 'expected a value');
  }

  private object(): void {
    this.i += 1;
    this.skip();
    if (this.text[this.i] === '}') {
      this.i += 1;
      return;
    }
    for (;;) {
      this.skip();
      if (this.text[this.i] !== '"') this.fail('expected a double-quoted key');
      this.string();
      this.skip();
      this.expect(':', "expected ':' after a key");
      this.value();
      this.skip();
      if (this.text[this.i] !== ',') break;
      this.i += 1;
    }
    this.expect('}', "expected ',' or '}'");
  }

  private array(): void {
    this.i += 1;
    this.skip();
    if (this.text[this.i] === ']') {
      this.i += 1;
      return;
    }
    for (;;) {
      this.value();
      this.skip();
      if (this.text[this.i] !== ',') break;
      this.i += 1;
    }
    this.expect(']', "expected ',' or ']'");
  }

  private string(): void {
    this.i += 1;
    for (;;) {
      const c = this.text[this.i];
      if (c === undefined) this.fail('unterminated string');
      if (c === '"') {
        this.i += 1;
        return;
      }
      if (c < ' ') this.fail('control character in a string (write it as an escape)');
      if (c === '\\') {
        const e = this.text[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6))) this.fail('bad \\u escape');
          this.i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) this.fail('bad escape');
        this.i += 2;
        continue;
      }
      this.i += 1;
    }
  }

  private number(): void {
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.text);
    if (!m || m[0] === '-') this.fail('bad number');
    this.i += m[0].length;
  }

  private word(word: string): void {
    if (this.text.startsWith(word, this.i)) this.i += word.length;
    else this.fail('expected a value');
  }

  private expect(char: string, reason: string): void {
    if (this.text[this.i] !== char) this.fail(this.i >= this.text.length ? 'unexpected end of file' : reason);
    this.i += 1;
  }

  private skip(): void {
    while (WHITESPACE.has(this.text[this.i] ?? '')) this.i += 1;
  }

  private fail(reason: string): never {
    throw new Stop(this.i, reason);
  }
}
