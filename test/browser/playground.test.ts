import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import pino from 'pino';
import { serverSchema } from '../../src/config/schema';
import { startDemo, type Demo } from '../../src/demo';
import { createGateway, type Gateway } from '../../src/server';
import { describeInChromium, launchChromium } from '../support/browser';

/**
 * The self-hosted playground (src/playground) as the gateway serves it at its own `/graphql`:
 * over plain HTTP (what a browser gets with the playground on and off, the files, the CSP) and
 * in a real headless Chromium that may reach nothing but the gateway.
 */

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');

/** What a browser sends when the address bar opens the endpoint. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

/**
 * Two sources by name: a list across sources pages source by source, so its first rows may all
 * come from the first source. A row each, so the screenshot shows the extensions too; one line,
 * because it is typed and Monaco indents after a newline.
 */
const TWO_SOURCES =
  '{ pipeliner: contacts(sources: ["pipeliner"], first: 1) { edges { node { name source { id } } } } ' +
  'superoffice: contacts(sources: ["superoffice"], first: 1) { edges { node { name source { id } } } } }';

/** A response's JSON, loosely typed as tests read it. */
async function jsonOf(res: globalThis.Response): Promise<any> {
  return res.json();
}

async function demoGateway(demo: Demo, server: Record<string, unknown>): Promise<Gateway> {
  const gateway = await createGateway({
    config: { ...demo.config, server: serverSchema.parse({ logLevel: 'silent', ...server }) },
    logger: pino({ level: 'silent' }),
  });
  await gateway.listen(0, '127.0.0.1');
  return gateway;
}

/** The IDE page and its HTML, or a reason the gateway did not serve it that names the likely cause. */
async function idePage(url: string): Promise<{ res: globalThis.Response; html: string }> {
  const res = await fetch(url, { headers: { accept: BROWSER_ACCEPT } });
  const html = await res.text();
  if (res.status !== 200 || !html.includes('ide/graphiql.js')) {
    throw new Error(
      `GET ${url} from a browser answered HTTP ${res.status} (${res.headers.get('content-type')}), not the playground: ` +
        'src/server.ts must route requests to createPlayground (src/playground) before Apollo',
    );
  }
  return { res, html };
}

