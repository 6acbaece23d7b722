import { fixture, shapeProblems, type EnvelopeFixture } from './support/contract';
import { dig, objects, startSimulator, type Harness } from './support/harness';

interface SearchFixture {
  operators: string[];
  top: { default: number; min: number; max: number };
}
const fx = fixture<SearchFixture>('search.json');
const env = fixture<EnvelopeFixture>('envelopes.json');

describe('LogiSense simulator: POST Account/Search', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSimulator({ accounts: 120, contactsPerAccount: 1 });
  });
  afterAll(() => h.close());

  const search = (query: Record<string, unknown>) => h.call('POST', 'Account/Search', { body: { query } });

  it('answers with the list envelope and at most top (default 100) items', async () => {
    const answer = await search({});
    expect(answer.status).toBe(200);
    expect(shapeProblems(answer.body, env.shapes['list']!)).toEqual([]);
    expect(objects(answer.body['items'])).toHaveLength(fx.top.default);
    expect(answer.body['totalCount']).toBe(120);
  });

  it('finds accounts whose name contains a text, ignoring case', async () => {
    const target = h.sim.store.account(10007)?.name ?? '';
    const word = target.split(' ')[0] ?? '';
    const answer = await search({ search: [{ name: 'name', operator: 'contains', value: word.toUpperCase() }] });
    const names = objects(answer.body['items']).map((a) => String(a['name']));
    expect(names).toContain(target);
    expect(names.every((n) => n.toLowerCase().includes(word.toLowerCase()))).toBe(true);
  });

  it('combines search items with AND and orders as asked', async () => {
    const answer = await search({
      search: [
        { name: 'identity', operator: 'gtEq', value: 10010 },
        { name: 'identity', operator: 'ltEq', value: 10014, condition: 'and' },
      ],
      orderBy: [{ name: 'identity', direction: 'desc' }],
    });
    expect(objects(answer.body['items']).map((a) => a['identity'])).toEqual([10014, 10013, 10012, 10011, 10010]);
  });

  it.each(fx.operators)('accepts the %s operator', async (operator) => {
    const value = operator === 'contains' || operator === 'startsWith' ? 'a' : 10050;
    const name = operator === 'contains' || operator === 'startsWith' ? 'name' : 'identity';
    const answer = await search({ search: [{ name, operator, value }], top: 5 });
    expect(answer.status).toBe(200);
  });

  it('returns only the requested fields and pages inside the result', async () => {
    const answer = await search({ fields: ['identity', 'name'], pagination: { pageNumber: 2, pageSize: 3 } });
    const items = objects(answer.body['items']);
    expect(items.map((a) => a['identity'])).toEqual([10004, 10005, 10006]);
    expect(Object.keys(items[0] ?? {})).toEqual(['identity', 'name']);
  });

  it('filters on a date property', async () => {
    const created = String(dig((await h.get('Account/10001')).body, 'instance', 'created'));
    const answer = await search({ search: [{ name: 'created', operator: 'eq', value: created }] });
    expect(objects(answer.body['items']).map((a) => a['identity'])).toContain(10001);
  });

  it('reports every problem of a bad query in one 400 answer of type "search"', async () => {
    const answer = await search({
      top: 0,
      search: [
        { name: 'nope', operator: 'eq', value: 1 },
        { name: 'name', operator: 'like', value: 'x' },
        { name: 'extensions.customField', operator: 'eq', value: 'x' },
        { name: 'identity', operator: 'contains', value: '1' },
        { name: 'name', operator: 'eq', value: 'x', condition: 'or' },
      ],
      orderBy: [{ name: 'name', direction: 'sideways' }],
    });
    expect(answer.status).toBe(400);
    expect(answer.body['type']).toBe('search');
    expect(objects(answer.body['errors']).map((e) => e['message'])).toEqual([
      `query.top must be a whole number from ${fx.top.min} to ${fx.top.max} (0 for "all" is not allowed); got 0.`,
      'query.search[0].name "nope" is not a searchable property.',
      'query.search[1].operator "like" is not one of eq, notEq, lt, ltEq, gt, gtEq, contains, startsWith.',
      'query.search[2].name: individual extension fields cannot be searched.',
      'query.search[3].operator contains applies to text properties only.',
      'query.search[4].condition must be "and"; search items are combined with AND.',
      'query.orderBy[0].direction must be asc or desc.',
    ]);
  });

  it('refuses top above 10000', async () => {
    expect((await search({ top: fx.top.max + 1 })).status).toBe(400);
    expect((await search({ top: fx.top.max })).status).toBe(200);
  });

  it('refuses a body without a query object', async () => {
    const answer = await h.call('POST', 'Account/Search', { body: { top: 5 } });
    expect(answer.status).toBe(400);
  });
});
