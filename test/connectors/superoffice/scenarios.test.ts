import { dataOf, vendorRequests } from '../../support/gateway';
import { startSuperOffice, type SuperOfficeSetup } from './harness';

/**
 * The "must hold" path through GraphQL: a company, a person at it with a job title, a
 * sale for them in a chosen sale type at its first stage in a non-base currency; reading back
 * shows the links, the stage, the probability and the money with its base amount. Checked
 * against what the simulator stored and what the connector POSTed.
 */
describe('SuperOffice: company, person and sale through GraphQL', () => {
  let s: SuperOfficeSetup;
  beforeAll(async () => {
    s = await startSuperOffice();
  });
  afterAll(async () => s.close());

  it('creates a company, a person with a job title, a sale in a chosen sale type and currency, and reads them back', async () => {
    const account = dataOf(
      await s.gateway.execute(
        `mutation($input: CreateAccountInput!) { createAccount(input: $input) {
           account { id remoteId name emails phones website address { street city postalCode country } owner { name } }
           userErrors { field message } warnings } }`,
        {
          input: {
            source: 'superoffice',
            name: 'Nordlys Shipping AS',
            emails: ['post@nordlys.test'],
            phones: ['+47 22 00 00 00'],
            website: 'https://nordlys.test',
            address: { street: 'Kaigata 1', city: 'Bergen', postalCode: '5003', country: 'Norway' },
          },
        },
      ),
    ).createAccount;
    expect(account.userErrors).toEqual([]);
    expect(account.account).toMatchObject({
      name: 'Nordlys Shipping AS',
      emails: ['post@nordlys.test'],
      phones: ['+47 22 00 00 00'],
      website: 'https://nordlys.test',
      address: { street: 'Kaigata 1', city: 'Bergen', postalCode: '5003', country: 'Norway' },
      owner: { name: 'Ragnhild Jensen' },
    });

    const person = dataOf(
      await s.gateway.execute(
        `mutation($input: CreateContactInput!) { createContact(input: $input) {
           contact { id remoteId name title jobTitle emails primaryAccount { id name } accounts { isPrimary jobTitle account { name } } owner { name } }
           userErrors { field message code } } }`,
        {
          input: {
            source: 'superoffice',
            firstName: 'Ingrid',
            lastName: 'Solberg',
            title: 'Ms',
            jobTitle: 'Head of Procurement',
            emails: ['ingrid@nordlys.test', 'ingrid.solberg@mail.test'],
            accountId: account.account.id,
          },
        },
      ),
    ).createContact;
    expect(person.userErrors).toEqual([]);
    expect(person.contact).toMatchObject({
      name: 'Ingrid Solberg',
      title: 'Ms',
      jobTitle: 'Head of Procurement',
      emails: ['ingrid@nordlys.test', 'ingrid.solberg@mail.test'],
      primaryAccount: { id: account.account.id, name: 'Nordlys Shipping AS' },
      accounts: [{ isPrimary: true, jobTitle: 'Head of Procurement', account: { name: 'Nordlys Shipping AS' } }],
      // A person at a company has the company's owner.
      owner: { name: 'Ragnhild Jensen' },
    });
    // What SuperOffice received: the company link as `Contact: {ContactId}`, the job title as `Title`.
    expect(s.sim.server.requests('POST', '/Person').at(-1)?.body).toEqual({
      Firstname: 'Ingrid',
      Lastname: 'Solberg',
      Mrmrs: 'Ms',
      Title: 'Head of Procurement',
      Emails: [{ Value: 'ingrid@nordlys.test' }, { Value: 'ingrid.solberg@mail.test' }],
      Contact: { ContactId: Number(account.account.remoteId) },
    });

    const refs = dataOf(
      await s.gateway.execute(
        `{ pipelines { id name stages { id name position probability } } currencies { code isBase exchangeRate } }`,
      ),
    );
    const upsell = refs.pipelines.find((p: { name: string }) => p.name === 'Upsell');
    const usd = refs.currencies.find((c: { code: string }) => c.code === 'USD');
    expect(upsell.stages.map((st: { name: string }) => st.name)).toEqual(['Discovery', 'Demo', 'Contract sent']);
    expect(usd).toEqual({ code: 'USD', isBase: false, exchangeRate: 1.08 });

    const created = dataOf(
      await s.gateway.execute(
        `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) {
           opportunity { id remoteId name status closingDate probability
             value { amount currencyCode baseAmount currency { code isBase } }
             pipeline { name } stage { id name position probability }
             account { name } primaryContact { name } contacts { name } owner { name } }
           userErrors { field message code } warnings } }`,
        {
          input: {
            source: 'superoffice',
            name: 'Reefer containers 2027',
            accountId: account.account.id,
            primaryContactId: person.contact.id,
            pipelineId: upsell.id,
            closingDate: '2027-03-31',
            value: { amount: '1000', currencyCode: 'USD' },
          },
        },
      ),
    ).createOpportunity;
    expect(created.userErrors).toEqual([]);
    expect(created.warnings).toEqual([]);
    const expected = {
      name: 'Reefer containers 2027',
      status: 'OPEN',
      closingDate: '2027-03-31',
      probability: 20,
      value: { amount: '1000', currencyCode: 'USD', baseAmount: '925.93', currency: { code: 'USD', isBase: false } },
      pipeline: { name: 'Upsell' },
      stage: { id: upsell.stages[0].id, name: 'Discovery', position: 0, probability: 20 },
      account: { name: 'Nordlys Shipping AS' },
      primaryContact: { name: 'Ingrid Solberg' },
      contacts: [{ name: 'Ingrid Solberg' }],
      owner: { name: 'Ragnhild Jensen' },
    };
    expect(created.opportunity).toMatchObject(expected);

    // What SuperOffice stored: the sale type, its first stage, the currency, company and person.
    const stored = s.sim.store.sale(Number(created.opportunity.remoteId));
    expect(stored).toMatchObject({
      heading: 'Reefer containers 2027',
      saleTypeId: 2,
      stageId: 6,
      currencyId: 2,
      amount: 1000,
      probability: 20,
      contactId: Number(account.account.remoteId),
      personId: Number(person.contact.remoteId),
      associateId: 1,
      status: 'Open',
    });

    // Read back in a later request: from the vendor, not from the create's answer.
    const read = await s.gateway.execute(
      `query($id: ID!, $acc: ID!) {
         opportunity(id: $id) { name status closingDate probability value { amount currencyCode baseAmount currency { code isBase } }
           pipeline { name } stage { id name position probability } account { name } primaryContact { name } contacts { name } owner { name } }
         account(id: $acc) { name contacts(first: 10) { edges { node { name jobTitle } } } opportunities(first: 10) { edges { node { name } } } }
       }`,
      { id: created.opportunity.id, acc: account.account.id },
    );
    expect(dataOf(read).opportunity).toEqual(expected);
    expect(dataOf(read).account).toEqual({
      name: 'Nordlys Shipping AS',
      contacts: { edges: [{ node: { name: 'Ingrid Solberg', jobTitle: 'Head of Procurement' } }] },
      opportunities: { edges: [{ node: { name: 'Reefer containers 2027' } }] },
    });
    expect(vendorRequests(read, 'superoffice')).toBeGreaterThan(0);
  });

  it('creates at a chosen stage with its own probability, and reports contacts a sale cannot hold as warnings', async () => {
    const data = dataOf(
      await s.gateway.execute(`{ pipelines { id name stages { id name probability } }
        accounts(first: 1, filter: { name: "Nordlys Shipping" }) { edges { node { id remoteId } } } }`),
    );
    const renewal = data.pipelines.find((p: { name: string }) => p.name === 'Renewal');
    const accountId = data.accounts.edges[0].node.id;
    const second = dataOf(
      await s.gateway.execute(
        `mutation($a: ID!) { createContact(input: { source: "superoffice", firstName: "Per", lastName: "Hansen", accountId: $a }) { contact { id remoteId } } }`,
        { a: accountId },
      ),
    ).createContact.contact;
    const first = dataOf(
      await s.gateway.execute(
        `query($a: ID!) { contacts(filter: { accountId: $a, name: "Ingrid" }) { edges { node { id remoteId } } } }`,
        { a: accountId },
      ),
    ).contacts.edges[0].node;

    const res = dataOf(
      await s.gateway.execute(
        `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) {
           opportunity { remoteId probability stage { name } pipeline { name } value { currencyCode baseAmount } primaryContact { remoteId } contacts { remoteId } }
           userErrors { field message } warnings } }`,
        {
          input: {
            source: 'superoffice',
            name: 'Renewal 2028',
            accountId,
            contactIds: [first.id, second.id],
            stageId: renewal.stages[1].id,
            probability: 60,
            closingDate: '2028-01-15',
            value: { amount: '500' },
          },
        },
      ),
    ).createOpportunity;
    expect(res.userErrors).toEqual([]);
    expect(res.opportunity).toMatchObject({
      probability: 60,
      stage: { name: renewal.stages[1].name },
      pipeline: { name: 'Renewal' },
      value: { currencyCode: 'EUR', baseAmount: '500' },
      primaryContact: { remoteId: first.remoteId },
      contacts: [{ remoteId: first.remoteId }],
    });
    expect(res.warnings).toEqual([
      `SuperOffice keeps one person per sale: contact "Per Hansen" (${second.remoteId}) not linked; the sale's person is "Ingrid Solberg"`,
    ]);
    expect(s.sim.store.sale(Number(res.opportunity.remoteId))).toMatchObject({
      saleTypeId: 3,
      stageId: 4,
      probability: 60,
      currencyId: 1,
    });
  });

  it("a sale with only a person takes the person's company, in the default sale type", async () => {
    const person = s.sim.store.persons().find((p) => p.contactId > 1)!;
    const pid = dataOf(
      await s.gateway.execute(`query($e: String!) { contacts(filter: { email: $e }) { edges { node { id } } } }`, {
        e: person.emails[0]!.value,
      }),
    ).contacts.edges[0].node.id;
    const res = dataOf(
      await s.gateway.execute(
        `mutation($p: ID!) { createOpportunity(input: { source: "superoffice", name: "Walk-in", primaryContactId: $p, closingDate: "2027-05-01", value: { amount: "10" } }) {
           opportunity { remoteId account { remoteId } pipeline { name } stage { name position } } userErrors { message } } }`,
        { p: pid },
      ),
    ).createOpportunity;
    expect(res.userErrors).toEqual([]);
    expect(res.opportunity).toMatchObject({
      account: { remoteId: String(person.contactId) },
      pipeline: { name: 'New business' },
      stage: { name: 'Lead', position: 0 },
    });
  });
});
