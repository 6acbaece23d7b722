import { dataOf } from '../../support/gateway';
import { startPipeliner, type PipelinerSetup } from './harness';

/**
 * The vendor's own tutorials (seeds "Create Contact" and "Create Opportunity") run as GraphQL:
 * an account, a contact with a job title linked to it, an opportunity for that account with two
 * contacts (one primary) in the first step of the first pipeline, in the base currency.
 */
describe('Pipeliner: the tutorial scenarios through GraphQL', () => {
  let s: PipelinerSetup;
  beforeAll(async () => {
    s = await startPipeliner();
  });
  afterAll(async () => s.close());

  it('creates an account, a linked contact and an opportunity, and reads them back', async () => {
    const account = dataOf(
      await s.gateway.execute(
        `mutation($input: CreateAccountInput!) { createAccount(input: $input) {
           account { id name emails website owner { id name } } userErrors { field message } warnings } }`,
        { input: { source: 'pipeliner', name: 'Acme Rockets', emails: ['hello@acme-rockets.test'], website: 'https://acme-rockets.test' } },
      ),
    ).createAccount;
    expect(account.userErrors).toEqual([]);
    expect(account.account).toMatchObject({ name: 'Acme Rockets', emails: ['hello@acme-rockets.test'], website: 'https://acme-rockets.test' });
    expect(account.account.owner.name).toBeTruthy();

    const contactMutation = `mutation($input: CreateContactInput!) { createContact(input: $input) {
      contact { id name jobTitle emails primaryAccount { id name } accounts { isPrimary jobTitle account { name } } }
      userErrors { field message code } } }`;
    const jane = dataOf(
      await s.gateway.execute(contactMutation, {
        input: { source: 'pipeliner', firstName: 'Jane', lastName: 'Doe', jobTitle: 'Head of Procurement', emails: ['jane@acme-rockets.test'], accountId: account.account.id },
      }),
    ).createContact;
    expect(jane.userErrors).toEqual([]);
    expect(jane.contact).toMatchObject({ name: 'Jane Doe', jobTitle: 'Head of Procurement', primaryAccount: { id: account.account.id, name: 'Acme Rockets' } });
    const john = dataOf(
      await s.gateway.execute(contactMutation, {
        input: { source: 'pipeliner', firstName: 'John', lastName: 'Roe', jobTitle: 'CFO', accountId: account.account.id },
      }),
    ).createContact;
    expect(john.userErrors).toEqual([]);

    // What the vendor received: one primary account relation and the job title as account_position.
    const contactPosts = s.sim.server.requests('POST', '/entities/Contacts');
    expect(contactPosts[0]!.body).toMatchObject({
      first_name: 'Jane',
      last_name: 'Doe',
      account_position: 'Head of Procurement',
      account_relations: [{ account_id: expect.any(String), is_primary: true }],
    });
    expect(contactPosts[0]!.body).not.toHaveProperty('position');

    const refs = dataOf(await s.gateway.execute(`{ pipelines { id name stages { id name position probability } } currencies { code isBase } }`));
    const firstPipeline = refs.pipelines[0];
    const base = refs.currencies.find((c: { isBase: boolean }) => c.isBase);

    const opp = dataOf(
      await s.gateway.execute(
        `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) {
           opportunity { id name status closingDate probability
             value { amount currencyCode baseAmount currency { code isBase } }
             pipeline { name } stage { id name position }
             account { name } primaryContact { name } contacts { name } owner { name } }
           userErrors { field message code } warnings } }`,
        {
          input: {
            source: 'pipeliner',
            name: 'Rocket fuel, 2027 contract',
            accountId: account.account.id,
            contactIds: [jane.contact.id, john.contact.id],
            primaryContactId: john.contact.id,
            closingDate: '2027-03-31',
            value: { amount: '125000.50' },
          },
        },
      ),
    ).createOpportunity;
    expect(opp.userErrors).toEqual([]);
    expect(opp.opportunity).toMatchObject({
      name: 'Rocket fuel, 2027 contract',
      status: 'OPEN',
      closingDate: '2027-03-31',
      value: { amount: '125000.5', currencyCode: base.code, baseAmount: '125000.5', currency: { code: base.code, isBase: true } },
      pipeline: { name: firstPipeline.name },
      stage: { id: firstPipeline.stages[0].id, name: firstPipeline.stages[0].name, position: 0 },
      account: { name: 'Acme Rockets' },
      primaryContact: { name: 'John Roe' },
      contacts: [{ name: 'John Roe' }, { name: 'Jane Doe' }],
    });

    // Read back in a later request: links, stage and money come from the vendor, not a cache.
    const read = dataOf(
      await s.gateway.execute(
        `query($id: ID!, $acc: ID!) {
           opportunity(id: $id) { name stage { name } value { amount currencyCode } account { name } primaryContact { name jobTitle } contacts { name } }
           account(id: $acc) { name contacts(first: 10) { totalCount edges { node { name jobTitle } } } opportunities(first: 10) { edges { node { name } } } }
         }`,
        { id: opp.opportunity.id, acc: account.account.id },
      ),
    );
    expect(read.opportunity).toEqual({
      name: 'Rocket fuel, 2027 contract',
      stage: { name: firstPipeline.stages[0].name },
      value: { amount: '125000.5', currencyCode: base.code },
      account: { name: 'Acme Rockets' },
      primaryContact: { name: 'John Roe', jobTitle: 'CFO' },
      contacts: [{ name: 'John Roe' }, { name: 'Jane Doe' }],
    });
    expect(read.account.contacts.totalCount).toBe(2);
    expect(read.account.contacts.edges.map((e: any) => e.node).sort((a: any, b: any) => a.name.localeCompare(b.name))).toEqual([
      { name: 'Jane Doe', jobTitle: 'Head of Procurement' },
      { name: 'John Roe', jobTitle: 'CFO' },
    ]);
    expect(read.account.opportunities.edges).toEqual([{ node: { name: 'Rocket fuel, 2027 contract' } }]);

    const oppPost = s.sim.server.requests('POST', '/entities/Opportunities')[0]!.body as Record<string, any>;
    expect(oppPost).toMatchObject({
      step_id: expect.any(String),
      closing_date: '2027-03-31',
      value: { base_value: 125000.5, value_foreign: 125000.5, currency_id: expect.any(String) },
      account_relations: [{ account_id: expect.any(String), is_primary: true }],
    });
    expect(oppPost['contact_relations']).toHaveLength(2);
    expect(oppPost['contact_relations'].filter((r: { is_primary: boolean }) => r.is_primary)).toHaveLength(1);
  });

  it('puts a job title into position when the contact is linked to no account', async () => {
    const res = dataOf(
      await s.gateway.execute(
        `mutation { createContact(input: { source: "pipeliner", lastName: "Solo", jobTitle: "Consultant" }) {
           contact { name jobTitle primaryAccount { id } accounts { isPrimary } } userErrors { message } } }`,
      ),
    ).createContact;
    expect(res.contact).toEqual({ name: 'Solo', jobTitle: 'Consultant', primaryAccount: null, accounts: [] });
    const body = s.sim.server.requests('POST', '/entities/Contacts').at(-1)!.body;
    expect(body).toMatchObject({ last_name: 'Solo', position: 'Consultant' });
    expect(body).not.toHaveProperty('account_relations');
  });

  it('creates in a chosen stage and a foreign currency, with the base amount from the rate in force', async () => {
    const refs = dataOf(await s.gateway.execute(`{ pipelines { id stages { id name } } currencies { code isBase exchangeRate } }`));
    const foreign = refs.currencies.find((c: any) => !c.isBase && c.exchangeRate);
    const pipeline = refs.pipelines[1] ?? refs.pipelines[0];
    const stage = pipeline.stages[1];
    const res = dataOf(
      await s.gateway.execute(
        `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) {
           opportunity { stage { id name } value { amount currencyCode baseAmount } } userErrors { field message } } }`,
        { input: { source: 'pipeliner', name: 'Export deal', pipelineId: pipeline.id, stageId: stage.id, closingDate: '2027-01-15', value: { amount: 1000, currencyCode: foreign.code } } },
      ),
    ).createOpportunity;
    expect(res.userErrors).toEqual([]);
    expect(res.opportunity.stage).toEqual({ id: stage.id, name: stage.name });
    expect(res.opportunity.value.amount).toBe('1000');
    expect(res.opportunity.value.currencyCode).toBe(foreign.code);
    expect(Number(res.opportunity.value.baseAmount)).toBeCloseTo(1000 / foreign.exchangeRate, 2);
  });
});
