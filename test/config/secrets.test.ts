import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, parseConfigDocument, readConfigFile } from '../../src/config';

/** What a config error says, whatever the config: key paths and rules, never a value. */
const SECRET = 'sk_live_9f8e7d6c5b4a39281706';

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    if (err instanceof ConfigError) return `${err.message}\n${err.problems.join('\n')}`;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

function fileWith(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'crmgraph-config-')), 'crmgraph.config.json');
  writeFileSync(file, text);
  return file;
}

const pipeliner = { id: 'p', vendor: 'pipeliner', baseUrl: 'https://eu-central.api.pipelinersales.com', spaceId: 'eu_Acme' };

describe('config errors never print a value', () => {
  it('a malformed file: line and column only, no slice of the text', () => {
    // An unquoted secret: JSON.parse on Node 20 would quote the text around it.
    const line3 = `    { "id": "p", "credentials": { "password": ${SECRET} } }`;
    const file = fileWith(`{\n  "sources": [\n${line3}\n  ]\n}\n`);
    const message = messageOf(() => readConfigFile(file, {}));
    expect(message).not.toContain(SECRET);
    expect(message).not.toContain('sk_');
    expect(message).toContain(`(file): not valid JSON at line 3, column ${line3.indexOf(SECRET) + 1}: expected a value`);
  });

  it('a malformed file after a quoted secret: still only the position', () => {
    const file = fileWith(`{"sources": [{"password": "${SECRET}" "id": "p"}]}`);
    const message = messageOf(() => readConfigFile(file, {}));
    expect(message).not.toContain(SECRET);
    expect(message).toContain(`(file): not valid JSON at line 1, column ${`{"sources": [{"password": "${SECRET}" `.length + 1}: expected ',' or '}'`);
  });

  it('an unknown key beside a missing variable: both named, the secret in neither', () => {
    const message = messageOf(() =>
      parseConfigDocument(
        { sources: [{ ...pipeliner, credentials: { username: SECRET, password: '${PL_PASS}' }, timeoutMS: 5000 }] },
        { OTHER: SECRET },
      ),
    );
    expect(message).toContain('sources[0].credentials.password: environment variable PL_PASS is not set');
    expect(message).toContain('sources[0].timeoutMS: is not a known key');
    expect(message).not.toContain(SECRET);
  });

  it('a secret-looking string where an enum, a literal or a discriminator belongs', () => {
    const cases = [
      { server: { logLevel: SECRET }, sources: [{ ...pipeliner, simulator: true, baseUrl: undefined, spaceId: undefined }] },
      { sources: [{ id: 's', vendor: 'superoffice', simulator: true, options: { baseAmountFormula: SECRET } }] },
      { sources: [{ id: 's', vendor: 'superoffice', baseUrl: 'https://sod2.superoffice.com', tenant: 'Cust1', credentials: { scheme: SECRET, accessToken: SECRET } }] },
      { sources: [{ id: 'x', vendor: SECRET }] },
      { sources: [{ id: 'c', vendor: 'cin7', simulator: SECRET }] },
      { sources: [{ id: 'c', vendor: 'cin7', simulator: true, options: { rateLimits: SECRET, currency: SECRET } }] },
      { sources: [{ ...pipeliner, id: SECRET, baseUrl: `ftp://${SECRET}`, spaceId: `${SECRET} !`, credentials: { username: 'u', password: 'p' } }] },
      { idempotency: { redisUrl: `https://${SECRET}` }, sources: [{ id: 'l', vendor: 'logisense', simulator: true, options: { contactType: [SECRET] } }] },
    ];
    for (const raw of cases) {
      const message = messageOf(() => parseConfigDocument(raw, {}));
      expect({ raw, message }).toEqual({ raw, message: expect.not.stringContaining(SECRET) });
      expect(message).toMatch(/^ {2}- [a-zA-Z[\]0-9.]+: /m);
    }
  });

  it('a secret from the environment never appears, even when the key it fills is wrong', () => {
    const message = messageOf(() =>
      parseConfigDocument({ sources: [{ ...pipeliner, spaceId: '${PL_SPACE}', credentials: { username: 'u', password: 'p' } }] }, { PL_SPACE: `${SECRET} with spaces` }),
    );
    expect(message).toContain('sources[0].spaceId: must be the space id shown under API Access');
    expect(message).not.toContain(SECRET);
  });
});
