import { expectMatchesSchemaFixture, loadSchemaFixture } from '../../support/contract';
import { dataOf } from '../../support/gateway';
import { startPipeliner, type PipelinerSetup } from './harness';

/**
 * What the connector sends agrees with the official Pipeliner spec: every create body it
 * POSTs is checked against the create-input fixtures derived from the OpenAPI file (property
 * names, types, formats, required lists, nested relation items; no read-only fields).
 */
describe('Pipeliner: request bodies agree with the official spec', () => {
  let s: PipelinerSetup;
  beforeAll(async () => {
    s = await startPipeliner();
  });
  afterAll(async () => s.close());

  it('for accounts, linked and unlinked contacts, and opportunities in base and foreign currency', async () => {
    const refs = dataOf(await s.gateway.execute(`{ currencies { code isBase exchangeRate } users { id } }`));
    const foreign = refs.currencies.find((c: any) => !c.isBase && c.exchangeRate).code;
    const account = dataOf(
      await s.gateway.execute(`mutation($o: ID!) { createAccount(input: { source: "pipeliner", name: "Spec Co", emails: ["a@spec.test", "b@spec.test"],
        phones: ["+1 555 0100"], website: "https://spec.test", ownerId: $o,
        address: { street: "1 Main St", city: "Springfield", state: "IL", postalCode: "62701", country: "US" } }) { account { id } userErrors { message } } }`, { o: refs.users[0].id }),
    ).createAccount.account.id;
    const linked = dataOf(
      await s.gateway.execute(`mutation($a: ID!) { createContact(input: { source: "pipeliner", firstName: "Ada", middleName: "B.", lastName: "Lovelace",
        title: "Dr.", jobTitle: "Analyst", emails: ["ada@spec.test"], phones: ["+44 20 0000"], accountId: $a }) { contact { id } } }`, { a: account }),
    ).createContact.contact.id;
    dataOf(await s.gateway.execute(`mutation { createContact(input: { source: "pipeliner", firstName: "Solo", jobTitle: "Freelancer" }) { contact { id } } }`));
    for (const currencyCode of [null, foreign]) {
      dataOf(
        await s.gateway.execute(
          `mutation($a: ID!, $c: ID!, $code: String) { createOpportunity(input: { source: "pipeliner", name: "Spec deal", accountId: $a, contactIds: [$c],
            closingDate: "2027-06-30", value: { amount: "99.95", currencyCode: $code }, description: "checked against the spec" }) { opportunity { id } userErrors { message } } }`,
          { a: account, c: linked, code: currencyCode },
        ),
      );
    }

    const posts = s.sim.server.requests('POST');
    const bodies = (plural: string) => posts.filter((r) => r.path.endsWith(`/entities/${plural}`)).map((r) => r.body);
    expect(bodies('Accounts')).toHaveLength(1);
    expect(bodies('Contacts')).toHaveLength(2);
    expect(bodies('Opportunities')).toHaveLength(2);
    for (const body of bodies('Accounts')) expectMatchesSchemaFixture(body, loadSchemaFixture('pipeliner', 'createAccountInput'), { forbidReadOnly: true });
    for (const body of bodies('Contacts')) expectMatchesSchemaFixture(body, loadSchemaFixture('pipeliner', 'createContactInput'), { forbidReadOnly: true });
    for (const body of bodies('Opportunities')) {
      // Nested relation items leave out `lead_oppty_id` (vendor notes §3.3): the server fills it.
      expectMatchesSchemaFixture(body, loadSchemaFixture('pipeliner', 'createOpportunityInput'), {
        forbidReadOnly: true,
        optional: ['account_relations[].lead_oppty_id', 'contact_relations[].lead_oppty_id'],
      });
    }
  });
});

/** What the declaration derives must be what Pipeliner offers (and the simulator serves). */
describe('Pipeliner: capabilities', () => {
  it('are derived from the declaration as the vendor supports them', async () => {
    const s = await startPipeliner({ sim: { size: { accounts: 0, contacts: 0, opportunities: 0 } } });
    try {
      expect(s.connector.capabilities).toEqual([
        {
          entity: 'CONTACT',
          operations: ['READ', 'LIST', 'CREATE', 'BATCH_CREATE', 'UPDATE', 'BATCH_UPDATE', 'DELETE'],
          filters: ['email', 'name', 'accountId', 'updatedSince'],
          requiredOnCreate: ['firstName|lastName'],
          updatableFields: ['firstName', 'middleName', 'lastName', 'title', 'jobTitle', 'emails', 'phones', 'accountId', 'ownerId'],
          versionCheck: 'BEST_EFFORT',
        },
        {
          entity: 'ACCOUNT',
          operations: ['READ', 'LIST', 'CREATE', 'BATCH_CREATE', 'UPDATE', 'BATCH_UPDATE', 'DELETE'],
          filters: ['name', 'email', 'updatedSince'],
          requiredOnCreate: ['name'],
          updatableFields: ['name', 'emails', 'phones', 'website', 'address', 'ownerId'],
          versionCheck: 'BEST_EFFORT',
        },
        {
          entity: 'OPPORTUNITY',
          operations: ['READ', 'LIST', 'CREATE', 'UPDATE', 'BATCH_UPDATE', 'DELETE'],
          filters: ['accountId', 'status', 'stageId', 'updatedSince'],
          requiredOnCreate: ['name', 'closingDate', 'value'],
          updatableFields: ['name', 'accountId', 'contactIds', 'primaryContactId', 'pipelineId', 'stageId', 'closingDate', 'value', 'ownerId', 'description'],
          versionCheck: 'BEST_EFFORT',
        },
        { entity: 'PIPELINE', operations: ['READ', 'LIST'], filters: [], requiredOnCreate: [], updatableFields: [], versionCheck: null },
        { entity: 'CURRENCY', operations: ['READ', 'LIST'], filters: [], requiredOnCreate: [], updatableFields: [], versionCheck: null },
        { entity: 'USER', operations: ['READ', 'LIST'], filters: [], requiredOnCreate: [], updatableFields: [], versionCheck: null },
      ]);
      expect(s.connector.writes.CONTACT?.batchSize).toBe(100);
      expect(s.connector.writes.OPPORTUNITY?.batchSize).toBe(1);
      // batch-modify takes items with ids for every one of them (vendor notes §2), 100 a call.
      expect([s.connector.updates.CONTACT?.batchSize, s.connector.updates.ACCOUNT?.batchSize, s.connector.updates.OPPORTUNITY?.batchSize]).toEqual([100, 100, 100]);
      expect(s.connector.deletes.CONTACT?.batchSize).toBe(1);
    } finally {
      await s.close();
    }
  });
});
