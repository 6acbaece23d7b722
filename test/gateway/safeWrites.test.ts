import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { createPipelinerSimulator, type PipelinerSimulator } from '../../src/simulators/pipeliner';
import type { Gateway } from '../../src/server';
import { pipelinerConnector } from '../connectors/pipeliner/harness';
import { dataOf, testGateway } from '../support/gateway';

const REDIS_URL = process.env['CRMGRAPH_TEST_REDIS'] ?? 'redis://127.0.0.1:6379';

const CREATE = `mutation($input: CreateContactInput!) { createContact(input: $input) {
  contact { id name } userErrors { field message code } warnings plannedRequests { method path body } } }`;

describe('safe writes: idempotency keys and dry runs', () => {
  let sim: PipelinerSimulator;
  let url: string;
  beforeAll(async () => {
    sim = createPipelinerSimulator({ size: { accounts: 3, contacts: 3, opportunities: 0 }, latencyMs: 20 });
    url = await sim.listen();
  });
  afterAll(async () => sim.close());
  beforeEach(() => sim.server.clearLog());

  const gatewayOver = (idempotency: { redisUrl?: string } = {}) => testGateway([pipelinerConnector('pipeliner', url, sim)], {}, idempotency);
  const contactPosts = () => sim.server.requests('POST', '/entities/Contacts');

  it('the same key ten times at once creates one vendor record and answers ten identical payloads', async () => {
    const gw = await gatewayOver();
    try {
      const input = { source: 'pipeliner', firstName: 'Once', lastName: 'Only', idempotencyKey: randomUUID() };
      const answers = await Promise.all(Array.from({ length: 10 }, () => gw.execute(CREATE, { input })));
      const payloads = answers.map((a) => dataOf(a).createContact);
      expect(new Set(payloads.map((p) => JSON.stringify(p))).size).toBe(1);
      expect(payloads[0].contact.name).toBe('Once Only');
      expect(contactPosts()).toHaveLength(1);
    } finally {
      await gw.stop();
    }
  });

  it('the same key with a different input is refused, writing nothing', async () => {
    const gw = await gatewayOver();
    try {
      const key = randomUUID();
      dataOf(await gw.execute(CREATE, { input: { source: 'pipeliner', lastName: 'First', idempotencyKey: key } }));
      const second = dataOf(await gw.execute(CREATE, { input: { source: 'pipeliner', lastName: 'Second', idempotencyKey: key } })).createContact;
      expect(second).toEqual({
        contact: null,
        userErrors: [{ field: ['input', 'idempotencyKey'], message: 'this idempotencyKey was used with a different input', code: 'CONFLICT' }],
        warnings: [],
        plannedRequests: null,
      });
      expect(contactPosts()).toHaveLength(1);
    } finally {
      await gw.stop();
    }
  });

  it('a refused input does not use up its key', async () => {
    const gw = await gatewayOver();
    try {
      const key = randomUUID();
      const bad = dataOf(await gw.execute(CREATE, { input: { source: 'pipeliner', title: 'Dr.', idempotencyKey: key } })).createContact;
      expect(bad.userErrors[0].code).toBe('REQUIRED');
      const good = dataOf(await gw.execute(CREATE, { input: { source: 'pipeliner', title: 'Dr.', lastName: 'Fixed', idempotencyKey: key } })).createContact;
      // Another input under the same key is only a conflict once something was written.
      expect(good.contact.name).toBe('Fixed');
    } finally {
      await gw.stop();
    }
  });

  it('holds across two gateway instances sharing Redis', async () => {
    const redis = new Redis(REDIS_URL);
    await redis.ping();
    await redis.quit();
    const [a, b] = [await gatewayOver({ redisUrl: REDIS_URL }), await gatewayOver({ redisUrl: REDIS_URL })];
    try {
      const input = { source: 'pipeliner', firstName: 'Shared', lastName: 'Key', idempotencyKey: randomUUID() };
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).execute(CREATE, { input })));
      const payloads = answers.map((x) => dataOf(x).createContact);
      expect(new Set(payloads.map((p) => JSON.stringify(p))).size).toBe(1);
      expect(contactPosts()).toHaveLength(1);
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('dryRun answers the vendor request it would send, with defaults applied, and writes nothing', async () => {
    const gw: Gateway = await gatewayOver();
    try {
      const accounts = dataOf(await gw.execute(`{ accounts(first: 1) { edges { node { id remoteId } } } }`)).accounts.edges;
      sim.server.clearLog();
      const res = dataOf(
        await gw.execute(CREATE, {
          input: { source: 'pipeliner', firstName: 'Dry', lastName: 'Run', jobTitle: 'Tester', accountId: accounts[0].node.id, dryRun: true },
        }),
      ).createContact;
      expect(res.contact).toBeNull();
      expect(res.userErrors).toEqual([]);
      expect(res.plannedRequests).toEqual([
        {
          method: 'POST',
          path: '/entities/Contacts',
          body: {
            owner_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
            first_name: 'Dry',
            last_name: 'Run',
            account_relations: [{ account_id: accounts[0].node.remoteId, is_primary: true }],
            account_position: 'Tester',
          },
        },
      ]);
      expect(sim.server.requests('POST')).toEqual([]);

      const opp = dataOf(
        await gw.execute(`mutation { createOpportunity(input: { source: "pipeliner", name: "Dry deal", closingDate: "2027-01-01", value: { amount: "5" }, dryRun: true }) {
          opportunity { id } userErrors { message } plannedRequests { method path body } } }`),
      ).createOpportunity;
      expect(opp.plannedRequests[0].body).toMatchObject({ name: 'Dry deal', step_id: expect.any(String), value: { base_value: 5, value_foreign: 5 } });
      const refused = dataOf(
        await gw.execute(`mutation { createAccount(input: { source: "pipeliner", name: " ", dryRun: true }) { account { id } userErrors { field code } plannedRequests { path } } }`),
      ).createAccount;
      expect(refused).toEqual({ account: null, userErrors: [{ field: ['input', 'name'], code: 'REQUIRED' }], plannedRequests: null });
      expect(sim.server.requests('POST')).toEqual([]);
    } finally {
      await gw.stop();
    }
  });
});
