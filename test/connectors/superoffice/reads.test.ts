import { encodeId } from '../../../src/core/globalId';
import { dataOf } from '../../support/gateway';
import { startSuperOffice, type SuperOfficeSetup } from './harness';

/** Every unified entity readable, listable and filterable, checked against the simulator's store. */
describe('SuperOffice: reads, lists and filters', () => {
  let s: SuperOfficeSetup;
  beforeAll(async () => {
    s = await startSuperOffice();
  });
  afterAll(async () => s.close());

  const q = async (query: string, variables?: Record<string, unknown>) =>
    dataOf(await s.gateway.execute(query, variables));
  const gid = (kind: 'Account' | 'Contact' | 'Pipeline' | 'Stage', remoteId: string | number) =>
    encodeId(kind, 'superoffice', String(remoteId));

  it('pages through every person exactly once with the cursor', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: any = (
        await q(
          `query($after: String) { contacts(first: 17, after: $after) { pageInfo { hasNextPage endCursor } edges { node { remoteId } } } }`,
          { after },
        )
      ).contacts;
      seen.push(...page.edges.map((e: any) => String(e.node.remoteId)));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(
      s.sim.store
        .persons()
        .map((p) => String(p.id))
        .sort(),
    );
    expect(pages).toBe(Math.ceil(seen.length / 17));
  });

  it('reads a person with company, job title, owner and dates, as stored', async () => {
    const p = s.sim.store.persons().find((x) => x.contactId > 1 && x.middleName === '' && x.mrmrs !== '')!;
    const company = s.sim.store.contact(p.contactId)!;
    const owner = s.sim.store.associates().find((a) => a.id === company.associateId)!;
    const res = await q(
      `query($id: ID!) { contact(id: $id) { firstName lastName name title jobTitle emails phones
      primaryAccount { remoteId name } accounts { isPrimary jobTitle } owner { remoteId name } createdAt updatedAt } }`,
      { id: gid('Contact', p.id) },
    );
    expect(res.contact).toEqual({
      firstName: p.firstname,
      lastName: p.lastname,
      name: `${p.firstname} ${p.lastname}`,
      title: p.mrmrs,
      jobTitle: p.title,
      emails: p.emails.map((e) => e.value),
      phones: [...p.officePhones, ...p.mobilePhones].map((e) => e.value),
      primaryAccount: { remoteId: String(company.id), name: company.name },
      accounts: [{ isPrimary: true, jobTitle: p.title }],
      owner: { remoteId: String(owner.id), name: `${owner.firstName} ${owner.lastName}` },
      createdAt: new Date(p.createdDate!).toISOString(),
      updatedAt: new Date(p.updatedDate!).toISOString(),
    });
  });

  it('finds a person by any of their e-mails, case-insensitively', async () => {
    const p = s.sim.store.persons().find((x) => x.emails.length > 1)!;
    const res = await q(`query($e: String!) { contacts(filter: { email: $e }) { edges { node { remoteId } } } }`, {
      e: p.emails[1]!.value.toUpperCase(),
    });
    expect(res.contacts.edges).toEqual([{ node: { remoteId: String(p.id) } }]);
    expect(s.sim.server.log.at(-1)?.query).toContain('email%2FemailAddress+is+%27');
  });

  it('filters persons by part of the name, by company, and by update time', async () => {
    const p = s.sim.store.persons().find((x) => x.contactId > 1)!;
    const part = p.lastname.slice(1, 4).toLowerCase();
    const byName = await q(
      `query($n: String!) { contacts(first: 100, filter: { name: $n }) { edges { node { name } } } }`,
      { n: part },
    );
    const expectedNames = s.sim.store
      .persons()
      .filter((x) => [x.firstname, x.middleName, x.lastname].join(' ').toLowerCase().includes(part));
    expect(byName.contacts.edges).toHaveLength(expectedNames.length);
    expect(byName.contacts.edges.every((e: any) => String(e.node.name).toLowerCase().includes(part))).toBe(true);

    const byCompany = await q(
      `query($a: ID!) { contacts(first: 100, filter: { accountId: $a }) { edges { node { remoteId primaryAccount { remoteId } } } } }`,
      { a: gid('Account', p.contactId) },
    );
    const expected = s.sim.store
      .persons()
      .filter((x) => x.contactId === p.contactId)
      .map((x) => String(x.id));
    expect(byCompany.contacts.edges.map((e: any) => String(e.node.remoteId))).toEqual(expected);
    expect(byCompany.contacts.edges.every((e: any) => e.node.primaryAccount.remoteId === String(p.contactId))).toBe(
      true,
    );

    const sorted = s.sim.store
      .persons()
      .map((x) => x.updatedDate!)
      .sort((a, b) => a - b);
    const since = new Date(sorted[Math.floor(sorted.length / 2)]!).toISOString();
    const recent = await q(
      `query($t: DateTime!) { contacts(first: 100, filter: { updatedSince: $t }) { edges { node { updatedAt } } } }`,
      { t: since },
    );
    expect(recent.contacts.edges).toHaveLength(sorted.filter((t) => t >= Date.parse(since)).length);
    expect(recent.contacts.edges.every((e: any) => e.node.updatedAt >= since)).toBe(true);
  });

  it("lists a company's persons and sales through the account", async () => {
    const company = s.sim.store
      .contacts()
      .find((c) => s.sim.store.sales().filter((x) => x.contactId === c.id).length > 1)!;
    const res = await q(
      `query($id: ID!) { account(id: $id) { name emails website address { city country } owner { remoteId }
      contacts(first: 50) { edges { node { remoteId } } } opportunities(first: 50) { edges { node { remoteId } } } } }`,
      { id: gid('Account', company.id) },
    );
    const postal = company.address.postal.city ? company.address.postal : company.address.street;
    expect(res.account).toEqual({
      name: company.name,
      emails: company.emails.map((e) => e.value),
      website: company.urls[0]?.value ?? null,
      address: {
        city: postal.city,
        country: s.sim.store.lists().countries.find((c) => c.id === company.countryId)!.name,
      },
      owner: { remoteId: String(company.associateId) },
      contacts: {
        edges: s.sim.store
          .persons()
          .filter((p) => p.contactId === company.id)
          .map((p) => ({ node: { remoteId: String(p.id) } })),
      },
      opportunities: {
        edges: s.sim.store
          .sales()
          .filter((x) => x.contactId === company.id)
          .map((x) => ({ node: { remoteId: String(x.id) } })),
      },
    });
  });

  it('filters companies by part of the name and by e-mail', async () => {
    const c = s.sim.store.contacts().find((x) => x.id > 1)!;
    const word = c.name.split(' ')[0]!;
    const byName = await q(
      `query($n: String!) { accounts(first: 100, filter: { name: $n }) { edges { node { remoteId name } } } }`,
      { n: word.toLowerCase() },
    );
    expect(byName.accounts.edges.map((e: any) => String(e.node.remoteId))).toEqual(
      s.sim.store
        .contacts()
        .filter((x) => x.name.toLowerCase().includes(word.toLowerCase()))
        .map((x) => String(x.id)),
    );
    const byEmail = await q(
      `query($e: String!) { accounts(filter: { email: $e }) { edges { node { remoteId emails } } } }`,
      { e: c.emails[0]!.value },
    );
    expect(byEmail.accounts.edges).toEqual([{ node: { remoteId: String(c.id), emails: [c.emails[0]!.value] } }]);
  });

  it('filters sales by company, status, sale type and stage, alone and combined', async () => {
    const sales = s.sim.store.sales();
    const sale = sales.find((x) => x.status === 'Open' && x.saleTypeId === 3)!;
    const ids = async (filter: string): Promise<string[]> => {
      const res = await q(`{ opportunities(first: 100, filter: { ${filter} }) { edges { node { remoteId } } } }`);
      return (res.opportunities.edges as Array<{ node: { remoteId: string } }>).map((e) => e.node.remoteId);
    };
    const expectIds = (pred: (x: (typeof sales)[number]) => boolean) => sales.filter(pred).map((x) => String(x.id));

    expect(await ids(`accountId: "${gid('Account', sale.contactId)}"`)).toEqual(
      expectIds((x) => x.contactId === sale.contactId),
    );
    expect(await ids(`status: STALLED`)).toEqual(expectIds((x) => x.status === 'Stalled'));
    expect(await ids(`status: WON`)).toEqual(expectIds((x) => x.status === 'Sold'));
    expect(await ids(`pipelineId: "${gid('Pipeline', 3)}"`)).toEqual(expectIds((x) => x.saleTypeId === 3));
    // Stage "Qualified" (Rating 2) sits in New business and Renewal; the stage id names the Renewal one.
    expect(await ids(`stageId: "${gid('Stage', `3.${sale.stageId}`)}"`)).toEqual(
      expectIds((x) => x.saleTypeId === 3 && x.stageId === sale.stageId),
    );
    expect(
      await ids(`status: OPEN, pipelineId: "${gid('Pipeline', 3)}", stageId: "${gid('Stage', `3.${sale.stageId}`)}"`),
    ).toEqual(expectIds((x) => x.status === 'Open' && x.saleTypeId === 3 && x.stageId === sale.stageId));
    // A stage of another sale type than the one asked for matches nothing, without a call.
    s.sim.server.clearLog();
    expect(await ids(`pipelineId: "${gid('Pipeline', 1)}", stageId: "${gid('Stage', `3.${sale.stageId}`)}"`)).toEqual(
      [],
    );
    expect(s.sim.server.requests('GET', '/Sale')).toEqual([]);
  });

  it('reads a sale with its stage, probability, money and links, as stored', async () => {
    const sale = s.sim.store.sales().find((x) => x.currencyId === 4 && x.personId > 0)!;
    const stage = s.sim.store.stages().find((st) => st.id === sale.stageId)!;
    const type = s.sim.store.saleTypes().find((t) => t.id === sale.saleTypeId)!;
    const res = await q(
      `query($id: ID!) { opportunity(id: $id) { name status probability closingDate
      value { amount currencyCode baseAmount currency { code exchangeRate } } pipeline { name }
      stage { name position probability } account { remoteId } primaryContact { remoteId } contacts { remoteId } owner { remoteId } } }`,
      { id: encodeId('Opportunity', 'superoffice', String(sale.id)) },
    );
    expect(res.opportunity).toEqual({
      name: sale.heading,
      status: { Open: 'OPEN', Sold: 'WON', Lost: 'LOST', Stalled: 'STALLED' }[sale.status],
      probability: sale.probability,
      closingDate: new Date(sale.saledate!).toISOString().slice(0, 10),
      value: {
        amount: String(sale.amount),
        currencyCode: 'NOK',
        baseAmount: String(Math.round((sale.amount / 1166) * 100 * 100) / 100),
        currency: { code: 'NOK', exchangeRate: 11.66 },
      },
      pipeline: { name: type.name },
      stage: { name: stage.name, position: type.stageIds.indexOf(stage.id), probability: stage.probability },
      account: { remoteId: String(sale.contactId) },
      primaryContact: { remoteId: String(sale.personId) },
      contacts: [{ remoteId: String(sale.personId) }],
      owner: { remoteId: String(sale.associateId) },
    });
  });

  it('lists pipelines with their stages in order, currencies with rates and the base, and users', async () => {
    const res = await q(
      `{ pipelines { remoteId name stages { id name position probability } } currencies { code name isBase exchangeRate } users { remoteId name email } }`,
    );
    expect(
      res.pipelines.map((p: any) => [
        String(p.name),
        p.stages.map((st: any) => `${st.position}:${st.name}:${st.probability}`) as string[],
      ]),
    ).toEqual([
      ['New business', ['0:Lead:10', '1:Qualified:25', '2:Proposal:50', '3:Negotiation:75', '4:Verbal acceptance:90']],
      ['Upsell', ['0:Discovery:20', '1:Demo:40', '2:Contract sent:80']],
      ['Renewal', ['0:Qualified:25', '1:Negotiation:75', '2:Verbal acceptance:90']],
      ['Key account', ['0:Lead:10', '1:Proposal:50', '2:Negotiation:75', '3:Contract sent:80']],
    ]);
    // The same Rating in two sale types is two stages, each with its own id.
    const qualified = (
      res.pipelines.flatMap((p: any) => p.stages as unknown[]) as Array<{ id: string; name: string }>
    ).filter((st) => st.name === 'Qualified');
    expect(new Set(qualified.map((st) => st.id)).size).toBe(2);
    expect(res.currencies).toEqual([
      { code: 'EUR', name: 'Euro', isBase: true, exchangeRate: 1 },
      { code: 'USD', name: 'US dollar', isBase: false, exchangeRate: 1.08 },
      { code: 'GBP', name: 'Pound sterling', isBase: false, exchangeRate: 0.85 },
      { code: 'NOK', name: 'Norwegian krone', isBase: false, exchangeRate: 11.66 },
      { code: 'SEK', name: 'Swedish krona', isBase: false, exchangeRate: 11.5 },
    ]);
    expect(res.users).toEqual(
      s.sim.store
        .associates()
        .map((a) => ({ remoteId: String(a.id), name: `${a.firstName} ${a.lastName}`, email: a.email })),
    );
  });

  it('answers null for ids SuperOffice does not have, without asking for ids that cannot exist', async () => {
    s.sim.server.clearLog();
    const res = await q(
      `query($a: ID!, $b: ID!, $c: ID!) { a: contact(id: $a) { name } b: account(id: $b) { name } c: contact(id: $c) { name } }`,
      {
        a: gid('Contact', 999999),
        b: gid('Account', 999999),
        c: gid('Contact', 'not-a-number'),
      },
    );
    expect(res).toEqual({ a: null, b: null, c: null });
    expect(s.sim.server.log.map((r) => r.path.replace(/^.*\/api\/v1/, ''))).toEqual(
      expect.arrayContaining(['/Person/999999', '/Contact/999999']),
    );
    expect(s.sim.server.log).toHaveLength(2);
  });
});

