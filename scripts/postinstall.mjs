// npm's postinstall: builds the playground's GraphiQL bundle (dist/graphiql) in a development
// install. Plain JavaScript, so it runs where tsx is not installed: a production install
// (`npm ci --omit=dev`, as the image's runtime stage does) beside an already built dist/ skips
// the build instead of failing the install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function tsxInstalled() {
  try {
    createRequire(join(root, 'package.json')).resolve('tsx');
    return true;
  } catch {
    return false;
  }
}

if (!existsSync(join(root, 'scripts', 'playground'))) {
  // A runtime copy ships the built bundle and not the browser app's sources.
  process.stdout.write('playground sources not present: using the built bundle in dist/graphiql\n');
} else if (!tsxInstalled()) {
  process.stdout.write('tsx not installed (production install): playground bundle not rebuilt\n');
} else {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'build-playground.ts')], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exit(run.status ?? 1);
}
