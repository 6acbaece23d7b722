import { authSchema } from '../../src/config/authSchema';
import { serverSchema } from '../../src/config/schema';
import { pipelinerConnector, pipelinerSourceSchema } from '../../src/connectors/pipeliner';
import { createGateway, type Gateway } from '../../src/server';
import { createPipelinerSimulator, type PipelinerSimulator } from '../../src/simulators/pipeliner';
import { captureLogger } from './harness';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * Request ids over real HTTP, through the gateway's own server: the client's `x-request-id` is
 * kept, answered back and logged; a missing or unusable one is replaced by a UUID.
 *
 * Skipped until server.ts takes the request id from `requestIdFrom(req.headers)` and lists
 * `operationLogPlugin(logger)`; drop the `.skip` in the same commit.
 */
describe('x-request-id over HTTP', () => {
  let sim: PipelinerSimulator;
  let gateway: Gateway;
  let url: string;
  const { logger, lines } = captureLogger();

  beforeAll(async () => {
    sim = createPipelinerSimulator({ seed: 5, size: { accounts: 3, contacts: 3, opportunities: 0 } });
    const base = await sim.listen();
    gateway = await createGateway({
      config: { server: serverSchema.parse({ logLevel: 'info' }), idempotency: { ttlSeconds: 60 }, auth: authSchema.parse({ mode: 'none' }), redis: { keyPrefix: 'crmgraph:' }, sources: [] },
      logger,
      connectors: [
        pipelinerConnector(
          pipelinerSourceSchema.parse({ id: 'pipeliner', vendor: 'pipeliner', baseUrl: base, spaceId: sim.spaceId, credentials: sim.credentials }),
        ),
      ],
    });
    url = await gateway.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await gateway.stop();
    await sim.close();
  });
  afterEach(() => {
    lines.length = 0;
  });

  async function post(headers: Record<string, string>): Promise<Response> {
    return fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: 'query Ids { contacts(first: 1) { edges { node { name } } } }' }),
    });
  }

  const operationLine = (): Record<string, unknown> | undefined => lines.find((l) => l['msg'] === 'graphql operation');

  it("answers with the client's own request id and logs the operation under it", async () => {
    const res = await post({ 'x-request-id': 'client-trace-0042' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('client-trace-0042');
    expect(operationLine()).toMatchObject({ requestId: 'client-trace-0042', operationName: 'Ids', operationType: 'query', vendorRequests: { total: 1 } });
  });

  it('replaces an unusable request id with a UUID, answered and logged alike', async () => {
    const res = await post({ 'x-request-id': 'x'.repeat(200) });
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(UUID);
    expect(operationLine()).toMatchObject({ requestId: id });
  });

  it('generates one when the client sends none', async () => {
    const res = await post({});
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(UUID);
    expect(operationLine()).toMatchObject({ requestId: id });
  });
});
