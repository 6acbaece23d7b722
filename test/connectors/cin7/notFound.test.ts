import { encodeId } from '../../../src/core/globalId';
import { GatewayResources } from '../../../src/core/resources';
import { createCin7Simulator, type Cin7Simulator } from '../../../src/simulators/cin7';
import { dataOf, testGateway, vendorRequests } from '../../support/gateway';
import { cin7Connector } from './harness';

/**
 * What "not found" means on Cin7 Omni (vendor notes §1, §2): an unknown record is simply absent
 * from an `id IN (…)` answer → null, while a 404 on a collection route means the source's base
 * URL is wrong — a typed source error naming the configuration, never a silent null.
 */
const NODE = `query($id: ID!) { node(id: $id) { id ... on Contact { name } ... on Account { accountName: name } } }`;
const CONTACTS = `{ contacts(sources: ["cin7"], first: 5) { edges { node { remoteId } } } }`;
const OPPORTUNITY = `query($id: ID!) { opportunity(id: $id) { id } }`;
const CREATE_ACCOUNT = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { remoteId } userErrors { field message code } } }`;

describe('Cin7 Omni: unknown records and wrong base URLs', () => {
  let sim: Cin7Simulator;
  const resources = new GatewayResources();
  beforeAll(async () => {
    sim = createCin7Simulator({ rateLimits: false, size: { customers: 3, suppliers: 0, users: 1, quotes: 2 } });
    await sim.listen();
  });
  afterAll(async () => {
    await resources.close();
    await sim.close();
  });

  const gatewayAt = (baseUrl: string) => testGateway([cin7Connector('cin7', sim, resources, { baseUrl, options: { rateLimits: false } })]);

  it('answers null for an unknown record, contact, account and opportunity alike', async () => {
    const gateway = await gatewayAt(sim.apiBase);
    try {
      for (const id of [encodeId('Contact', 'cin7', '999999'), encodeId('Contact', 'cin7', '1.s999999'), encodeId('Account', 'cin7', '999999')]) {
        expect(dataOf(await gateway.execute(NODE, { id })).node).toBeNull();
      }
      expect(dataOf(await gateway.execute(OPPORTUNITY, { id: encodeId('Opportunity', 'cin7', '999999') })).opportunity).toBeNull();
    } finally {
      await gateway.stop();
    }
  });

  // The web server's HTML 404 (no `/api`), and ASP.NET's `{Message}` 404 (a wrong version).
  it.each([
    ['without /api', (s: Cin7Simulator) => s.url],
    ['with a wrong version', (s: Cin7Simulator) => `${s.url}/api/v2`],
  ])('a base URL %s is a source error naming baseUrl, for lists, reads by id and writes', async (_label, base) => {
    const gateway = await gatewayAt(base(sim));
    try {
      const expected = { extensions: expect.objectContaining({ code: 'SOURCE_REJECTED' }), message: expect.stringMatching(/baseUrl/) };
      const list = await gateway.execute(CONTACTS);
      expect(list.errors?.[0]).toMatchObject(expected);
      const read = await gateway.execute(NODE, { id: encodeId('Contact', 'cin7', '1') });
      expect(read.errors?.[0]).toMatchObject(expected);
      expect(vendorRequests(read)).toBe(1);
      const opportunity = await gateway.execute(OPPORTUNITY, { id: encodeId('Opportunity', 'cin7', '1') });
      expect(opportunity.errors?.[0]).toMatchObject(expected);
      const write = await gateway.execute(CREATE_ACCOUNT, { input: { source: 'cin7', name: 'Nowhere Ltd' } });
      const refusal = JSON.stringify([write.errors ?? [], (write.data as { createAccount?: { userErrors?: unknown[] } } | undefined)?.createAccount?.userErrors ?? []]);
      expect(refusal).toMatch(/baseUrl/);
      expect(sim.store.contacts().some((c) => c.company === 'Nowhere Ltd')).toBe(false);
    } finally {
      await gateway.stop();
    }
  });
});
