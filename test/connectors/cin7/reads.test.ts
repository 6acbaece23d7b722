import { recordingCall } from '../../support/calls';
import { dataOf, vendorRequests } from '../../support/gateway';
import { startCin7, whereOf, type Cin7Setup } from './harness';
import { encodeId } from '../../../src/core/globalId';

const CONTACTS = `query($filter: ContactFilter, $first: Int, $after: String) {
  contacts(sources: ["cin7"], filter: $filter, first: $first, after: $after) {
    edges { node { remoteId name emails jobTitle primaryAccount { remoteId name } } }
    pageInfo { hasNextPage endCursor } } }`;

/** Every person of the simulator's store, in the connector's order: newest record first, own person, then secondary contacts. */
function expectedPeople(s: Cin7Setup): string[] {
  return s.sim.store
    .contacts()
    .sort((a, b) => b.id - a.id)
    .flatMap((c) => [...(c.firstName || c.lastName ? [String(c.id)] : []), ...(c.secondaryContacts ?? []).map((sc) => `${c.id}.s${sc.id}`)]);
}

describe('Cin7 Omni reads', () => {
  let s: Cin7Setup;
  beforeAll(async () => {
    s = await startCin7();
  });
  afterAll(async () => s.close());
  beforeEach(() => s.sim.server.clearLog());

  it('lists every person of every record, paging with cursors, one request per page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res = await s.gateway.execute(CONTACTS, { first: 20, after });
      const c = dataOf(res).contacts;
      seen.push(...c.edges.map((e: any) => e.node.remoteId));
      after = c.pageInfo.hasNextPage ? c.pageInfo.endCursor : null;
      expect(vendorRequests(res)).toBeLessThanOrEqual(1);
      pages += 1;
    } while (after && pages < 50);
    expect(seen).toEqual(expectedPeople(s));
    expect(new Set(seen).size).toBe(seen.length);
    // Keyset paging, newest first (cursor.ts): the vendor is always asked with a pinned order.
    const queries = s.sim.server.requests('GET', '/v1/Contacts').map((r) => new URLSearchParams(r.query));
    expect(queries.every((q) => q.get('order') === 'id DESC')).toBe(true);
    expect(queries.slice(1).every((q) => /^id <=? \d+$/.test(q.get('where') ?? ''))).toBe(true);
  });

  it('reads a record person, a secondary contact and an account by id, in one batch read', async () => {
    const record = s.sim.store.contacts().find((c) => (c.secondaryContacts?.length ?? 0) >= 2 && c.company)!;
    const sc = record.secondaryContacts![1]!;
    const ids = [
      encodeId('Contact', 'cin7', String(record.id)),
      encodeId('Contact', 'cin7', `${record.id}.s${sc.id}`),
      encodeId('Account', 'cin7', String(record.id)),
      encodeId('Contact', 'cin7', '999999'),
      encodeId('Contact', 'cin7', `${record.id}.s999999`),
      encodeId('Contact', 'cin7', "1' OR 1=1"),
    ];
    const res = await s.gateway.execute(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Contact { remoteId name primaryAccount { name } } ... on Account { remoteId accountName: name } } }`,
      { ids },
    );
    expect(dataOf(res).nodes).toEqual([
      { remoteId: String(record.id), name: `${record.firstName} ${record.lastName}`, primaryAccount: { name: record.company } },
      { remoteId: `${record.id}.s${sc.id}`, name: `${sc.firstName} ${sc.lastName}`, primaryAccount: { name: record.company } },
      { remoteId: String(record.id), accountName: record.company },
      null,
      null,
      null,
    ]);
    // Both loaders' ids meet in one `where=id IN (…)` (the malformed id never reaches it); the account is primed.
    expect(vendorRequests(res)).toBeLessThanOrEqual(2);
    expect(s.sim.server.requests('GET', '/v1/Contacts').map(whereOf)).toContain(`id IN (${record.id},999999)`);
    expect(s.rejected429()).toBe(0);
  });

  it('finds a secondary contact by e-mail (any case), scanning records since the vendor cannot filter them', async () => {
    const record = s.sim.store.contacts().find((c) => (c.secondaryContacts?.length ?? 0) > 0)!;
    const sc = record.secondaryContacts![0]!;
    const res = await s.gateway.execute(CONTACTS, { filter: { email: sc.email!.toUpperCase() } });
    expect(dataOf(res).contacts.edges.map((e: any) => e.node.remoteId)).toEqual([`${record.id}.s${sc.id}`]);
    expect(vendorRequests(res)).toBe(1);
  });

  it('filters contacts by part of the name, ignoring case, across own and secondary people', async () => {
    const record = s.sim.store.contacts().find((c) => (c.secondaryContacts?.length ?? 0) > 0)!;
    const sc = record.secondaryContacts![0]!;
    const part = `${sc.firstName!.slice(1)} ${sc.lastName!.slice(0, 2)}`.toLowerCase();
    const got = dataOf(await s.gateway.execute(CONTACTS, { filter: { name: part }, first: 100 })).contacts.edges.map((e: any) => e.node);
    expect(got.map((n: any) => n.remoteId)).toContain(`${record.id}.s${sc.id}`);
    expect(got.every((n: any) => n.name.toLowerCase().includes(part))).toBe(true);
  });

  it("lists an account's contacts with one request, and combines accountId with other filters locally", async () => {
    const record = s.sim.store.contacts().find((c) => (c.secondaryContacts?.length ?? 0) >= 2)!;
    const accountId = encodeId('Account', 'cin7', String(record.id));
    const all = await s.gateway.execute(CONTACTS, { filter: { accountId } });
    expect(dataOf(all).contacts.edges.map((e: any) => e.node.remoteId)).toEqual([
      String(record.id),
      ...record.secondaryContacts!.map((sc) => `${record.id}.s${sc.id}`),
    ]);
    expect(whereOf(s.sim.server.log[0])).toBe(`id IN (${record.id})`);
    const one = await s.gateway.execute(CONTACTS, { filter: { accountId, email: record.secondaryContacts![1]!.email } });
    expect(dataOf(one).contacts.edges).toHaveLength(1);
  });

  it('filters by updatedSince on the record modifiedDate (secondary contacts change with their record)', async () => {
    const dates = s.sim.store.contacts().map((c) => c.modifiedDate).sort();
    const since = dates[Math.floor(dates.length * 0.8)]!;
    const res = await s.gateway.execute(CONTACTS, { filter: { updatedSince: since }, first: 100 });
    const ids = dataOf(res).contacts.edges.map((e: any) => Number(e.node.remoteId.split('.')[0]));
    const expected = s.sim.store.contacts().filter((c) => c.modifiedDate >= since).map((c) => c.id);
    expect(new Set(ids)).toEqual(new Set(expected));
    expect(whereOf(s.sim.server.log[0])).toBe(`modifiedDate >= '${since}'`);
  });

  it('filters accounts by company name part, by a private individual\'s name, and by e-mail', async () => {
    const company = s.sim.store.contacts().find((c) => c.company && c.company.length > 6)!;
    const part = company.company!.slice(2, 7).toUpperCase();
    const byName = dataOf(await s.gateway.execute(`query($n: String) { accounts(sources: ["cin7"], filter: { name: $n }, first: 100) { edges { node { name } } } }`, { n: part }));
    expect(byName.accounts.edges.map((e: any) => e.node.name)).toContain(company.company);
    expect(byName.accounts.edges.every((e: any) => e.node.name.toLowerCase().includes(part.toLowerCase()))).toBe(true);

    const individual = s.sim.store.contacts().find((c) => !c.company)!;
    const byPerson = dataOf(await s.gateway.execute(`query($n: String) { accounts(sources: ["cin7"], filter: { name: $n }) { edges { node { remoteId name } } } }`, { n: individual.lastName }));
    expect(byPerson.accounts.edges.map((e: any) => e.node.remoteId)).toContain(String(individual.id));

    const byEmail = dataOf(await s.gateway.execute(`query($e: String) { accounts(sources: ["cin7"], filter: { email: $e }) { edges { node { remoteId } } } }`, { e: company.email }));
    expect(byEmail.accounts.edges).toEqual([{ node: { remoteId: String(company.id) } }]);
  });

  it('reads quotes as opportunities: stage as given, probability, value in the quote currency, customer as account', async () => {
    const res = await s.gateway.execute(`{ opportunities(sources: ["cin7"], first: 100) { edges { node {
      remoteId name status probability closingDate stage { name } value { amount currencyCode currency { code } } account { remoteId } primaryContact { remoteId } pipeline { id } } } } }`);
    const nodes = dataOf(res).opportunities.edges.map((e: any) => e.node);
    const quotes = s.sim.store.quotes().sort((a, b) => b.id - a.id);
    expect(nodes).toHaveLength(quotes.length);
    const q = quotes[0]!;
    expect(nodes[0]).toEqual({
      remoteId: String(q.id),
      name: q.reference,
      status: q.isVoid || q['stage'] === 'Declined' ? 'LOST' : q['stage'] === 'On Hold' ? 'STALLED' : 'OPEN',
      probability: Math.round(Number(q['probability'])),
      closingDate: String(q['expectedOrderDate']).slice(0, 10),
      stage: { name: q['stage'] },
      value: { amount: String(q['total']), currencyCode: q['currencyCode'], currency: null },
      account: { remoteId: String(q.memberId) },
      primaryContact: { remoteId: String(q.memberId) },
      pipeline: null,
    });
    // Quotes (1) + their accounts in one batch read (1).
    expect(vendorRequests(res)).toBe(2);
  });

  it("filters quotes by account and status in the vendor's where", async () => {
    const lost = s.sim.store.quotes().filter((q) => q.isVoid || q['stage'] === 'Declined');
    const res = await s.gateway.execute(`{ opportunities(sources: ["cin7"], filter: { status: LOST }, first: 100) { edges { node { remoteId status } } } }`);
    expect(dataOf(res).opportunities.edges.map((e: any) => e.node.remoteId).sort()).toEqual(lost.map((q) => String(q.id)).sort());
    expect(whereOf(s.sim.server.log[0])).toBe(`status = 'Void' OR stage = 'Declined'`);
    const won = await s.gateway.execute(`{ opportunities(sources: ["cin7"], filter: { status: WON }) { edges { node { id } } } }`);
    expect(dataOf(won).opportunities.edges).toEqual([]);
    expect(vendorRequests(won)).toBe(0);
    const q = s.sim.store.quotes()[0]!;
    const byAccount = await s.gateway.execute(`query($a: ID) { opportunities(filter: { accountId: $a }) { edges { node { account { remoteId } } } } }`, {
      a: encodeId('Account', 'cin7', String(q.memberId)),
    });
    expect(dataOf(byAccount).opportunities.edges.every((e: any) => e.node.account.remoteId === String(q.memberId))).toBe(true);
  });

  it('answers what it cannot do with a typed error: pipelines, currencies, stage filters, quote creates', async () => {
    const res = await s.gateway.execute(`{ pipelines(sources: ["cin7"]) { id } }`);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('UNSUPPORTED_BY_SOURCE');
    const stage = await s.gateway.execute(`query($st: ID) { opportunities(sources: ["cin7"], filter: { stageId: $st }) { edges { node { id } } } }`, {
      st: encodeId('Stage', 'cin7', 'New'),
    });
    expect(stage.errors?.[0]?.extensions?.['code']).toBe('UNSUPPORTED_BY_SOURCE');
    const create = await s.gateway.execute(`mutation { createOpportunity(input: { source: "cin7", name: "Q", closingDate: "2025-01-01", value: { amount: "1" } }) { opportunity { id } } }`);
    expect(create.errors?.[0]?.extensions?.['code']).toBe('UNSUPPORTED_BY_SOURCE');
    expect(s.sim.server.log).toEqual([]);
  });

  it('resolves owners from the users list (one request per operation)', async () => {
    const res = await s.gateway.execute(`{ contacts(sources: ["cin7"], first: 30) { edges { node { owner { name email } } } } users(sources: ["cin7"]) { remoteId name } }`);
    const data = dataOf(res);
    expect(data.users.length).toBe(s.sim.store.users().length);
    expect(data.contacts.edges.filter((e: any) => e.node.owner?.name).length).toBeGreaterThan(10);
    expect(vendorRequests(res)).toBe(2);
  });
});

describe('Cin7 Omni reads: input that must not break the vendor query', () => {
  let s: Cin7Setup;
  beforeAll(async () => {
    s = await startCin7({ sim: { size: { customers: 6, suppliers: 0, users: 2, quotes: 0 } } });
    const created = dataOf(
      await s.gateway.execute(`mutation { createAccounts(inputs: [
        { source: "cin7", name: "O'Brien & Sons" }, { source: "cin7", name: "100% Juice" }, { source: "cin7", name: "Under_score [Ltd]" }, { source: "cin7", name: "1000 Juice" } ]) { account { id } userErrors { message } } }`),
    );
    expect(created.createAccounts.every((p: any) => p.account)).toBe(true);
  });
  afterAll(async () => s.close());
  beforeEach(() => s.sim.server.clearLog());

  const names = async (name: string) =>
    dataOf(await s.gateway.execute(`query($n: String) { accounts(sources: ["cin7"], filter: { name: $n }, first: 100) { edges { node { name } } } }`, { n: name })).accounts.edges.map(
      (e: any) => e.node.name,
    );

  it.each([
    ["O'Brien", ["O'Brien & Sons"]],
    ['100%', ['100% Juice']],
    ['_score [', ['Under_score [Ltd]']],
    ["x' OR '1'='1", []],
    ['%', ['100% Juice']],
    ['&rows=1', []],
  ])('name %j is matched literally', async (name, expected) => {
    expect(await names(name)).toEqual(expected);
    expect(s.sim.server.log.map((r) => r.status)).toEqual([200]);
  });

  it("escapes quotes in an e-mail filter and sends `%` as %25", async () => {
    const res = await s.gateway.execute(`query($e: String) { accounts(sources: ["cin7"], filter: { email: $e }) { edges { node { id } } } }`, { e: "o'neil%@example.test" });
    expect(dataOf(res).accounts.edges).toEqual([]);
    expect(whereOf(s.sim.server.log[0])).toBe("email = 'o''neil%@example.test'");
    const sent = s.sim.server.log[0]!;
    expect(sent.status).toBe(200);
    expect(sent.query).toContain('%25');
  });

  it('refuses a page size above the limits before any vendor request', async () => {
    const res = await s.gateway.execute(CONTACTS, { first: 300 });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const direct = s.connector.list('CONTACT', { filter: {}, first: 251, after: null, include: new Set() }, recordingCall());
    await expect(direct).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: 'Cin7 Omni returns 1 to 250 rows per request, asked for 251' });
    expect(s.sim.server.log).toEqual([]);
  });

  it('refuses a forged cursor without asking the vendor', async () => {
    const forged = Buffer.from(JSON.stringify({ v: 1, p: { cin7: ["5 OR 1=1", 0] } })).toString('base64url');
    const res = await s.gateway.execute(CONTACTS, { after: forged });
    expect(res.errors?.[0]?.message).toMatch(/not a cursor/);
    expect(s.sim.server.log).toEqual([]);
  });
});

describe('Cin7 Omni reads under other vendor behaviours', () => {
  it('never needs parentheses in where (unverified, vendor notes §9 q7), and honours mainPerson search', async () => {
    const s = await startCin7({ sim: { switches: { whereParentheses: false } }, source: { options: { rateLimits: false, contactSearch: 'mainPerson' } } });
    try {
      const person = s.sim.store.contacts().find((c) => c.company && c.firstName)!;
      const res = await s.gateway.execute(`query($n: String) { accounts(sources: ["cin7"], filter: { name: $n }) { edges { node { name } } } }`, { n: person.company });
      expect(dataOf(res).accounts.edges.map((e: any) => e.node.name)).toContain(person.company);
      const byEmail = await s.gateway.execute(CONTACTS, { filter: { email: person.email, name: person.firstName } });
      expect(dataOf(byEmail).contacts.edges.map((e: any) => e.node.remoteId)).toEqual([String(person.id)]);
      expect(whereOf(s.sim.server.log[1])).toBe(`email = '${person.email}' AND firstName LIKE '%${person.firstName}%' OR email = '${person.email}' AND lastName LIKE '%${person.firstName}%'`);
      expect(s.sim.server.log.every((r) => r.status === 200)).toBe(true);
    } finally {
      await s.close();
    }
  });

  it('reports vendor refusals and permission failures as typed errors, whatever the body shape', async () => {
    const s = await startCin7({ sim: { switches: { errorBody: 'message' } } });
    try {
      s.sim.server.failNext({ status: 400, body: { Message: 'The where argument is invalid: boom.' } });
      const bad = await s.gateway.execute(CONTACTS, {});
      expect(bad.errors?.[0]).toMatchObject({ message: 'Cin7 Omni rejected the Contacts list (HTTP 400)', extensions: { code: 'SOURCE_REJECTED' } });
      s.sim.setPermissions({ Contacts: { read: false } });
      const denied = await s.gateway.execute(CONTACTS, {});
      expect(denied.errors?.[0]?.extensions?.['code']).toBe('SOURCE_AUTH_FAILED');
      expect(s.sim.server.pendingFaults()).toBe(0);
    } finally {
      await s.close();
    }
  });
});
