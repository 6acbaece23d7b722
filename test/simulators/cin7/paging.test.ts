import { wire } from './support/contract';
import { ids, startSim, type Harness } from './support/harness';

const paging = wire().paging;

describe('Cin7 simulator: list paging with page and rows', () => {
  let h: Harness;
  let all: number[];
  beforeAll(async () => {
    h = await startSim({ size: { customers: 240, suppliers: 60 } });
    all = h.sim.store.contacts().map((c) => c.id).sort((a, b) => a - b);
  });
  afterAll(() => h.close());

  it('answers a bare JSON array with no envelope and no total, 50 rows by default', async () => {
    const res = await h.get('/v1/Contacts');
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body)).toBe(true);
    expect(res.body).toHaveLength(paging.defaultRows);
    expect(res.headers.get('content-type')).toContain(wire().contentType);
  });

  it('returns rows in id order when no order is given, page 1 first', async () => {
    expect(ids(await h.get('/v1/Contacts?rows=10'))).toEqual(all.slice(0, 10));
    expect(ids(await h.get('/v1/Contacts?page=1&rows=10'))).toEqual(all.slice(0, 10));
    expect(ids(await h.get('/v1/Contacts?page=3&rows=10'))).toEqual(all.slice(20, 30));
  });

  it('serves up to 250 rows a page', async () => {
    const res = await h.get(`/v1/Contacts?rows=${paging.maxRows}`);
    expect(res.body).toHaveLength(paging.maxRows);
  });

  it('answers 400 "The rows argument cannot be greater than 250." above the cap', async () => {
    const res = await h.get(`/v1/Contacts?rows=${paging.maxRows + 1}`);
    expect(res.status).toBe(paging.rowsAboveMax.status);
    expect(res.body).toBe(paging.rowsAboveMax.body);
  });

  it('reduces rows to 250 instead when the rowsAboveMax switch says clamp', async () => {
    h.sim.switches.rowsAboveMax = 'clamp';
    try {
      const res = await h.get('/v1/Contacts?rows=1000');
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(paging.maxRows);
    } finally {
      h.sim.switches.rowsAboveMax = 'reject';
    }
  });

  it.each([0, -1])('answers 400 "The page number is out of range…" for page=%s', async (page) => {
    const res = await h.get(`/v1/Contacts?page=${page}`);
    expect(res.status).toBe(paging.pageBelowOne.status);
    expect(String(res.body).startsWith(paging.pageBelowOne.bodyStartsWith)).toBe(true);
  });

  it('answers 400 for rows below 1 and ASP.NET\'s "The request is invalid." for non-numbers', async () => {
    expect((await h.get('/v1/Contacts?rows=0')).status).toBe(400);
    const bad = await h.get('/v1/Contacts?page=two');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ Message: 'The request is invalid.' });
  });

  it('answers [] past the last page', async () => {
    const res = await h.get('/v1/Contacts?page=99&rows=250');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
  });

  it('walks every contact exactly once, stopping on the short page or on []', async () => {
    const seen: number[] = [];
    for (let page = 1; ; page += 1) {
      const batch = ids(await h.get(`/v1/Contacts?order=id ASC&page=${page}&rows=250`));
      seen.push(...batch);
      if (batch.length < 250) break;
    }
    expect(seen).toEqual(all);
    expect(seen).toHaveLength(300);
  });

  it('reads parameter names in any case and ignores unknown parameters', async () => {
    expect(ids(await h.get('/v1/Contacts?PAGE=2&Rows=5&foo=bar'))).toEqual(all.slice(5, 10));
  });
});
