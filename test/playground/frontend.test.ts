import { createClient, RequestFailed, type Request } from '../../examples/frontend/src/client';
import { contactPages, createContact, type Contact } from '../../examples/frontend/src/contacts';
import type { Demo } from '../../src/demo';
import { demoGateway } from '../support/gateway';
import type { Gateway } from '../../src/server';

/**
 * The typed frontend client of examples/frontend, over real HTTP against demo mode: its two
 * operations run as codegen typed them, paging goes on with `after` to the last page, and a
 * page on a local dev server may call the gateway (demo CORS allows `http://localhost:*`).
 */
describe('examples/frontend against demo mode', () => {
  let demo: Demo;
  let gateway: Gateway;
  let url: string;
  let request: Request;

  beforeAll(async () => {
    ({ demo, gateway } = await demoGateway());
    url = await gateway.listen(0, '127.0.0.1');
    request = createClient({ url });
  }, 30_000);
  afterAll(async () => {
    await gateway?.stop();
    await demo?.stop();
  });

  it('pages through contacts of two CRMs with `after`, each contact once', async () => {
    const seen: Contact[] = [];
    let pages = 0;
    for await (const page of contactPages(request, { pageSize: 40, sources: ['superoffice', 'logisense'] })) {
      pages += 1;
      expect(page.problems).toEqual([]);
      seen.push(...page.contacts);
    }
    expect(pages).toBeGreaterThan(1);
    expect(new Set(seen.map((c) => c.id)).size).toBe(seen.length);
    expect(new Set(seen.map((c) => c.source.id))).toEqual(new Set(['superoffice', 'logisense']));
  }, 30_000);

  it('a dry run answers the vendor requests, refused input its userErrors, a create its contact', async () => {
    const input = {
      source: 'superoffice',
      firstName: 'Ada',
      lastName: 'Lovelace',
      emails: ['ada.lovelace@example.com'],
    };
    const planned = await createContact(request, { ...input, dryRun: true });
    expect(planned).toMatchObject({ kind: 'planned', requests: [{ method: 'POST', path: '/Person' }] });
    const refused = await createContact(request, { source: 'superoffice', emails: ['not an address'] });
    expect(refused).toMatchObject({
      kind: 'refused',
      userErrors: [{ field: ['input', 'emails', '0'], code: 'INVALID' }],
    });
    const created = await createContact(request, input);
    expect(created).toMatchObject({
      kind: 'created',
      contact: { name: 'Ada Lovelace', source: { id: 'superoffice' } },
    });
  });

  it('a request refused as a whole is a RequestFailed with the gateway error', async () => {
    const failed = contactPages(request, { pageSize: 500 }).next();
    await expect(failed).rejects.toBeInstanceOf(RequestFailed);
    await expect(failed).rejects.toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
  });

  it('a page served from any localhost port may call it (the browser preflight passes)', async () => {
    const origin = 'http://localhost:5173';
    const res = await fetch(url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
  });
});
