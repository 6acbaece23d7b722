import { testGateway } from '../support/gateway';

/** Safety limits every deployment gets: depth, list sizes, introspection switch. */
describe('gateway limits', () => {
  it('refuses an operation nested deeper than maxDepth before calling any vendor', async () => {
    const gw = await testGateway([], { limits: { depth: 4 } });
    try {
      const res = await gw.execute(`{ contacts { edges { node { primaryAccount { owner { name } } } } } }`);
      expect(res.errors?.[0]).toMatchObject({
        message: 'The operation is 6 levels deep; the limit is server.limits.depth = 4',
        extensions: { code: 'LIMIT_EXCEEDED', limit: 'server.limits.depth', limitValue: 4 },
      });
      expect(res.extensions?.['vendorRequests']).toEqual({ total: 0, bySource: {} });
    } finally {
      await gw.stop();
    }
  });

  it('counts depth through fragments', async () => {
    const gw = await testGateway([], { limits: { depth: 3 } });
    try {
      const res = await gw.execute(`query { contacts { ...E } } fragment E on ContactConnection { edges { node { owner { name } } } }`);
      expect(res.errors?.[0]?.message).toBe('The operation is 5 levels deep; the limit is server.limits.depth = 3');
    } finally {
      await gw.stop();
    }
  });

  it('refuses more than 100 ids in nodes and more than 1000 batch inputs', async () => {
    const gw = await testGateway([]);
    try {
      const ids = Array.from({ length: 101 }, (_, i) => `id${i}`);
      const nodes = await gw.execute(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
      expect(nodes.errors?.[0]).toMatchObject({ message: 'ids takes at most 100 ids, got 101', extensions: { code: 'BAD_USER_INPUT' } });
      const inputs = Array.from({ length: 1001 }, () => ({ source: 'x', name: 'n' }));
      const batch = await gw.execute(`mutation($i: [CreateAccountInput!]!) { createAccounts(inputs: $i) { userErrors { code } } }`, { i: inputs });
      expect(batch.errors?.[0]).toMatchObject({ message: 'inputs takes at most 1000 items, got 1001', extensions: { code: 'BAD_USER_INPUT' } });
    } finally {
      await gw.stop();
    }
  });

  it('hides the schema from introspection when it is switched off', async () => {
    const gw = await testGateway([], { introspection: false });
    try {
      const res = await gw.execute(`{ __schema { queryType { name } } }`);
      expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    } finally {
      await gw.stop();
    }
  });

  it('names an unknown source in a mutation input as a userError on input.source', async () => {
    const gw = await testGateway([]);
    try {
      const res = await gw.execute(`mutation { createAccount(input: { source: "nowhere", name: "X" }) { account { id } userErrors { field code message } } }`);
      expect(res.data?.['createAccount']).toEqual({
        account: null,
        userErrors: [{ field: ['input', 'source'], code: 'NOT_FOUND', message: 'no source "nowhere" is configured' }],
      });
    } finally {
      await gw.stop();
    }
  });
});

describe('filter text', () => {
  it('refuses a filter longer than 256 characters before any vendor call, naming the field', async () => {
    const gw = await testGateway([]);
    try {
      const res = await gw.execute(`query($n: String) { contacts(filter: { name: $n }) { edges { node { id } } } }`, { n: 'x'.repeat(257) });
      expect(res.errors?.[0]).toMatchObject({
        message: 'filter.name is 257 characters long; at most 256 are accepted',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      expect(res.extensions?.['vendorRequests']).toEqual({ total: 0, bySource: {} });
    } finally {
      await gw.stop();
    }
  });
});
