import type { Browser, Page } from 'playwright-core';
import pino from 'pino';
import { serverSchema } from '../../src/config/schema';
import { startDemo, type Demo } from '../../src/demo';
import { createGateway, type Gateway } from '../../src/server';
import { describeInChromium, launchChromium, servePage, type PageServer } from '../support/browser';

/** What a page's `fetch` to the gateway came to: the JSON it could read, or the browser's refusal. */
type FetchOutcome = { ok: true; status: number; body: any } | { ok: false; error: string };

/**
 * Runs `fetch` inside the page, so the browser applies its own CORS rules (preflight, response
 * checks); Node's fetch would apply none and prove nothing.
 */
function fetchFromPage(page: Page, url: string, headers: Record<string, string>): Promise<FetchOutcome> {
  return page.evaluate(
    async ({ url, headers }) => {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ query: '{ sources { id } }' }),
        });
        return { ok: true as const, status: res.status, body: await res.json() };
      } catch (err) {
        return { ok: false as const, error: String(err) };
      }
    },
    { url, headers },
  );
}

describeInChromium('CORS in a real browser', (chromiumPath) => {
  let demo: Demo;
  let gateway: Gateway;
  let url: string;
  let browser: Browser;
  // Each page server is its own origin: the port is part of it.
  let allowed: PageServer;
  let allowedByPattern: PageServer;
  let other: PageServer;

  beforeAll(async () => {
    [allowed, allowedByPattern, other] = await Promise.all([
      servePage('127.0.0.1'),
      servePage('localhost'),
      servePage('127.0.0.1'),
    ]);
    demo = await startDemo({ cin7RateLimits: false });
    gateway = await createGateway({
      config: {
        ...demo.config,
        server: serverSchema.parse({
          logLevel: 'silent',
          introspection: true,
          cors: { origins: [allowed.origin, 'http://localhost:*'] },
        }),
      },
      logger: pino({ level: 'silent' }),
    });
    url = await gateway.listen(0, '127.0.0.1');
    browser = await launchChromium(chromiumPath);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    await demo?.stop();
    await Promise.all([allowed, allowedByPattern, other].map((s) => s?.close()));
  });

  /** A fresh tab (and browser context, so no preflight cache is shared) on the given origin. */
  async function pageAt(server: PageServer): Promise<Page> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    return page;
  }

  async function fetchFrom(server: PageServer, headers: Record<string, string>): Promise<FetchOutcome> {
    const page = await pageAt(server);
    try {
      return await fetchFromPage(page, url, headers);
    } finally {
      await page.context().close();
    }
  }

  /**
   * The body of a request the browser let through. When it did not, the failure says what the
   * gateway answers a preflight from that origin, so a missing CORS header shows at a glance.
   */
  async function served(server: PageServer, outcome: FetchOutcome, headers: Record<string, string>): Promise<any> {
    if (outcome.ok) {
      expect(outcome.status).toBe(200);
      return outcome.body;
    }
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin: server.origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': Object.keys(headers).join(', '),
      },
    });
    const answered = [...preflight.headers].filter(([k]) => k.startsWith('access-control-') || k === 'vary');
    throw new Error(
      `the browser refused the response to ${server.origin} (${outcome.error}); ` +
        `the gateway answers its preflight with HTTP ${preflight.status} and ${answered.length ? JSON.stringify(Object.fromEntries(answered)) : 'no CORS headers'}`,
    );
  }

  const json = { 'content-type': 'application/json' };

  it('serves a page on an origin listed exactly in server.cors.origins', async () => {
    const body = await served(allowed, await fetchFrom(allowed, json), json);
    expect(body.errors).toBeUndefined();
    expect(body.data.sources.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining(['pipeliner', 'superoffice', 'cin7', 'logisense']),
    );
  });

  it('serves a page on an origin matched by a * pattern (http://localhost:*)', async () => {
    const body = await served(allowedByPattern, await fetchFrom(allowedByPattern, json), json);
    expect(body.data.sources).toHaveLength(4);
  });

  it('lets the browser block a page on an origin not in the list', async () => {
    // Same host as the allowed page, another port: a different origin, so it must be refused.
    const outcome = await fetchFrom(other, json);
    expect(outcome).toMatchObject({ ok: false, error: expect.stringMatching(/Failed to fetch/) });
  });

  it('answers the preflight of a request with x-request-id from an allowed origin', async () => {
    // A custom header always makes the browser send an OPTIONS preflight first; the real POST
    // only follows when the preflight allows the origin, the method and the header.
    const headers = { ...json, 'x-request-id': 'browser-cors-test-1' };
    const body = await served(allowed, await fetchFrom(allowed, headers), headers);
    expect(body.data.sources).toHaveLength(4);
  });

  it('refuses the preflight of a request with x-request-id from an origin not in the list', async () => {
    const outcome = await fetchFrom(other, { ...json, 'x-request-id': 'browser-cors-test-2' });
    expect(outcome).toMatchObject({ ok: false, error: expect.stringMatching(/Failed to fetch/) });
  });

  it('refuses, at the preflight, a header the gateway does not allow', async () => {
    // The allowed origin alone is not enough: the preflight names the allowed headers and the
    // browser holds the request back when it asks for another one.
    const outcome = await fetchFrom(allowed, { ...json, 'x-not-an-allowed-header': '1' });
    expect(outcome).toMatchObject({ ok: false, error: expect.stringMatching(/Failed to fetch/) });
  });
});
