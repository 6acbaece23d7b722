import { relative } from 'node:path';
import { BUNDLE_DIR, buildBundle, currentBundle } from '../src/playground/bundle';

/**
 * `npm run build:playground` (and npm's postinstall): bundles the self-hosted GraphiQL into
 * dist/graphiql unless the bundle there is already built from the same sources and packages.
 * `--force` rebuilds anyway.
 */
async function main(): Promise<void> {
  const force = process.argv.includes('--force');
  const where = relative(process.cwd(), BUNDLE_DIR) || BUNDLE_DIR;
  if (!force && currentBundle()) {
    process.stdout.write(`playground bundle is up to date (${where})\n`);
    return;
  }
  const started = Date.now();
  const manifest = await buildBundle();
  process.stdout.write(
    `playground bundle built: ${manifest.files.length} files in ${where} (${Date.now() - started} ms)\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(
    `playground bundle failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
