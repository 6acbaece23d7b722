import { encodeId } from '../../../src/core/globalId';
import { dataOf } from '../../support/gateway';
import { filterProblems, providerOfPath } from './filterContract';
import { startSuperOffice, type SuperOfficeSetup } from './harness';

/**
 * Issue 12, points 1 and 2: every `$filter` the connector builds uses only columns the archive
 * reference marks restrictable, with the operators of their restriction type (sale type, stage,
 * company and status are FindSale list columns: `equals`; "updated since" is on `date`
 * columns: day operators), and a text value never leaves its quoted literal — whatever
 * backslashes and quotes it holds, it answers exactly the matching records.
 */
describe('SuperOffice: filters the real archives accept', () => {
  let s: SuperOfficeSetup;
  beforeAll(async () => {
    s = await startSuperOffice({ sim: { size: { companies: 6, persons: 12, sales: 30 } } });
  });
  afterAll(async () => s.close());

  const q = async (query: string, variables?: Record<string, unknown>) => dataOf(await s.gateway.execute(query, variables));
  const sentFilters = (): Array<{ provider: string; filter: string }> =>
    s.sim.server.log.flatMap((r) => {
      const provider = r.method === 'GET' ? providerOfPath(r.path) : null;
      const filter = new URLSearchParams(r.query).get('$filter');
      return provider && filter ? [{ provider, filter }] : [];
    });
  const expectOnlyDocumentedFilters = (): void => {
    const sent = sentFilters();
    expect(sent.length).toBeGreaterThan(0);
    for (const { provider, filter } of sent) expect({ filter, problems: filterProblems(provider, filter) }).toEqual({ filter, problems: [] });
  };
  const ids = (edges: Array<{ node: { remoteId: string } }>) => edges.map((e) => String(e.node.remoteId)).sort();
  const sorted = (values: number[]) => values.map(String).sort();

  beforeEach(() => s.sim.server.clearLog());

  it('filters opportunities by pipeline, stage, account and status with list operators', async () => {
    const sale = s.sim.store.sales().find((x) => x.contactId > 1)!;
    const stageGid = encodeId('Stage', 'superoffice', `${sale.saleTypeId}.${sale.stageId}`);
    const data = await q(
      `query($p: ID!, $st: ID!, $a: ID!) {
        byPipeline: opportunities(first: 100, filter: { pipelineId: $p }) { edges { node { remoteId } } }
        byStage: opportunities(first: 100, filter: { stageId: $st }) { edges { node { remoteId } } }
        byAccount: opportunities(first: 100, filter: { accountId: $a }) { edges { node { remoteId } } }
        byStatus: opportunities(first: 100, filter: { status: OPEN }) { edges { node { remoteId } } }
        account(id: $a) { opportunities(first: 100) { edges { node { remoteId } } } } }`,
      {
        p: encodeId('Pipeline', 'superoffice', String(sale.saleTypeId)),
        st: stageGid,
        a: encodeId('Account', 'superoffice', String(sale.contactId)),
      },
    );
    const sales = s.sim.store.sales();
    expect(ids(data.byPipeline.edges)).toEqual(sorted(sales.filter((x) => x.saleTypeId === sale.saleTypeId).map((x) => x.id)));
    expect(ids(data.byStage.edges)).toEqual(
      sorted(sales.filter((x) => x.saleTypeId === sale.saleTypeId && x.stageId === sale.stageId).map((x) => x.id)),
    );
    expect(ids(data.byAccount.edges)).toEqual(sorted(sales.filter((x) => x.contactId === sale.contactId).map((x) => x.id)));
    expect(ids(data.account.opportunities.edges)).toEqual(ids(data.byAccount.edges));
    expect(ids(data.byStatus.edges)).toEqual(sorted(sales.filter((x) => x.status === 'Open').map((x) => x.id)));
    const filters = sentFilters().map((f) => f.filter);
    expect(filters).toEqual(expect.arrayContaining([`saleType equals ${sale.saleTypeId}`, `contactId equals ${sale.contactId}`, 'saleStatus equals 1']));
    expect(filters).toContain(`saleType equals ${sale.saleTypeId} and stage equals ${sale.stageId}`);
    expectOnlyDocumentedFilters();
  });

  it('filters "updated since" on date columns with day operators, exact to the second', async () => {
    const persons = s.sim.store.persons();
    const times = persons.map((p) => p.updatedDate!).sort((a, b) => a - b);
    const since = new Date(times[Math.floor(times.length / 2)]!).toISOString();
    const data = await q(
      `query($t: DateTime!) {
        contacts(first: 100, filter: { updatedSince: $t }) { edges { node { remoteId } } }
        accounts(first: 100, filter: { updatedSince: $t }) { edges { node { remoteId } } }
        opportunities(first: 100, filter: { updatedSince: $t }) { edges { node { remoteId } } } }`,
      { t: since },
    );
    const from = Math.floor(Date.parse(since) / 1000) * 1000;
    expect(ids(data.contacts.edges)).toEqual(sorted(persons.filter((p) => p.updatedDate! >= from).map((p) => p.id)));
    expect(ids(data.accounts.edges)).toEqual(sorted(s.sim.store.contacts().filter((c) => (c.updatedDate ?? 0) >= from).map((c) => c.id)));
    expect(ids(data.opportunities.edges)).toEqual(sorted(s.sim.store.sales().filter((x) => (x.updatedDate ?? 0) >= from).map((x) => x.id)));
    expectOnlyDocumentedFilters();
  });

  it('filters persons by e-mail, name and company, and companies by name and e-mail, with documented operators', async () => {
    const p = s.sim.store.persons().find((x) => x.contactId > 1 && x.emails.length > 0)!;
    const c = s.sim.store.contact(p.contactId)!;
    const data = await q(
      `query($e: String, $n: String, $a: ID!, $cn: String) {
        byEmail: contacts(first: 100, filter: { email: $e }) { edges { node { remoteId } } }
        byName: contacts(first: 100, filter: { name: $n }) { edges { node { remoteId } } }
        byAccount: contacts(first: 100, filter: { accountId: $a }) { edges { node { remoteId } } }
        accounts(first: 100, filter: { name: $cn }) { edges { node { remoteId } } } }`,
      { e: p.emails[0]!.value, n: p.lastname, a: encodeId('Account', 'superoffice', String(c.id)), cn: c.name },
    );
    expect(ids(data.byEmail.edges)).toContain(String(p.id));
    expect(ids(data.byName.edges)).toContain(String(p.id));
    expect(ids(data.byAccount.edges)).toEqual(sorted(s.sim.store.persons().filter((x) => x.contactId === c.id).map((x) => x.id)));
    expect(ids(data.accounts.edges)).toContain(String(c.id));
    expectOnlyDocumentedFilters();
  });

  it('keeps backslashes and quotes inside the literal: exactly the matching record, never a vendor error', async () => {
    const lastName = "Back\\'slash";
    const made = await q(
      `mutation($l: String) { createContact(input: { source: "superoffice", firstName: "Bea", lastName: $l, emails: ["b\\\\'q@x.test"] }) { contact { remoteId } userErrors { message } } }`,
      { l: lastName },
    );
    expect(made.createContact.userErrors).toEqual([]);
    const id = String(made.createContact.contact.remoteId);
    s.sim.server.clearLog();
    const injection = "x\\' or personId gt 0 or lastName eq \\'y";
    const answer = await s.gateway.execute(
      `query($n: String, $e: String, $i: String) {
        byName: contacts(first: 50, filter: { name: $n }) { edges { node { remoteId } } }
        byEmail: contacts(first: 50, filter: { email: $e }) { edges { node { remoteId } } }
        injected: contacts(first: 50, filter: { email: $i }) { edges { node { remoteId } } }
        injectedName: accounts(first: 50, filter: { name: $i }) { edges { node { remoteId } } } }`,
      { n: "k\\'sla", e: "B\\'Q@x.test", i: injection },
    );
    expect(answer.errors ?? []).toEqual([]);
    const data = answer.data as any;
    expect(ids(data.byName.edges)).toEqual([id]);
    expect(ids(data.byEmail.edges)).toEqual([id]);
    expect(data.injected.edges).toEqual([]);
    expect(data.injectedName.edges).toEqual([]);
    for (const { filter } of sentFilters()) expect(filter).not.toContain('\\');
    expectOnlyDocumentedFilters();
  });
});
