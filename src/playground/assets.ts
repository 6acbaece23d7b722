import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { BundleManifest } from './bundle';

/** One file of the bundle, ready to send. */
export interface Asset {
  body: Buffer;
  contentType: string;
  etag: string;
  cacheControl: string;
}

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
};

/**
 * Chunk and asset names carry a content hash, so a browser may keep them for good; the entry
 * files and workers keep fixed names (the static HTML and the worker setup name them) and are
 * revalidated by ETag on every load, which costs a 304 once they are cached.
 */
function cacheControlOf(file: string): string {
  return /^(chunk|asset)-/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Reads the bundle's files into memory (about 7 MB): served many times, built once. Only the
 * files its manifest lists are ever served, so no request path reaches the file system.
 */
export async function loadAssets(dir: string, manifest: BundleManifest): Promise<Map<string, Asset>> {
  const assets = new Map<string, Asset>();
  await Promise.all(
    manifest.files.map(async (file) => {
      const body = await readFile(join(dir, file));
      assets.set(file, {
        body,
        contentType: TYPES[extname(file)] ?? 'application/octet-stream',
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
        cacheControl: cacheControlOf(file),
      });
    }),
  );
  return assets;
}
