import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfigDocument } from '../../src/config';

/** Every config a reader may copy from the README is one the gateway accepts. */
const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

interface Example {
  line: number;
  config: unknown;
}

function jsonExamples(markdown: string): Example[] {
  const out: Example[] = [];
  for (const m of markdown.matchAll(/^```json[^\n]*\n([\s\S]*?)^```/gm)) {
    const body = m[1] ?? '';
    const snippet = JSON.parse(body) as Record<string, unknown>;
    // A source written on its own (it has a vendor) is shown as one entry of `sources` (access open).
    out.push({ line: markdown.slice(0, m.index).split('\n').length, config: 'vendor' in snippet ? { auth: { mode: 'none' }, sources: [snippet] } : snippet });
  }
  return out;
}

/** A stand-in for every `${NAME}` the examples use. */
function dummyEnv(markdown: string): NodeJS.ProcessEnv {
  return Object.fromEntries([...markdown.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map(([, name]) => [name, `dummy-${name}`]));
}

const examples = jsonExamples(README);

describe('README config examples', () => {
  it('has examples, including one per vendor', () => {
    const vendors = new Set(
      examples.flatMap((e) => ((e.config as { sources?: Array<{ vendor?: string }> }).sources ?? []).map((s) => s.vendor)),
    );
    expect([...vendors].sort()).toEqual(['cin7', 'logisense', 'pipeliner', 'superoffice']);
  });

  it.each(examples.map((e) => [e.line, e.config] as const))('the example at README.md line %i passes validation', (_line, config) => {
    expect(() => parseConfigDocument(config, dummyEnv(README), 'README.md')).not.toThrow();
  });
});
