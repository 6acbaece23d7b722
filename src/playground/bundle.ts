import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { build as esbuildBuild, Plugin } from 'esbuild';

/** The repository root, from src/playground or from the compiled dist/playground alike. */
const ROOT = join(__dirname, '..', '..');

/** The browser app's sources (DOM + JSX, their own tsconfig; see the README beside this file). */
export const APP_DIR = join(ROOT, 'scripts', 'playground');

/** Where the bundle goes: git-ignored, apart from `tsc`'s own output in dist/playground. */
export const BUNDLE_DIR = join(ROOT, 'dist', 'graphiql');

const MANIFEST = 'manifest.json';

/** This file's source: its build options are part of what a bundle is made of. */
const BUILD_SOURCE = join(ROOT, 'src', 'playground', 'bundle.ts');

/** What a build leaves beside its files: what it was built from, and which files it wrote. */
export interface BundleManifest {
  fingerprint: string;
  files: string[];
}

/** The packages whose code ends up in the bundle; a new version of any means a rebuild. */
const BUNDLED_PACKAGES = [
  'graphiql',
  '@graphiql/react',
  '@graphiql/plugin-doc-explorer',
  '@graphiql/plugin-history',
  'monaco-editor',
  'monaco-graphql',
  'react',
  'react-dom',
  'esbuild',
];

/**
 * A digest of everything the bundle is made of: the app's sources, the installed versions of
 * the bundled packages, and the build options in this file. Null when the app's sources are not
 * on disk (an image that ships only the built bundle), so such a bundle is used as it is.
 */
export function fingerprint(): string | null {
  if (!existsSync(APP_DIR)) return null;
  const hash = createHash('sha256');
  for (const file of readdirSync(APP_DIR).sort()) {
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(APP_DIR, file)))
      .update('\0');
  }
  for (const name of BUNDLED_PACKAGES) hash.update(`${name}@${installedVersion(name)}\0`);
  // The TypeScript source, not this module's own file: the same digest from src (npm's
  // postinstall, tsx) as from the compiled dist/playground.
  if (existsSync(BUILD_SOURCE)) hash.update(readFileSync(BUILD_SOURCE));
  return hash.digest('hex');
}

function installedVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return 'missing';
  }
}

/** The manifest of the bundle in `dir`, or null if there is none (never built, or half written). */
export function readManifest(dir: string = BUNDLE_DIR): BundleManifest | null {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as BundleManifest;
    return manifest.files.every((f) => existsSync(join(dir, f))) ? manifest : null;
  } catch {
    return null;
  }
}

/** The bundle in `dir` if it matches the sources (or the sources are not there to compare). */
export function currentBundle(dir: string = BUNDLE_DIR): BundleManifest | null {
  const manifest = readManifest(dir);
  if (!manifest) return null;
  const wanted = fingerprint();
  return wanted === null || wanted === manifest.fingerprint ? manifest : null;
}

/**
 * GraphiQL's stylesheet already carries Monaco's CSS (of the same Monaco it pins, with the
 * codicon font inline), so the CSS files Monaco's ESM modules import would only double it.
 */
const dropMonacoCss: Plugin = {
  name: 'drop-monaco-css',
  setup(build) {
    build.onResolve({ filter: /\.css$/ }, (args) =>
      /[\\/]monaco-editor[\\/]/.test(args.importer) ? { path: args.path, namespace: 'dropped-css' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'dropped-css' }, () => ({ contents: '', loader: 'css' }));
  },
};

/**
 * GraphiQL's prettify imports `prettier/parser-graphql` and `prettier/parser-babel`, which are
 * prettier's UMD builds: from an ES module esbuild gives them Node's interop (only `default`),
 * so `{ parsers }` comes out undefined and prettify fails. The ESM builds of the same plugins
 * export `parsers` by name.
 */
const PRETTIER_ESM_PARSERS: Readonly<Record<string, string>> = {
  'prettier/parser-graphql': 'prettier/plugins/graphql',
  'prettier/parser-babel': 'prettier/plugins/babel',
};

/**
 * Bundles the IDE into `dir`: `graphiql.js` (ES module, lazily loaded chunks beside it),
 * `graphiql.css`, and Monaco's three workers as classic scripts. Written to a temporary folder
 * and moved into place, so a gateway never serves half a bundle and two builds at once do not
 * mix their files.
 */
export async function buildBundle(dir: string = BUNDLE_DIR): Promise<BundleManifest> {
  // Loaded only when a build is due: a gateway serving an existing bundle never loads esbuild.
  const esbuild = await import('esbuild');
  const print = fingerprint();
  if (print === null) throw new Error(`the playground's sources are missing (${relative(ROOT, APP_DIR)})`);
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  let manifest: BundleManifest;
  try {
    manifest = { fingerprint: print, files: await bundleInto(tmp, esbuild.build) };
    await writeFile(join(tmp, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  await rm(dir, { recursive: true, force: true });
  try {
    await rename(tmp, dir);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    // Another build moved its folder in between: from the same inputs, it is as good as ours.
    const theirs = currentBundle(dir);
    if (theirs) return theirs;
    throw err;
  }
  return manifest;
}

/** Runs esbuild twice into `outdir` (the app as ES modules, the workers as classic scripts); the files written. */
async function bundleInto(outdir: string, build: typeof esbuildBuild): Promise<string[]> {
  const common = {
    bundle: true,
    minify: true,
    target: 'es2022',
    outdir,
    absWorkingDir: ROOT,
    logLevel: 'error',
    metafile: true,
    define: { 'process.env.NODE_ENV': '"production"' },
  } as const;
  const app = await build({
    ...common,
    entryPoints: { graphiql: join(APP_DIR, 'app.tsx') },
    format: 'esm',
    splitting: true,
    jsx: 'automatic',
    chunkNames: 'chunk-[hash]',
    assetNames: 'asset-[name]-[hash]',
    plugins: [dropMonacoCss],
    alias: PRETTIER_ESM_PARSERS,
  });
  const monaco = join(ROOT, 'node_modules', 'monaco-editor', 'esm', 'vs');
  const workers = await build({
    ...common,
    entryPoints: {
      'editor.worker': join(monaco, 'editor', 'editor.worker.js'),
      'json.worker': join(monaco, 'language', 'json', 'json.worker.js'),
      'graphql.worker': join(ROOT, 'node_modules', 'monaco-graphql', 'esm', 'graphql.worker.js'),
    },
    format: 'iife',
  });
  return [app, workers]
    .flatMap((r) => Object.keys(r.metafile.outputs))
    .map((out) => relative(outdir, join(ROOT, out)))
    .sort();
}

/** The current bundle, built first if it is missing or stale. */
export async function ensureBundle(dir: string = BUNDLE_DIR): Promise<{ manifest: BundleManifest; built: boolean }> {
  const existing = currentBundle(dir);
  if (existing) return { manifest: existing, built: false };
  return { manifest: await buildBundle(dir), built: true };
}