describe('the playground over HTTP', () => {
  let demo: Demo;
  let on: Gateway;
  let off: Gateway;

  beforeAll(async () => {
    demo = await startDemo({ cin7RateLimits: false });
    [on, off] = await Promise.all([
      demoGateway(demo, { playground: true, introspection: true }),
      demoGateway(demo, { playground: false }),
    ]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([on?.stop(), off?.stop()]);
    await demo?.stop();
  });

  it('serves the IDE to a browser, under a CSP of the gateway alone, loading only its own files', async () => {
    const { res, html } = await idePage(on.url);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:|\*/);
    const loaded = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(loaded).toEqual(['data:,', 'graphql/ide/graphiql.css', 'graphql/ide/graphiql.js']);
  });

  it('leaves GraphQL requests to the endpoint: a GET asking for JSON, a POST', async () => {
    const get = await fetch(`${on.url}?query=${encodeURIComponent('{ sources { id } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(get.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await jsonOf(get)).data.sources).toHaveLength(4);
    const post = await fetch(on.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ sources { id } }' }),
    });
    expect((await jsonOf(post)).data.sources).toHaveLength(4);
  });

  it('serves the bundle with ETags and answers 304 to a browser that has it', async () => {
    const script = `${on.url}/ide/graphiql.js`;
    const first = await fetch(script);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^text\/javascript/);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    await first.arrayBuffer();
    const again = await fetch(script, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    for (const worker of ['editor.worker.js', 'json.worker.js', 'graphql.worker.js']) {
      expect((await fetch(`${on.url}/ide/${worker}`, { method: 'HEAD' })).status).toBe(200);
    }
    expect((await fetch(`${on.url}/ide/manifest.json`)).status).toBe(404);
    expect((await fetch(`${on.url}/ide/../../package.json`)).status).toBe(404);
  });

  it('answers the example operations as JSON', async () => {
    const res = await fetch(`${on.url}/ide/examples.json`);
    expect(res.status).toBe(200);
    const body = await jsonOf(res);
    expect(Array.isArray(body.examples)).toBe(true);
    for (const e of body.examples) expect(e).toMatchObject({ title: expect.any(String), query: expect.any(String) });
  });

  it('with the playground off, tells a browser how to switch it on instead of serving the IDE', async () => {
    const res = await fetch(off.url, { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('"server": { "playground": true');
    expect(html).not.toContain('graphiql.js');
    expect((await fetch(`${off.url}/ide/graphiql.js`)).status).toBe(404);
    // GraphQL itself is unaffected.
    const post = await fetch(off.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ sources { id } }' }),
    });
    expect((await jsonOf(post)).data.sources).toHaveLength(4);
  });
});

/** The text of the Monaco model whose URI ends with `name` (GraphiQL names them `…-operation.graphql` and so on). */
function modelText(page: Page, name: string): Promise<string | null> {
  return page.evaluate((n) => {
    const monaco = (globalThis as any).__MONACO;
    const model = monaco?.editor.getModels().find((m: any) => String(m.uri).endsWith(n));
    return model ? (model.getValue() as string) : null;
  }, name);
}

/**
 * Replaces the operation editor's text the way a user does: focus, select all, type key by key.
 * Monaco closes brackets and quotes as they open and types over the closers, so a one-line
 * text comes out as typed.
 */
async function typeQuery(page: Page, text: string): Promise<void> {
  await page.click('.graphiql-query-editor .monaco-editor');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
  // The completion list may have opened on the way; it must not take the next key.
  await page.keyboard.press('Escape');
}

describeInChromium('the playground in a real browser, with nothing but the gateway reachable', (chromiumPath) => {
  let demo: Demo;
  let gateway: Gateway;
  let origin: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let response: Response | null;
  const requested: string[] = [];
  const blocked: string[] = [];
  const cspViolations: string[] = [];
  // GraphiQL reports what it could not do (prettify without its parsers, say) as warnings.
  const consoleProblems: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    demo = await startDemo({ cin7RateLimits: false });
    gateway = await demoGateway(demo, { playground: true, introspection: true });
    origin = new URL(gateway.url).origin;
    // Says plainly when the gateway does not route to the playground, instead of a selector timeout.
    await idePage(gateway.url);
    browser = await launchChromium(chromiumPath);
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    // The network is the gateway: anything else is refused and remembered.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('data:') || new URL(url).origin === origin) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    context.on('request', (r) => requested.push(r.url()));
    page = await context.newPage();
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
      else if (m.type() === 'error' || m.type() === 'warning') consoleProblems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    response = await page.goto(gateway.url);
    await page.waitForSelector('.graphiql-query-editor .monaco-editor', { timeout: 30_000 });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    await demo?.stop();
  });

  it('renders GraphiQL from the page the gateway serves at /graphql', async () => {
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    await expect(page.title()).resolves.toBe('crmgraph playground');
    expect(await page.locator('.graphiql-execute-button').count()).toBe(1);
    // The variables and headers editors are there, as tabs under the operation editor.
    await expect(page.locator('.graphiql-editor-tools button', { hasText: 'Variables' }).count()).resolves.toBe(1);
    await expect(page.locator('.graphiql-editor-tools button', { hasText: 'Headers' }).count()).resolves.toBe(1);
  });

  it("opens the gateway's example operations as tabs, the first with its variables", async () => {
    const { examples } = await jsonOf(await fetch(`${gateway.url}/ide/examples.json`));
    expect(examples.length).toBeGreaterThan(0);
    await expect(page.locator('.graphiql-tab').count()).resolves.toBe(examples.length);
    const [first] = examples;
    await page.waitForFunction(() => (globalThis as any).__MONACO?.editor.getModels().length >= 4);
    const operation = await modelText(page, 'operation.graphql');
    expect(operation).toContain(first.query);
    expect(operation).toContain(first.title);
    if (first.variables) expect(JSON.parse((await modelText(page, 'variables.json'))!)).toEqual(first.variables);
  });

  it('completes fields from the schema (the GraphQL worker runs from the gateway)', async () => {
    await typeQuery(page, '{ cont');
    await page.keyboard.press('Control+Space');
    const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: /^contacts/ });
    await suggestion.first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Escape');
  }, 30_000);

  it('marks a field the schema does not have', async () => {
    await typeQuery(page, '{ contacts { edges { node { shoeSize } } } }');
    await page.waitForFunction(
      () => {
        const monaco = (globalThis as any).__MONACO;
        return monaco.editor
          .getModelMarkers({})
          .some((m: any) => /Cannot query field "shoeSize" on type "Contact"/.test(m.message));
      },
      undefined,
      { timeout: 15_000 },
    );
  }, 30_000);

  it('runs a typed query and shows the data of two sources with the extensions', async () => {
    await typeQuery(page, TWO_SOURCES);
    expect(await modelText(page, 'operation.graphql')).toBe(TWO_SOURCES);
    // Prettify (prettier, bundled too) lays it out on lines before it runs.
    await page.click('button[aria-label^="Prettify query"]');
    await page.waitForFunction(() => {
      const monaco = (globalThis as any).__MONACO;
      const model = monaco.editor.getModels().find((m: any) => String(m.uri).endsWith('operation.graphql'));
      return model.getLineCount() > 5;
    });
    // Back to the start of the text: typing the long line scrolled the editor sideways.
    await page.click('.graphiql-query-editor .monaco-editor');
    await page.keyboard.press('Control+Home');
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(
      () => {
        const monaco = (globalThis as any).__MONACO;
        const model = monaco.editor.getModels().find((m: any) => String(m.uri).endsWith('response.json'));
        return model && /"superoffice"/.test(model.getValue()) && /"vendorRequests"/.test(model.getValue());
      },
      undefined,
      { timeout: 20_000 },
    );
    const result = JSON.parse((await modelText(page, 'response.json'))!);
    expect(result.errors).toBeUndefined();
    const sourceIds = new Set(
      [...result.data.pipeliner.edges, ...result.data.superoffice.edges].map((e: any) => e.node.source.id),
    );
    expect([...sourceIds].sort()).toEqual(['pipeliner', 'superoffice']);
    for (const e of [...result.data.pipeliner.edges, ...result.data.superoffice.edges])
      expect(e.node.name).toEqual(expect.any(String));
    expect(Object.keys(result.extensions.vendorRequests.bySource).sort()).toEqual(['pipeliner', 'superoffice']);
    expect(result.extensions.cost).toMatchObject({ estimated: expect.any(Number), limit: expect.any(Number) });
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'playground.png') });
  }, 40_000);

  it('lists Contact in the docs explorer and opens its fields', async () => {
    await page.click('button[aria-label="Show Documentation Explorer"]');
    const contact = page.locator('.graphiql-doc-explorer a.graphiql-doc-explorer-type-name', { hasText: /^Contact$/ });
    await contact.first().waitFor({ timeout: 15_000 });
    await contact.first().click();
    await expect(page.locator('.graphiql-doc-explorer-title').innerText()).resolves.toBe('Contact');
    await page
      .locator('.graphiql-doc-explorer-field-name', { hasText: /^emails$/ })
      .first()
      .waitFor({ timeout: 5_000 });
  }, 30_000);

  it('keeps the run in the history', async () => {
    await page.click('button[aria-label="Show History"]');
    await page.locator('.graphiql-history-item').first().waitFor({ timeout: 10_000 });
  }, 20_000);

  it('sent no request beyond the gateway, broke no rule of its CSP and logged no problem', () => {
    expect(blocked).toEqual([]);
    const http = requested.filter((u) => /^https?:/.test(u));
    expect(http.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    // The workers were among them: the editors' language services came from the gateway too.
    for (const worker of ['editor.worker.js', 'json.worker.js', 'graphql.worker.js']) {
      expect(http).toContain(`${origin}/graphql/ide/${worker}`);
    }
    expect(cspViolations).toEqual([]);
    expect(consoleProblems).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
