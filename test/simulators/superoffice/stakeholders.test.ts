import { conformsTo } from './contract';
import { startSim, type Harness } from './harness';

/** A sale's stakeholders: stored and shown as the Swagger's SaleStakeholder, refused where the vendor would. */
describe('SuperOffice simulator: sale stakeholders', () => {
  let h: Harness;
  let people: { company: number; primary: number; other: number };
  beforeAll(async () => {
    h = await startSim();
    const persons = h.sim.store.persons().filter((p) => p.contactId > 1);
    const primary = persons[0]!;
    const other = persons.find((p) => p.contactId !== primary.contactId)!;
    people = { company: primary.contactId, primary: primary.id, other: other.id };
  });
  afterAll(async () => h.close());

  const sale = (saleTypeId: number, stakeholders: unknown) => ({
    Heading: 'Stakeholder sale',
    SaleType: { Id: saleTypeId },
    Contact: { ContactId: people.company },
    Person: { PersonId: people.primary },
    SaleStakeholders: stakeholders,
  });

  it('stores the stakeholders of a sale type that has them and shows them in the entity and the archive', async () => {
    const res = await h.send('POST', '/Sale', sale(4, [{ PersonId: people.other }]));
    expect(res.status).toBe(200);
    expect(res.body.SaleStakeholders).toHaveLength(1);
    expect(res.body.SaleStakeholders[0]).toMatchObject({ PersonId: people.other, SaleId: res.body.SaleId, Rank: 1 });
    expect(res.body.SaleStakeholders[0].SaleStakeholderId).toBeGreaterThan(0);
    expect(conformsTo('SaleStakeholder', res.body.SaleStakeholders[0])).toEqual([]);
    expect((await h.get(`/Sale/${res.body.SaleId}`)).body.SaleStakeholders).toEqual(res.body.SaleStakeholders);

    const archive = await h.get(
      `/SaleStakeholder?$select=saleId,person/personId&$filter=saleId in (${res.body.SaleId})&$orderBy=saleStakeholderId&$mode=full`,
    );
    expect(archive.status).toBe(200);
    expect(
      archive.body.value.map((r: any) => [r.Column.saleId.RawValue, r.Column['person/personId'].RawValue]),
    ).toEqual([[res.body.SaleId, people.other]]);
    const one = await h.get(`/Sale/${res.body.SaleId}/Stakeholders?$select=person/personId`);
    expect(one.body.value).toHaveLength(1);
  });

  it.each([
    [
      'a sale type without stakeholders',
      1,
      () => [{ PersonId: people.other }],
      /SaleStakeholders: Sale type 1 .* has no stakeholders/,
    ],
    ['a person that does not exist', 4, () => [{ PersonId: 999999 }], /SaleStakeholders: Person id 999999 not found/],
    ['no person', 4, () => [{ Comment: 'who?' }], /SaleStakeholders: A stakeholder needs a person/],
    [
      'a role the tenant lacks',
      4,
      () => [{ PersonId: people.other, StakeholderRoleId: 3 }],
      /Stakeholder role id 3 not found/,
    ],
    [
      'the same person twice',
      4,
      () => [{ PersonId: people.other }, { PersonId: people.other }],
      /is a stakeholder twice/,
    ],
  ])('refuses stakeholders on %s, saving nothing', async (_what, type, stakeholders, message) => {
    const before = h.sim.store.sales().length;
    const res = await h.send('POST', '/Sale', sale(type, stakeholders()));
    expect(res.status).toBe(400);
    expect(res.body.ErrorMessage).toMatch(message);
    expect(h.sim.store.sales()).toHaveLength(before);
  });

  it('with stakeholdersWithoutSaleType "drop", saves the sale without them', async () => {
    const other = await startSim({ stakeholdersWithoutSaleType: 'drop' });
    try {
      const res = await other.send('POST', '/Sale', sale(1, [{ PersonId: people.other }]));
      expect(res.status).toBe(200);
      expect(res.body.SaleStakeholders).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('a deleted person leaves the stakeholders', async () => {
    const res = await h.send('POST', '/Sale', sale(4, [{ PersonId: people.other }]));
    expect((await h.send('DELETE', `/Person/${people.other}`)).status).toBe(204);
    expect((await h.get(`/Sale/${res.body.SaleId}`)).body.SaleStakeholders).toEqual([]);
  });
});
