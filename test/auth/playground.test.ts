import pino from 'pino';
import { gatewayConfigSchema } from '../../src/config';
import { createGateway, type Gateway } from '../../src/server';
import { startVendors, type Vendors } from '../support/cli';
import { apiKey, bearer } from './support';

/** The playground and the SDL under `auth.mode: "required"`: nothing about a source before the credential. */
let vendors: Vendors;
let gw: Gateway;
let base: string;
const cin7Only = apiKey('cin7-only', ['read'], { sources: ['cin7'] });

beforeAll(async () => {
  vendors = await startVendors();
  const config = gatewayConfigSchema.parse({
    server: { logLevel: 'silent', playground: true, introspection: true },
    auth: { apiKeys: [cin7Only.entry] },
    sources: vendors.sources,
  });
  gw = await createGateway({ config, logger: pino({ level: 'silent' }) });
  base = (await gw.listen(0, '127.0.0.1')).replace(/\/graphql$/, '');
}, 30_000);
afterAll(async () => {
  await gw?.stop();
  await vendors?.stop();
});

const examples = async (headers: Record<string, string> = {}): Promise<string> =>
  JSON.stringify(await (await fetch(`${base}/graphql/ide/examples.json`, { headers })).json());

it('examples name no source without a credential, and only its own sources with one', async () => {
  const anonymous = await examples();
  for (const id of ['pipeliner', 'superoffice', 'cin7', 'logisense']) expect(anonymous).not.toContain(`"${id}"`);
  const mine = await examples(bearer(cin7Only.key));
  expect(mine).toContain('cin7');
  for (const id of ['pipeliner', 'superoffice', 'logisense']) expect(mine).not.toContain(id);
});

it('the SDL needs a credential like introspection does', async () => {
  expect((await fetch(`${base}/graphql/schema.graphql`)).status).toBe(401);
  const sdl = await fetch(`${base}/graphql/schema.graphql`, { headers: bearer(cin7Only.key) });
  expect(sdl.status).toBe(200);
  expect(await sdl.text()).toContain('type Query');
});

it('introspection over HTTP needs a credential too', async () => {
  const body = JSON.stringify({ query: '{ __schema { queryType { name } } }' });
  const post = (headers: Record<string, string>) => fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  expect((await post({})).status).toBe(401);
  expect(await (await post(bearer(cin7Only.key))).json()).toMatchObject({ data: { __schema: { queryType: { name: 'Query' } } } });
});
