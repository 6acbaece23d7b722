import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../../src/graphql/context';
import { startObservedGateway, type ObservedGateway } from './harness';

/** Stands in for the limits check, which puts its estimate in `extensions.cost`. */
const costPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost: { estimated: 4, limit: 500 } };
      },
    };
  },
};

describe('the operation log line', () => {
  let gw: ObservedGateway;
  beforeAll(async () => {
    gw = await startObservedGateway({
      extraPlugins: [costPlugin],
      log: { principalOf: () => 'key:reporting' },
    });
  });
  afterAll(async () => {
    await gw.close();
  });
  afterEach(() => {
    gw.lines.length = 0;
    gw.exporter.reset();
  });

  const operationLines = (): Array<Record<string, unknown>> => gw.lines.filter((l) => l['msg'] === 'graphql operation');

  it('has request id, principal, name, type, duration, vendor requests by source, cost and no error codes at info', async () => {
    const secretEmail = 'nobody-logs-this@example.org';
    const { result, context } = await gw.execute(
      `query ByMail($e: String!) { contacts(filter: { email: $e }, first: 2) { edges { node { name } } } }`,
      { e: secretEmail },
    );
    expect(result.errors).toBeUndefined();
    const lines = operationLines();
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line).toEqual({
      level: 30,
      time: expect.any(Number),
      pid: expect.any(Number),
      hostname: expect.any(String),
      msg: 'graphql operation',
      requestId: context.requestId,
      principal: 'key:reporting',
      operationName: 'ByMail',
      operationType: 'query',
      durationMs: expect.any(Number),
      vendorRequests: result.extensions?.['vendorRequests'],
      cost: { estimated: 4, limit: 500 },
      errorCodes: [],
    });
    expect(line['durationMs']).toBeGreaterThan(0);
    // Variables are never logged, nor is any data of the answer.
    expect(JSON.stringify(gw.lines)).not.toContain(secretEmail);
    // The span carries the same cost.
    const span = gw.exporter.getFinishedSpans().find((s) => s.attributes['crmgraph.request_id'] === context.requestId);
    expect(span?.attributes).toMatchObject({ 'crmgraph.cost.estimated': 4, 'crmgraph.cost.limit': 500 });
  });

  it('is a warning with the error codes when the answer has errors, partial ones included', async () => {
    gw.pipeliner.server.failNext({ status: 401 });
    const { result } = await gw.execute(`{ contacts(first: 2) { edges { node { name } } } }`);
    // The other source answered: the error is a partial one, added after execution.
    expect((result.data?.['contacts'] as { edges: unknown[] }).edges.length).toBeGreaterThan(0);
    expect(result.errors?.map((e) => e.extensions?.['code'])).toEqual(['SOURCE_AUTH_FAILED']);
    expect(operationLines()).toEqual([
      expect.objectContaining({ level: 40, operationType: 'query', operationName: null, errorCodes: ['SOURCE_AUTH_FAILED'] }),
    ]);
    expect(operationLines()[0]?.['vendorRequests']).toMatchObject({ bySource: { pipeliner: 1 } });
  });

  it('names a mutation as such; userErrors are data, not errors, so it stays at info', async () => {
    const { result } = await gw.execute(`mutation Nothing { createContact(input: { source: "nowhere", firstName: "A", lastName: "B" }) { contact { id } } }`);
    expect(result.errors).toBeUndefined();
    expect(operationLines()).toEqual([
      expect.objectContaining({ level: 30, operationType: 'mutation', operationName: 'Nothing', errorCodes: [], vendorRequests: { total: 0, bySource: {} } }),
    ]);
  });

  it('still has a line, with null name and type, for a document that does not parse', async () => {
    const { result } = await gw.execute(`{ contacts(first: `);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(operationLines()).toEqual([
      expect.objectContaining({ level: 40, operationName: null, operationType: null, errorCodes: ['BAD_USER_INPUT'], vendorRequests: { total: 0, bySource: {} } }),
    ]);
    expect(gw.exporter.getFinishedSpans().map((s) => [s.name, s.status.code])).toEqual([['graphql.operation', 2]]);
  });

  it('leaves the principal out when it is unknown', async () => {
    const plain = await startObservedGateway();
    try {
      await plain.execute(`{ sources { id } }`);
      const line = plain.lines.find((l) => l['msg'] === 'graphql operation');
      expect(line).toBeDefined();
      expect(line).not.toHaveProperty('principal');
      expect(line).not.toHaveProperty('cost');
    } finally {
      await plain.close();
    }
  });
});
