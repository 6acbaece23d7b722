import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import pino from 'pino';
import { serverSchema } from '../../src/config/schema';
import { startDemo, type Demo } from '../../src/demo';
import { createGateway, type Gateway } from '../../src/server';

/**
 * Standard introspection as real tooling sends it (DESIGN §10, playground): graphql-js's own
 * `getIntrospectionQuery()` is deeper than the default depth limit, and that limit must not
 * stand in its way while introspection is on.
 */

async function demoGateway(demo: Demo, server: Record<string, unknown>): Promise<{ gateway: Gateway; url: string }> {
  const gateway = await createGateway({
    config: { ...demo.config, server: serverSchema.parse({ logLevel: 'silent', ...server }) },
    logger: pino({ level: 'silent' }),
  });
  return { gateway, url: await gateway.listen(0, '127.0.0.1') };
}

async function introspect(url: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url, {
    method: 'POST',
    // The GraphQL-over-HTTP media type: request errors come with their 4xx status.
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  return { status: res.status, body: await res.json() };
}

const ROOT = join(__dirname, '..', '..');

/**
 * `generate()` of @graphql-codegen/cli, run in a plain Node process: the CLI package pulls in
 * ESM-only modules (yargs, log-symbols) that Node's own `require` loads but Jest's module
 * registry cannot, so it cannot be imported into this test.
 */
const CODEGEN_SCRIPT = `
const { generate } = require('@graphql-codegen/cli');
const [url, file] = process.argv.slice(1);
generate({ schema: url, silent: true, generates: { [file]: { plugins: ['typescript'] } } }, true).then(
  () => process.exit(0),
  (err) => { process.stderr.write(String(err && err.message || err)); process.exit(1); },
);
`;

/** The TypeScript types codegen writes from the schema it loads from `url`; rejects with codegen's error. */
async function codegenTypes(url: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'crmgraph-codegen-'));
  const file = join(dir, 'types.ts');
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        process.execPath,
        ['-e', CODEGEN_SCRIPT, url, file],
        { cwd: ROOT, timeout: 50_000 },
        (err, _stdout, stderr) => (err ? reject(new Error(`codegen failed: ${stderr || err.message}`)) : resolve()),
      );
    });
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('introspection over HTTP', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await startDemo({ cin7RateLimits: false });
  }, 30_000);
  afterAll(async () => {
    await demo?.stop();
  });

  describe('with introspection on', () => {
    let gateway: Gateway;
    let url: string;
    beforeAll(async () => {
      ({ gateway, url } = await demoGateway(demo, { introspection: true }));
    });
    afterAll(async () => {
      await gateway?.stop();
    });

    it("answers graphql-js's standard introspection query despite the depth limit", async () => {
      const { status, body } = await introspect(url);
      expect(body.errors).toBeUndefined();
      expect(status).toBe(200);
      expect(body.data.__schema.queryType.name).toBe('Query');
      expect(body.data.__schema.types.map((t: { name: string }) => t.name)).toEqual(
        expect.arrayContaining(['Contact', 'Account', 'Opportunity']),
      );
    });

    it('lets GraphQL Code Generator build TypeScript types from the running URL', async () => {
      const types = await codegenTypes(url);
      expect(types).toContain('export type Contact =');
      expect(types).toContain('export type Account =');
      expect(types).toContain('export type Query =');
    }, 60_000);
  });

  describe('with introspection off (the production default)', () => {
    let gateway: Gateway;
    let url: string;
    beforeAll(async () => {
      // No `introspection` key: the default is what a production config gets.
      ({ gateway, url } = await demoGateway(demo, {}));
    });
    afterAll(async () => {
      await gateway?.stop();
    });

    it('refuses the standard introspection query, saying introspection is off', async () => {
      const { status, body } = await introspect(url);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
      expect(body.data).toBeUndefined();
      expect(body.errors.map((e: { message: string }) => e.message)).toEqual(
        expect.arrayContaining([expect.stringMatching(/introspection/i)]),
      );
    });

    it('gives GraphQL Code Generator no schema', async () => {
      await expect(codegenTypes(url)).rejects.toThrow(/introspection/i);
    }, 60_000);
  });
});
