import { fixture, type EnvelopeFixture } from './support/contract';
import { dig, objects, pagination, startSimulator, type Harness } from './support/harness';

const env = fixture<EnvelopeFixture>('envelopes.json');

describe('LogiSense simulator: paging through the Pagination header', () => {
  let h: Harness;
  let total: number;
  beforeAll(async () => {
    h = await startSimulator({ accounts: 10, contactsPerAccount: 3 });
    total = h.sim.store.contacts().length;
  });
  afterAll(() => h.close());

  const ids = (body: Record<string, unknown>) => objects(dig(body, 'pagedResults', 'items')).map((c) => Number(c['identity']));

  it('reads the page from the Pagination header, pageNumber starting at 1', async () => {
    expect(env.pagingRequest.header).toBe('Pagination');
    expect(env.pagingRequest.firstPage).toBe(1);
    const first = await h.get('Contact/Paged', pagination(1, 5));
    const second = await h.get('Contact/Paged', pagination(2, 5));
    const all = h.sim.store.contacts().map((c) => c.identity);
    expect(ids(first.body)).toEqual(all.slice(0, 5));
    expect(ids(second.body)).toEqual(all.slice(5, 10));
    expect(dig(second.body, 'pagination')).toEqual({ pageNumber: 2, pageSize: 5, excludeTotalCount: false });
    expect(dig(second.body, 'pagedResults', 'totalCount')).toBe(total);
  });

  it('walks every contact exactly once across pages', async () => {
    const seen: number[] = [];
    for (let page = 1; ; page += 1) {
      const batch = ids((await h.get('Contact/Paged', pagination(page, 7))).body);
      if (batch.length === 0) break;
      seen.push(...batch);
    }
    expect(seen).toEqual(h.sim.store.contacts().map((c) => c.identity));
  });

  it('ignores paging in the query string: only the header counts', async () => {
    const answer = await h.get('Contact/Paged?pageNumber=2&pageSize=2');
    expect(dig(answer.body, 'pagination')).toEqual({ pageNumber: 1, pageSize: 20, excludeTotalCount: false });
  });

  it('uses page 1 of 20 when the header is absent', async () => {
    const answer = await h.get('Contact/Paged');
    expect(ids(answer.body)).toHaveLength(Math.min(20, total));
  });

  it('answers an empty page past the end', async () => {
    const answer = await h.get('Contact/Paged', pagination(999, 10));
    expect(answer.status).toBe(200);
    expect(ids(answer.body)).toEqual([]);
    expect(dig(answer.body, 'pagedResults', 'totalCount')).toBe(total);
  });

  it('sets totalCount to 0 when excludeTotalCount is asked for, or leaves it out by switch', async () => {
    const zero = await h.get('Contact/Paged', pagination(1, 5, true));
    expect(dig(zero.body, 'pagedResults', 'totalCount')).toBe(0);
    expect(ids(zero.body)).toHaveLength(5);
    h.sim.switches.excludedTotalCount = 'omit';
    try {
      const omitted = await h.get('Contact/Paged', pagination(1, 5, true));
      expect(dig(omitted.body, 'pagedResults')).not.toHaveProperty('totalCount');
    } finally {
      h.sim.switches.excludedTotalCount = 'zero';
    }
  });

  it('reports every problem of a bad Pagination header in one 400 answer', async () => {
    const answer = await h.get('Contact/Paged', { pagination: JSON.stringify({ pageNumber: 0, pageSize: -1, excludeTotalCount: 'perhaps' }) });
    expect(answer.status).toBe(400);
    expect(answer.body['type']).toBe('get');
    expect(objects(answer.body['errors']).map((e) => e['message'])).toEqual([
      'Pagination.pageNumber must be a whole number of at least 1; got 0.',
      'Pagination.pageSize must be a whole number of at least 1; got -1.',
      'Pagination.excludeTotalCount must be true or false.',
    ]);
  });

  it('refuses a Pagination header that is not JSON', async () => {
    const answer = await h.get('Contact/Paged', { pagination: 'pageNumber=1' });
    expect(answer.status).toBe(400);
    expect(dig(answer.body, 'errors', 0, 'message')).toBe('The Pagination header is not valid JSON.');
  });

  it('serves any page size unless the maxPageSize switch caps it', async () => {
    expect(ids((await h.get('Contact/Paged', pagination(1, 1000))).body)).toHaveLength(total);
    h.sim.switches.maxPageSize = 10;
    try {
      const capped = await h.get('Contact/Paged', pagination(1, 1000));
      expect(ids(capped.body)).toHaveLength(10);
      expect(dig(capped.body, 'pagination', 'pageSize')).toBe(10);
    } finally {
      h.sim.switches.maxPageSize = null;
    }
  });

  it('serves the flat list envelope on Paged routes when the pagedShape switch says list', async () => {
    h.sim.switches.pagedShape = 'list';
    try {
      const answer = await h.get('Contact/Paged', pagination(1, 3));
      expect(Object.keys(answer.body).sort()).toEqual(['items', 'totalCount', 'trackingId']);
      expect(objects(answer.body['items'])).toHaveLength(3);
    } finally {
      h.sim.switches.pagedShape = 'pagedResults';
    }
  });
});
