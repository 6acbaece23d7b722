import pino from 'pino';
import { hashKey } from '../../src/auth/apiKeys';
import { gatewayConfigSchema } from '../../src/config';
import { createGateway, type Gateway } from '../../src/server';
import { startVendors, type Vendors } from '../support/cli';

/** `/metrics` and the `/readyz` detail behind `server.ops`: a token of their own, or a listener of their own. */
let vendors: Vendors;
beforeAll(async () => {
  vendors = await startVendors();
}, 30_000);
afterAll(async () => vendors?.stop());

const TOKEN = 'ops-token-for-the-scraper';

async function gateway(ops: Record<string, unknown>): Promise<{ gw: Gateway; base: string }> {
  const config = gatewayConfigSchema.parse({ server: { logLevel: 'silent', ops }, auth: { mode: 'none' }, sources: vendors.sources });
  const gw = await createGateway({ config, logger: pino({ level: 'silent' }) });
  const url = await gw.listen(0, '127.0.0.1');
  return { gw, base: url.replace(/\/graphql$/, '') };
}

describe('operational endpoints', () => {
  it('with server.ops.tokenSha256: /metrics needs the token, /readyz shows its detail only with it, /healthz stays open', async () => {
    const { gw, base } = await gateway({ tokenSha256: hashKey(TOKEN) });
    try {
      const refused = await fetch(`${base}/metrics`);
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="crmgraph-ops"');
      expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      const metrics = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain('crmgraph_vendor_requests_total');
      expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: 'ready' });
      const detail = (await (await fetch(`${base}/readyz`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as any;
      expect(detail.sources.map((s: any) => s.id)).toEqual(['pipeliner', 'superoffice', 'cin7', 'logisense']);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      await gw.stop();
    }
  });

  it('with server.ops.port: /metrics and the /readyz detail move to that listener (loopback by default)', async () => {
    const { gw, base } = await gateway({ port: 0 });
    try {
      expect(gw.opsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${base}/metrics`)).status).toBe(404);
      expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: 'ready' });
      expect((await fetch(`${gw.opsUrl}/metrics`)).status).toBe(200);
      expect(((await (await fetch(`${gw.opsUrl}/readyz`)).json()) as any).sources).toHaveLength(4);
      expect((await fetch(`${gw.opsUrl}/graphql`)).status).toBe(404);
    } finally {
      await gw.stop();
    }
  });
});
