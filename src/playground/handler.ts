import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { prefersHtml } from './accept';
import { loadAssets, type Asset } from './assets';
import { BUNDLE_DIR, ensureBundle } from './bundle';
import { PLAYGROUND_CSP, PLAYGROUND_HEADERS } from './csp';
import { DISABLED_HTML, ideHtml, UNAVAILABLE_HTML } from './pages';
import type { ExampleOperation, ExamplesDocument } from './types';

export interface PlaygroundOptions {
  /** `server.playground`: the IDE, or a page saying how to switch it on. */
  enabled: boolean;
  /** The GraphQL endpoint's path. The IDE is served at it, its files under `<path>/ide/`. */
  path?: string;
  /**
   * The example operations the IDE opens as tabs; asked on each load of the IDE, with its
   * request (the examples name only the sources its credential may see).
   */
  examples?: (req: IncomingMessage) => ExampleOperation[] | Promise<ExampleOperation[]>;
  /** The bundle's folder (default `dist/graphiql`, built there at install). */
  bundleDir?: string;
  /** Hears of a build at start and of a bundle that cannot be built. */
  logger?: Pick<Logger, 'info' | 'error'>;
}

export interface Playground {
  /**
   * Answers the playground's requests: a browser's GET of the endpoint and everything under
   * `<path>/ide/`. False for anything else (a GraphQL request included), which is left to the
   * caller.
   */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Resolves once the bundle is loaded (built first if it was missing or stale); rejects if it cannot be. */
  ready(): Promise<void>;
}

/** The disabled page has no script, style or image of its own. */
const DISABLED_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * The self-hosted GraphiQL for the composition root. When enabled, the bundle is checked (and
 * built if missing or stale) right away, in the background: a gateway starts at once, and the
 * first browser to ask waits for the build instead of getting half an IDE.
 */
export function createPlayground(options: PlaygroundOptions): Playground {
  const path = options.path ?? '/graphql';
  const prefix = `${path}/ide/`;
  const dir = options.bundleDir ?? BUNDLE_DIR;
  const page = ideHtml(path);

  const assets: Promise<Map<string, Asset>> = options.enabled
    ? ensureBundle(dir).then(({ manifest, built }) => {
        if (built) options.logger?.info({ files: manifest.files.length }, 'playground bundle built');
        return loadAssets(dir, manifest);
      })
    : Promise.resolve(new Map<string, Asset>());
  // Logged once here; each request that needs the bundle answers 503 on its own.
  assets.catch((err: unknown) => options.logger?.error({ err }, 'playground bundle could not be built'));

  /** The bundle, or null (after answering 503) when it could not be built. */
  const bundle = async (req: IncomingMessage, res: ServerResponse): Promise<Map<string, Asset> | null> => {
    try {
      return await assets;
    } catch {
      sendHtml(req, res, 503, UNAVAILABLE_HTML, DISABLED_CSP);
      return null;
    }
  };

  return {
    async handle(req, res) {
      const pathname = (req.url ?? '/').split('?')[0] ?? '/';
      const readOnly = req.method === 'GET' || req.method === 'HEAD';
      if (pathname === path) {
        // Anything but a browser's navigation is GraphQL over HTTP, Apollo's to answer.
        if (!readOnly || !prefersHtml(req.headers.accept)) return false;
        if (!options.enabled) {
          sendHtml(req, res, 404, DISABLED_HTML, DISABLED_CSP);
          return true;
        }
        if (await bundle(req, res)) sendHtml(req, res, 200, page, PLAYGROUND_CSP);
        return true;
      }
      if (!pathname.startsWith(prefix)) return false;
      if (!options.enabled) {
        sendHtml(req, res, 404, DISABLED_HTML, DISABLED_CSP);
        return true;
      }
      if (!readOnly) {
        res.writeHead(405, { allow: 'GET, HEAD', ...PLAYGROUND_HEADERS }).end();
        return true;
      }
      const name = pathname.slice(prefix.length);
      if (name === 'examples.json') {
        await sendExamples(req, res, options);
        return true;
      }
      const files = await bundle(req, res);
      if (!files) return true;
      const asset = files.get(name);
      if (!asset) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...PLAYGROUND_HEADERS }).end('not found');
        return true;
      }
      sendAsset(req, res, asset);
      return true;
    },
    async ready() {
      await assets;
    },
  };
}

function sendHtml(req: IncomingMessage, res: ServerResponse, status: number, html: string, csp: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': csp,
    'cache-control': 'no-cache',
    // The endpoint answers JSON to the same URL without text/html in Accept.
    vary: 'accept',
    ...PLAYGROUND_HEADERS,
  });
  res.end(req.method === 'HEAD' ? undefined : html);
}

function sendAsset(req: IncomingMessage, res: ServerResponse, asset: Asset): void {
  const headers = { etag: asset.etag, 'cache-control': asset.cacheControl, ...PLAYGROUND_HEADERS };
  if (req.headers['if-none-match'] === asset.etag) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-type': asset.contentType, 'content-length': String(asset.body.length) });
  res.end(req.method === 'HEAD' ? undefined : asset.body);
}

async function sendExamples(req: IncomingMessage, res: ServerResponse, options: PlaygroundOptions): Promise<void> {
  let doc: ExamplesDocument;
  try {
    doc = { examples: (await options.examples?.(req)) ?? [] };
  } catch (err) {
    // The IDE opens without examples rather than not at all.
    options.logger?.error({ err }, 'playground examples failed');
    doc = { examples: [] };
  }
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-cache',
    ...PLAYGROUND_HEADERS,
  });
  res.end(req.method === 'HEAD' ? undefined : JSON.stringify(doc));
}
