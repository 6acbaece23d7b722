import { decodeCursor, useSimulator } from './harness';

const h = useSimulator({ size: { accounts: 45, contacts: 230, opportunities: 20 } });

async function walk(path: string, query: Record<string, string | number> = {}) {
  const ids: string[] = [];
  let after: string | undefined;
  let pages = 0;
  for (;;) {
    const res = await h.call('GET', path, { query: { ...query, ...(after ? { after } : {}) } });
    expect(res.status).toBe(200);
    pages += 1;
    ids.push(...res.body.data.map((r: { id: string }) => r.id));
    if (!res.body.page_info.has_next_page) return { ids, pages, last: res.body };
    after = res.body.page_info.end_cursor;
  }
}

describe('Pipeliner simulator: list envelope and cursor paging', () => {
  it('wraps a list as {success, total, page_info, data} with 30 records by default', async () => {
    const res = await h.call('GET', '/entities/Contacts');
    expect(Object.keys(res.body)).toEqual(['success', 'total', 'page_info', 'data']);
    expect(res.body.success).toBe(true);
    expect(res.body.total).toBe(230);
    expect(res.body.data).toHaveLength(30);
    expect(res.body.page_info).toEqual({
      start_cursor: expect.any(String),
      end_cursor: expect.any(String),
      has_previous_page: false,
      has_next_page: true,
    });
  });

  it('walks every record exactly once by following end_cursor with after', async () => {
    const { ids, pages } = await walk('/entities/Contacts', { first: 100 });
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(230);
    expect(ids).toEqual([...ids].sort());
  });

  it('mints cursors as base64 JSON arrays of the sort values followed by the id', async () => {
    const res = await h.call('GET', '/entities/Accounts', { query: { first: 2, 'order-by': '-name' } });
    const [first, second] = res.body.data;
    expect(decodeCursor(res.body.page_info.start_cursor)).toEqual([first.name, first.id]);
    expect(decodeCursor(res.body.page_info.end_cursor)).toEqual([second.name, second.id]);
    const plain = await h.call('GET', '/entities/Accounts', { query: { first: 1 } });
    expect(decodeCursor(plain.body.page_info.start_cursor)).toEqual([plain.body.data[0].id]);
  });

  it('keeps total at the full count on every page', async () => {
    const first = await h.call('GET', '/entities/Accounts', { query: { first: 20 } });
    const next = await h.call('GET', '/entities/Accounts', {
      query: { first: 20, after: first.body.page_info.end_cursor },
    });
    expect(next.body.total).toBe(45);
    expect(next.body.page_info.has_previous_page).toBe(true);
  });

  it('answers a page past the end with empty data, null cursors and both flags false', async () => {
    const all = await h.call('GET', '/entities/Accounts', { query: { first: 100 } });
    expect(all.body.page_info.has_next_page).toBe(false);
    const past = await h.call('GET', '/entities/Accounts', { query: { after: all.body.page_info.end_cursor } });
    expect(past.body).toEqual({
      success: true,
      total: 45,
      page_info: { start_cursor: null, end_cursor: null, has_previous_page: false, has_next_page: false },
      data: [],
    });
  });

  it('still reports end_cursor on the last non-empty page', async () => {
    const res = await h.call('GET', '/entities/Accounts', { query: { first: 100 } });
    expect(res.body.page_info.end_cursor).toEqual(expect.any(String));
  });

  it('clamps first above 100 to 100 rows by default', async () => {
    const res = await h.call('GET', '/entities/Contacts', { query: { first: 150 } });
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(100);
    expect(res.body.page_info.has_next_page).toBe(true);
  });

  it('pages backwards with last and before', async () => {
    const page1 = await h.call('GET', '/entities/Accounts', { query: { first: 10 } });
    const page2 = await h.call('GET', '/entities/Accounts', {
      query: { first: 10, after: page1.body.page_info.end_cursor },
    });
    const back = await h.call('GET', '/entities/Accounts', {
      query: { last: 10, before: page2.body.page_info.start_cursor },
    });
    expect(back.body.data.map((r: { id: string }) => r.id)).toEqual(page1.body.data.map((r: { id: string }) => r.id));
    expect(back.body.page_info.has_previous_page).toBe(false);
    expect(back.body.page_info.has_next_page).toBe(true);
  });

  it('returns the last M of the first N records for first + last', async () => {
    const ten = await h.call('GET', '/entities/Accounts', { query: { first: 10 } });
    const res = await h.call('GET', '/entities/Accounts', { query: { first: 10, last: 3 } });
    expect(res.body.data.map((r: { id: string }) => r.id)).toEqual(
      ten.body.data.slice(7).map((r: { id: string }) => r.id),
    );
  });

  it('orders by several fields with - for descending, ties broken by id', async () => {
    const res = await h.call('GET', '/entities/Accounts', { query: { first: 100, 'order-by': 'account_class,-name' } });
    const rows = res.body.data as { account_class: number; name: string }[];
    for (let i = 1; i < rows.length; i += 1) {
      const a = rows[i - 1]!;
      const b = rows[i]!;
      expect(a.account_class < b.account_class || (a.account_class === b.account_class && a.name >= b.name)).toBe(true);
    }
  });

  it('keeps cursor paging stable for a non-unique sort key', async () => {
    const { ids } = await walk('/entities/Contacts', { first: 17, 'order-by': 'owner_id' });
    expect(new Set(ids).size).toBe(230);
  });

  it('orders datetimes chronologically and walks them with cursors', async () => {
    const { ids } = await walk('/entities/Contacts', { first: 50, 'order-by': '-modified' });
    const modified = ids.map((id) => h.sim.record('Contacts', id)!['modified'] as string);
    expect(modified).toEqual([...modified].sort().reverse());
  });

  it('rejects a malformed cursor with 400 code 117', async () => {
    const res = await h.call('GET', '/entities/Accounts', { query: { after: 'not-a-cursor' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(117);
  });

  it('rejects a cursor minted for another sort order', async () => {
    const res = await h.call('GET', '/entities/Accounts', { query: { first: 5 } });
    const other = await h.call('GET', '/entities/Accounts', {
      query: { 'order-by': 'name', after: res.body.page_info.end_cursor },
    });
    expect(other.status).toBe(400);
  });

  it('serves the legacy limit/offset parameters without page_info, as the spec describes', async () => {
    const res = await h.call('GET', '/entities/Accounts', { query: { limit: 5, offset: 10 } });
    expect(res.body.page_info).toBeUndefined();
    expect(res.body.data).toHaveLength(5);
    const all = await h.call('GET', '/entities/Accounts', { query: { first: 15 } });
    expect(res.body.data[0].id).toBe(all.body.data[10].id);
  });
});

describe('Pipeliner simulator: first above 100 in error mode', () => {
  const strict = useSimulator({ oversizePage: 'error', size: { accounts: 5, contacts: 5, opportunities: 1 } });

  it('answers first above 100 with 400 code 117', async () => {
    const res = await strict.call('GET', '/entities/Contacts', { query: { first: 101 } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 117, name: 'ERROR_PARAMETER_INVALID', success: false });
  });

  it('accepts first equal to 100', async () => {
    const res = await strict.call('GET', '/entities/Contacts', { query: { first: 100 } });
    expect(res.status).toBe(200);
  });
});
