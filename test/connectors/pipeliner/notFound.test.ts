import { encodeId } from '../../../src/core/globalId';
import type { ExecuteResult } from '../../../src/server';
import { createPipelinerSimulator, type PipelinerSimulator } from '../../../src/simulators/pipeliner';
import { testGateway } from '../../support/gateway';
import { pipelinerConnector } from './harness';

/**
 * Pipeliner answers 404 in three documented ways (vendor notes §5): an unknown record or space
 * (`ERROR_NOT_FOUND`), an unknown entity type (`ERROR_UNKNOWN_TYPE`) and a URL no route
 * matches (the framework's body, without `success`). Only an unknown record reads as null;
 * the others mean the source is configured wrong and say so, for reads by id and lists alike.
 */
describe('Pipeliner: a 404 is "no such record" only when the vendor says so', () => {
  let sim: PipelinerSimulator;
  let url: string;
  beforeAll(async () => {
    sim = createPipelinerSimulator({ size: { accounts: 3, contacts: 3, opportunities: 2 } });
    url = await sim.listen();
  });
  afterAll(async () => sim.close());
  afterEach(() => expect(sim.server.pendingFaults()).toBe(0));

  async function run(overrides: Record<string, unknown>, query: string, variables: Record<string, unknown> = {}): Promise<ExecuteResult> {
    const gateway = await testGateway([pipelinerConnector('pipeliner', url, sim, overrides)]);
    try {
      return await gateway.execute(query, variables);
    } finally {
      await gateway.stop();
    }
  }

  const contactId = () => encodeId('Contact', 'pipeliner', sim.records('Contacts')[0]!.id);
  const opportunityId = () => encodeId('Opportunity', 'pipeliner', sim.records('Opportunities')[0]!.id);
  const BY_ID = `query($id: ID!) { contact(id: $id) { id } node(id: $id) { id } }`;

  function expectMisconfigured(res: ExecuteResult, paths: string[], setting: string): void {
    expect(res.errors?.map((e) => e.path?.[0]).sort()).toEqual([...paths].sort());
    for (const e of res.errors ?? []) {
      expect(e.extensions).toMatchObject({ code: 'SOURCE_REJECTED', source: 'pipeliner' });
      expect(e.message).toContain('misconfigured');
      expect(e.message).toContain(setting);
    }
  }

  it('reads an unknown record id as null, without an error', async () => {
    const ghost = encodeId('Contact', 'pipeliner', '00000000-0000-4000-8000-00000000dead');
    const res = await run({}, BY_ID, { id: ghost });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ contact: null, node: null });
  });

  it('answers a wrong space id with a configuration error, not null', async () => {
    const res = await run({ spaceId: 'other_Space' }, BY_ID, { id: contactId() });
    expect(res.data).toEqual({ contact: null, node: null });
    expectMisconfigured(res, ['contact', 'node'], 'spaceId');
  });

  it('answers a base URL that leads nowhere with a configuration error, not null', async () => {
    const res = await run({ baseUrl: `${url}/wrong-prefix` }, `query($id: ID!) { opportunity(id: $id) { id } node(id: $id) { id } }`, { id: opportunityId() });
    expectMisconfigured(res, ['opportunity', 'node'], 'baseUrl');
  });

  it('answers an unknown entity type with a configuration error, not null', async () => {
    sim.server.failNext({
      status: 404,
      body: { code: 2006, name: 'ERROR_UNKNOWN_TYPE', message: 'cannot determine entity type from Contacts', http_status: 404, success: false },
      match: { method: 'GET', pathIncludes: '/entities/Contacts/' },
    });
    const res = await run({}, `query($id: ID!) { contact(id: $id) { id } }`, { id: contactId() });
    expectMisconfigured(res, ['contact'], 'entity');
  });

  it('says the same for lists under a wrong space or base URL', async () => {
    const wrongSpace = await run({ spaceId: 'other_Space' }, `{ contacts(first: 2) { edges { node { id } } } }`);
    expectMisconfigured(wrongSpace, ['contacts'], 'spaceId');
    const wrongBase = await run({ baseUrl: `${url}/wrong-prefix` }, `{ accounts(first: 2) { edges { node { id } } } }`);
    expectMisconfigured(wrongBase, ['accounts'], 'baseUrl');
  });
});