describe("SuperOffice: dates and quotes whatever the tenant's zone", () => {
  let s: SuperOfficeSetup;
  beforeAll(async () => {
    // A tenant whose server time is UTC+2: unmarked datetimes would be two hours off.
    s = await startSuperOffice({ sim: { serverUtcOffsetMinutes: 120, size: { companies: 4, persons: 8, sales: 4 } } });
  });
  afterAll(async () => s.close());

  it('reads instants exactly and filters by them', async () => {
    const p = s.sim.store.persons().find((x) => x.contactId > 1)!;
    const res = dataOf(
      await s.gateway.execute(`query($id: ID!) { contact(id: $id) { updatedAt } }`, {
        id: encodeId('Contact', 'superoffice', String(p.id)),
      }),
    );
    expect(res.contact.updatedAt).toBe(new Date(p.updatedDate!).toISOString());
    const since = new Date(p.updatedDate!).toISOString();
    const list = dataOf(
      await s.gateway.execute(
        `query($t: DateTime!) { contacts(first: 100, filter: { updatedSince: $t }) { edges { node { remoteId } } } }`,
        { t: since },
      ),
    );
    expect(list.contacts.edges.map((e: any) => String(e.node.remoteId)).sort()).toEqual(
      s.sim.store
        .persons()
        .filter((x) => x.updatedDate! >= Math.floor(p.updatedDate! / 1000) * 1000)
        .map((x) => String(x.id))
        .sort(),
    );
  });

  it('finds a name with an apostrophe', async () => {
    const created = dataOf(
      await s.gateway.execute(
        `mutation { createContact(input: { source: "superoffice", firstName: "Siobhan", lastName: "O'Brien" }) { contact { remoteId } } }`,
      ),
    );
    const found = dataOf(
      await s.gateway.execute(`{ contacts(filter: { name: "o'bri" }) { edges { node { remoteId name } } } }`),
    );
    expect(found.contacts.edges).toEqual([
      { node: { remoteId: created.createContact.contact.remoteId, name: "Siobhan O'Brien" } },
    ]);
  });
});
