import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../support/cli';

const run = promisify(execFile);

/** Every compiled file under `dir`. */
function jsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.js'))
    .map((f) => join(dir, f));
}

/**
 * `npm run start:prod` (`node dist/main.js`) from compiled output laid out as the image lays it
 * out — dist/ beside schema/ and node_modules — rather than from the sources through tsx. The
 * compile skips type checking (`npm run typecheck` does that); what is proven here is that the
 * built output finds what it loads at run time: the SDL files, the simulators demo mode imports,
 * the playground bundle. scripts/image-recipe.sh proves the same with production dependencies only.
 */
describe('node dist/main.js (the production start)', () => {
  let app: string;
  beforeAll(async () => {
    app = mkdtempSync(join(tmpdir(), 'crmgraph-prod-'));
    await run(process.execPath, [
      join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      join(ROOT, 'tsconfig.build.json'),
      '--noCheck',
      '--outDir',
      join(app, 'dist'),
    ]);
    symlinkSync(join(ROOT, 'schema'), join(app, 'schema'));
    symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'));
    // Built by npm's postinstall (CI installs with `npm ci`); `npm run build:playground` otherwise.
    const bundle = join(ROOT, 'dist', 'graphiql');
    if (!existsSync(join(bundle, 'manifest.json')))
      throw new Error('no playground bundle: run npm run build:playground');
    cpSync(bundle, join(app, 'dist', 'graphiql'), { recursive: true });
  }, 120_000);
  afterAll(() => {
    if (app) rmSync(app, { recursive: true, force: true });
  });

  it('is what npm run start:prod runs', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    // NODE_ENV defaults to production there, as in the image (graphql-js skips its development checks).
    expect(pkg.scripts['start:prod']).toMatch(/^(NODE_ENV=\$\{NODE_ENV:-production\} )?(exec )?node dist\/main\.js$/);
    expect(Object.keys(pkg.dependencies)).not.toContain('tsx');
  });

  it('loads nothing through tsx', () => {
    const files = jsFiles(join(app, 'dist'));
    expect(files).toContain(join(app, 'dist', 'main.js'));
    expect(files.filter((f) => /require\("tsx|from "tsx|import\("tsx/.test(readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('answers a query in demo mode, serves the playground and exits 0 on SIGTERM', async () => {
    const { stdout } = await run(process.execPath, [join(ROOT, 'scripts', 'smoke-prod.mjs'), app]);
    expect(stdout).toMatch(/smoke-prod: ok: .*exit 0 on SIGTERM/);
  }, 60_000);
});
