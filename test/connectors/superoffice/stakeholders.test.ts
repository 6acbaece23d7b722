import { encodeId } from '../../../src/core/globalId';
import { dataOf } from '../../support/gateway';
import { startSuperOffice, type SuperOfficeSetup } from './harness';

const CREATE = `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) {
  opportunity { id remoteId contacts { remoteId } primaryContact { remoteId } }
  userErrors { field message code } warnings plannedRequests { method path body } } }`;
const READ = `query($id: ID!) { node(id: $id) { ... on Opportunity { primaryContact { remoteId } contacts { remoteId name } } } }`;

/** Sale type 4 "Key account" has stakeholders (simulator seed); 1 "New business" has none. */
const KEY_ACCOUNT = 4;
const NEW_BUSINESS = 1;

/**
 * Sales with several contacts: the sale holds one Person; on a sale type with stakeholders the
 * further contacts are its SaleStakeholders and read back in `contacts`, otherwise they stay a
 * warning and nothing else is written.
 */
describe('SuperOffice: sales with several contacts', () => {
  let s: SuperOfficeSetup;
  /** A person at a company, a colleague there, and a person at another company. */
  let ids: { company: number; primary: number; colleague: number; outsider: number };

  beforeAll(async () => {
    s = await startSuperOffice();
    const persons = s.sim.store.persons().filter((p) => p.contactId > 1);
    const primary = persons.find((p) => persons.some((q) => q.id !== p.id && q.contactId === p.contactId))!;
    const colleague = persons.find((q) => q.id !== primary.id && q.contactId === primary.contactId)!;
    const outsider = persons.find((q) => q.contactId !== primary.contactId)!;
    ids = { company: primary.contactId, primary: primary.id, colleague: colleague.id, outsider: outsider.id };
  });
  afterAll(async () => s.close());
  beforeEach(() => s.sim.server.clearLog());

  const gid = (kind: 'Account' | 'Contact' | 'Pipeline', id: number) => encodeId(kind, 'superoffice', String(id));
  const input = (saleTypeId: number, extra: Record<string, unknown> = {}) => ({
    source: 'superoffice',
    name: 'Fleet renewal with the buying group',
    closingDate: '2027-03-31',
    value: { amount: '12000' },
    accountId: gid('Account', ids.company),
    pipelineId: gid('Pipeline', saleTypeId),
    primaryContactId: gid('Contact', ids.primary),
    contactIds: [ids.primary, ids.colleague, ids.outsider].map((id) => gid('Contact', id)),
    ...extra,
  });
  const create = async (vars: Record<string, unknown>) =>
    dataOf(await s.gateway.execute(CREATE, { input: vars })).createOpportunity;
  const salePosts = () => s.sim.server.log.filter((r) => r.method === 'POST' && /\/Sale$/.test(r.path));

  it('on a sale type with stakeholders: the primary is the Person, the others stakeholders, all three read back', async () => {
    const out = await create(input(KEY_ACCOUNT));
    expect(out.userErrors).toEqual([]);
    expect(out.warnings).toEqual([]);
    const all = [ids.primary, ids.colleague, ids.outsider].map(String);
    expect(out.opportunity.contacts.map((c: { remoteId: string }) => c.remoteId)).toEqual(all);

    // At the vendor: one Person, two stakeholders in the order given.
    const saved = s.sim.store.sale(Number(out.opportunity.remoteId))!;
    expect(saved.personId).toBe(ids.primary);
    expect(saved.stakeholders.map((st) => st.personId)).toEqual([ids.colleague, ids.outsider]);
    expect(salePosts().map((r) => (r.body as Record<string, unknown>).SaleStakeholders)).toEqual([
      [{ PersonId: ids.colleague }, { PersonId: ids.outsider }],
    ]);

    // A later request reads the sale from the archives, with its stakeholders.
    s.sim.server.clearLog();
    const read = dataOf(await s.gateway.execute(READ, { id: out.opportunity.id })).node;
    expect(read.primaryContact.remoteId).toBe(String(ids.primary));
    expect(read.contacts.map((c: { remoteId: string }) => c.remoteId)).toEqual(all);
    expect(s.sim.server.log.filter((r) => r.path.endsWith('/SaleStakeholder'))).toHaveLength(1);

    const listed = dataOf(
      await s.gateway.execute(
        `query($a: ID!) { opportunities(filter: { accountId: $a }, first: 100) { edges { node { remoteId contacts { remoteId } } } } }`,
        { a: gid('Account', ids.company) },
      ),
    ).opportunities.edges.find((e: any) => e.node.remoteId === out.opportunity.remoteId);
    expect(listed.node.contacts.map((c: { remoteId: string }) => c.remoteId)).toEqual(all);
  });

  it('a dry run shows the stakeholders in the planned POST and writes nothing', async () => {
    const before = s.sim.store.sales().length;
    const out = await create(input(KEY_ACCOUNT, { dryRun: true }));
    expect(out.warnings).toEqual([]);
    expect(out.plannedRequests).toHaveLength(1);
    expect(out.plannedRequests[0].body.SaleStakeholders).toEqual([
      { PersonId: ids.colleague },
      { PersonId: ids.outsider },
    ]);
    expect(s.sim.store.sales()).toHaveLength(before);
  });

  it('on a sale type without stakeholders: the warning as before, only the Person written', async () => {
    const out = await create(input(NEW_BUSINESS));
    expect(out.userErrors).toEqual([]);
    expect(out.warnings).toHaveLength(1);
    expect(out.warnings[0]).toMatch(/keeps one person per sale/);
    expect(out.warnings[0]).toContain(`(${ids.colleague})`);
    expect(out.warnings[0]).toContain(`(${ids.outsider})`);
    expect(out.opportunity.contacts.map((c: { remoteId: string }) => c.remoteId)).toEqual([String(ids.primary)]);
    const saved = s.sim.store.sale(Number(out.opportunity.remoteId))!;
    expect(saved.personId).toBe(ids.primary);
    expect(saved.stakeholders).toEqual([]);
    expect(salePosts().map((r) => 'SaleStakeholders' in (r.body as object))).toEqual([false]);
  });
});
