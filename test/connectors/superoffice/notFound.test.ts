import pino from 'pino';
import { gatewayConfigSchema } from '../../../src/config';
import { encodeId } from '../../../src/core/globalId';
import { createGateway, type Gateway } from '../../../src/server';
import { startVendors, type Vendors } from '../../support/cli';

/**
 * Only SuperOffice's own "no such record" (404 SoNotFoundException) reads as null; a 404 from a
 * route that does not exist — a wrong tenant or base URL — is a typed error naming the source's
 * configuration, so a misconfigured source never answers silent nulls.
 */
describe('SuperOffice 404s', () => {
  let vendors: Vendors;
  const gateways: Gateway[] = [];
  beforeAll(async () => {
    vendors = await startVendors();
  });
  afterAll(async () => {
    for (const g of gateways) await g.stop();
    await vendors.stop();
  });

  async function gatewayWith(override: Record<string, unknown>): Promise<Gateway> {
    const source = { ...vendors.sources.find((s) => s.id === 'superoffice')!, ...override };
    const g = await createGateway({
      config: gatewayConfigSchema.parse({ server: { logLevel: 'silent' }, auth: { mode: 'none' }, sources: [source] }),
      logger: pino({ level: 'silent' }),
    });
    gateways.push(g);
    return g;
  }
  const NODE = 'query ($id: ID!) { node(id: $id) { id } }';

  it('an unknown record is null', async () => {
    const g = await gatewayWith({});
    const answer = await g.execute(NODE, { id: encodeId('Contact', 'superoffice', '99999') });
    expect(answer.errors ?? []).toEqual([]);
    expect(answer.data).toEqual({ node: null });
  });

  it.each([
    ['a wrong tenant', (s: { tenant: string }) => ({ tenant: `${s.tenant}-moved` })],
    ['a wrong base URL', (s: { baseUrl: string }) => ({ baseUrl: `${s.baseUrl}/wrong` })],
  ])('%s answers a typed source error naming the configuration, not null', async (_what, override) => {
    const base = vendors.sources.find((s) => s.id === 'superoffice')! as unknown as { tenant: string; baseUrl: string };
    const g = await gatewayWith(override(base));
    const answer = await g.execute(NODE, { id: encodeId('Contact', 'superoffice', '2') });
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/misconfigured.*baseUrl and tenant/),
      extensions: expect.objectContaining({ code: 'SOURCE_REJECTED' }),
    });
  });
});
