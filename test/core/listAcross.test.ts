import type { Connector, ListArgs, Page } from '../../src/core/connector';
import { GatewayError } from '../../src/core/errors';
import { listAcross } from '../../src/core/listAcross';
import { CursorCodec, type ConnectionResult } from '../../src/core/paging';
import type { ContactRecord } from '../../src/core/records';
import { recordingCall } from '../support/calls';

const cursors = CursorCodec.ephemeral();

/** An in-memory source whose pages hold at most `vendorPage` rows, paged by offset. */
function fakeSource(id: string, names: string[], vendorPage: number, opts: { total?: boolean; fail?: boolean } = {}): Connector {
  const rows: ContactRecord[] = names.map((n) => ({
    entity: 'CONTACT', source: id, remoteId: n, firstName: n, middleName: null, lastName: null, name: n, title: null,
    jobTitle: null, emails: [], phones: [], primaryAccountId: null, accounts: [], ownerId: null, createdAt: null,
    updatedAt: null, remoteData: null,
  }));
  return {
    id, vendor: 'PIPELINER', name: id, capabilities: [], maxPageSize: vendorPage, maxBatchSize: 10,
    async list(_e: string, args: ListArgs<unknown>): Promise<Page<ContactRecord>> {
      if (opts.fail) throw new GatewayError('SOURCE_UNAVAILABLE', `Source "${id}" is unavailable`, { source: id });
      const start = args.after ? Number(args.after) : 0;
      const end = Math.min(rows.length, start + Math.min(args.first, vendorPage));
      return { records: rows.slice(start, end), next: end < rows.length ? String(end) : null, totalCount: opts.total === false ? null : rows.length, related: [] };
    },
  } as unknown as Connector;
}

async function walk(connectors: Connector[], first: number) {
  const seen: string[] = [];
  const reported: GatewayError[] = [];
  let after: string | null = null;
  const totals: Array<number | null> = [];
  for (let guard = 0; guard < 50; guard += 1) {
    const page: ConnectionResult<ContactRecord> = await listAcross({
      entity: 'CONTACT', connectors, filterFor: () => ({}), first, after, cursors, include: new Set(), call: recordingCall(),
      prime: () => undefined, reportPartial: (e) => reported.push(e),
    });
    seen.push(...page.edges.map((e) => `${e.node.source}:${e.node.remoteId}`));
    totals.push(page.totalCount);
    if (!page.pageInfo.hasNextPage) return { seen, reported, totals };
    after = page.pageInfo.endCursor;
  }
  throw new Error('paging never ended');
}

describe('lists across sources', () => {
  const a = ['a1', 'a2', 'a3', 'a4', 'a5'];
  const b = ['b1', 'b2', 'b3'];

  it('serves every row exactly once, source by source, whatever the page sizes', async () => {
    for (const first of [1, 2, 3, 7, 100]) {
      const { seen } = await walk([fakeSource('a', a, 2), fakeSource('b', b, 2)], first);
      expect(seen).toEqual([...a.map((x) => `a:${x}`), ...b.map((x) => `b:${x}`)]);
    }
  });

  it('resumes from any edge cursor, not only the end cursor', async () => {
    const sources = [fakeSource('a', a, 3), fakeSource('b', b, 3)];
    const page = await listAcross({
      entity: 'CONTACT', connectors: sources, filterFor: () => ({}), first: 4, after: null, cursors, include: new Set(),
      call: recordingCall(), prime: () => undefined, reportPartial: () => undefined,
    });
    const second = page.edges[1]!.cursor;
    const rest: string[] = [];
    let after: string | null = second;
    while (after) {
      const next: ConnectionResult<ContactRecord> = await listAcross({
        entity: 'CONTACT', connectors: sources, filterFor: () => ({}), first: 2, after, cursors, include: new Set(),
        call: recordingCall(), prime: () => undefined, reportPartial: () => undefined,
      });
      rest.push(...next.edges.map((e) => e.node.remoteId));
      after = next.pageInfo.hasNextPage ? next.pageInfo.endCursor : null;
    }
    expect(rest).toEqual(['a3', 'a4', 'a5', 'b1', 'b2', 'b3']);
  });

  it('sums totalCount only when every source reports one', async () => {
    expect((await walk([fakeSource('a', a, 10), fakeSource('b', b, 10)], 50)).totals).toEqual([8]);
    expect((await walk([fakeSource('a', a, 10), fakeSource('b', b, 10, { total: false })], 50)).totals).toEqual([null]);
  });

  it('leaves a failing source out with its error while the others answer', async () => {
    const { seen, reported } = await walk([fakeSource('a', a, 10, { fail: true }), fakeSource('b', b, 10)], 10);
    expect(seen).toEqual(b.map((x) => `b:${x}`));
    expect(reported.map((e) => [e.code, e.detail.source])).toEqual([['SOURCE_UNAVAILABLE', 'a']]);
  });

  it('answers an empty page with the error when every source fails, so sibling fields survive', async () => {
    const { seen, reported, totals } = await walk([fakeSource('a', a, 10, { fail: true })], 10);
    expect(seen).toEqual([]);
    expect(totals).toEqual([null]);
    expect(reported.map((e) => e.code)).toEqual(['SOURCE_UNAVAILABLE']);
  });

  it('refuses a cursor of another list', async () => {
    const { totals } = await walk([fakeSource('a', a, 2)], 2);
    expect(totals.length).toBeGreaterThan(1);
    const page = await listAcross({
      entity: 'CONTACT', connectors: [fakeSource('a', a, 2)], filterFor: () => ({}), first: 2, after: null,
      cursors,
      include: new Set(), call: recordingCall(), prime: () => undefined, reportPartial: () => undefined,
    });
    await expect(
      listAcross({
        entity: 'CONTACT', connectors: [fakeSource('z', a, 2)], filterFor: () => ({}), first: 2,
        after: page.pageInfo.endCursor, cursors, include: new Set(), call: recordingCall(), prime: () => undefined,
        reportPartial: () => undefined,
      }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
