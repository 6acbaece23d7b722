import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';

/** Debian's package; playwright's own browser downloads are not used, so CI needs no extra host. */
const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for a quiet, reproducible headless run: no sandbox (CI containers run as root), and
 * nothing that phones home, so the only traffic is what the test sends.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `CI=true` (or any value but `false`/`0`): browser tests become mandatory. */
export function onCi(): boolean {
  const ci = process.env['CI'];
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

/** The Chromium to run (`CHROMIUM_PATH`, else Debian's), or why there is none. */
export function findChromium(): { path: string } | { missing: string } {
  const path = process.env['CHROMIUM_PATH'] || DEFAULT_CHROMIUM;
  if (existsSync(path)) return { path };
  return {
    missing:
      `no Chromium at ${path}${process.env['CHROMIUM_PATH'] ? ' (from CHROMIUM_PATH)' : ''}: ` +
      `install it with \`apt-get update && apt-get install -y chromium\`, or set CHROMIUM_PATH to a Chromium binary`,
  };
}

/**
 * `describe` for suites that drive a real browser. Without Chromium the suite is skipped with a
 * loud warning, so a laptop without it still runs the rest; on CI a missing Chromium is a failing
 * test, because a skipped browser suite there would hide a broken edge.
 */
export function describeInChromium(name: string, body: (chromiumPath: string) => void): void {
  const found = findChromium();
  if ('path' in found) {
    describe(name, () => body(found.path));
    return;
  }
  if (onCi()) {
    describe(name, () => {
      it('has a Chromium to run in (mandatory on CI)', () => {
        throw new Error(found.missing);
      });
    });
    return;
  }
  // eslint-disable-next-line no-console -- a silent skip would read as a pass; say what to install.
  console.warn(`SKIPPED browser tests "${name}": ${found.missing}`);
  describe.skip(name, () => body(''));
}

/** Headless Chromium with a fresh profile (playwright makes a temporary user-data-dir per launch). */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
}

export interface PageServer {
  /** The page's origin, e.g. `http://127.0.0.1:51234`, as a browser sends it in `Origin`. */
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * A plain HTTP server handing out one blank HTML page, so a browser tab has an origin other
 * than the gateway's. `host` is what goes into the origin (`localhost` or `127.0.0.1`); it
 * always listens on the IPv4 loopback.
 */
export async function servePage(host: '127.0.0.1' | 'localhost' = '127.0.0.1'): Promise<PageServer> {
  const server: Server = createServer((req, res) => {
    if ((req.url ?? '/').split('?')[0] !== '/') {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<!doctype html><html><head><title>client</title></head><body>client</body></html>');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
