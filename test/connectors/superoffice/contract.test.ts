import { InputRejected } from '../../../src/core/errors';
import type { Draft } from '../../../src/core/writes';
import { recordingCall } from '../../support/calls';
import { dataOf } from '../../support/gateway';
import { partialBodyProblems } from './requestContract';
import { startSuperOffice, type SuperOfficeSetup } from './harness';

/**
 * What the connector sends agrees with SuperOffice's official Swagger: every create body it
 * POSTs is checked against the entity definitions the spec names as the request body
 * (`POST /Contact` ContactEntity, `POST /Person` PersonEntity, `POST /Sale` SaleEntity), with
 * every nested carrier against its own definition; and every query it sends uses the query
 * options the spec lists for the archive lists.
 */
describe('SuperOffice: requests agree with the official Swagger', () => {
  let s: SuperOfficeSetup;
  beforeAll(async () => {
    s = await startSuperOffice();
  });
  afterAll(async () => s.close());

  it('for companies, persons with and without a company, and sales in base and foreign currency', async () => {
    const refs = dataOf(await s.gateway.execute(`{ users { id } pipelines { id stages { id } } }`));
    const account = dataOf(
      await s.gateway.execute(
        `mutation($o: ID!) { createAccount(input: { source: "superoffice", name: "Spec AS", emails: ["a@spec.test", "b@spec.test"],
          phones: ["+47 55 00 00 00"], website: "https://spec.test", ownerId: $o,
          address: { street: "Strandkaien 2\\nInngang B", city: "Bergen", state: "VL", postalCode: "5013", country: "Norway" } }) { account { id } userErrors { message } } }`,
        { o: refs.users[1].id },
      ),
    ).createAccount;
    expect(account.userErrors).toEqual([]);
    const linked = dataOf(
      await s.gateway.execute(
        `mutation($a: ID!) { createContact(input: { source: "superoffice", firstName: "Ada", middleName: "B.", lastName: "Lovelace",
          title: "Dr", jobTitle: "Analyst", emails: ["ada@spec.test"], phones: ["+44 20 0000"], accountId: $a }) { contact { id } userErrors { message } } }`,
        { a: account.account.id },
      ),
    ).createContact;
    expect(linked.userErrors).toEqual([]);
    const solo = dataOf(
      await s.gateway.execute(
        `mutation($o: ID!) { createContact(input: { source: "superoffice", firstName: "Solo", jobTitle: "Freelancer", ownerId: $o }) { contact { id owner { id } } userErrors { message } } }`,
        { o: refs.users[2].id },
      ),
    ).createContact;
    expect(solo.userErrors).toEqual([]);
    expect(solo.contact.owner.id).toBe(refs.users[2].id);
    for (const currencyCode of [null, 'GBP']) {
      const sale = dataOf(
        await s.gateway.execute(
          `mutation($a: ID!, $c: ID!, $code: String, $p: ID!, $st: ID!) { createOpportunity(input: { source: "superoffice", name: "Spec deal", accountId: $a, contactIds: [$c],
            pipelineId: $p, stageId: $st, closingDate: "2027-06-30", value: { amount: "99.95", currencyCode: $code }, probability: 33,
            description: "checked against the spec" }) { opportunity { id } userErrors { message } } }`,
          {
            a: account.account.id,
            c: linked.contact.id,
            code: currencyCode,
            p: refs.pipelines[0].id,
            st: refs.pipelines[0].stages[2].id,
          },
        ),
      ).createOpportunity;
      expect(sale.userErrors).toEqual([]);
    }

    const bodies = (entity: string) => s.sim.server.requests('POST', `/api/v1/${entity}`).map((r) => r.body);
    expect(bodies('Contact')).toHaveLength(1);
    expect(bodies('Person')).toHaveLength(2);
    expect(bodies('Sale')).toHaveLength(2);
    for (const body of bodies('Contact')) expect(partialBodyProblems('ContactEntity', body)).toEqual([]);
    for (const body of bodies('Person')) expect(partialBodyProblems('PersonEntity', body)).toEqual([]);
    for (const body of bodies('Sale')) expect(partialBodyProblems('SaleEntity', body)).toEqual([]);

    // The bodies themselves, as SuperOffice's request collection writes them.
    expect(bodies('Contact')[0]).toEqual({
      Name: 'Spec AS',
      Emails: [{ Value: 'a@spec.test' }, { Value: 'b@spec.test' }],
      Phones: [{ Value: '+47 55 00 00 00' }],
      Urls: [{ Value: 'https://spec.test' }],
      Address: {
        Postal: { Address1: 'Strandkaien 2', Address2: 'Inngang B', City: 'Bergen', State: 'VL', Zipcode: '5013' },
      },
      Country: { CountryId: 578 },
      Associate: { AssociateId: 2 },
    });
    expect(bodies('Person')[1]).toEqual({ Firstname: 'Solo', Title: 'Freelancer', Associate: { AssociateId: 3 } });
    expect(bodies('Sale')[1]).toEqual({
      Heading: 'Spec deal',
      Saledate: '2027-06-30T00:00:00',
      Amount: 99.95,
      Currency: { Id: 3 },
      SaleType: { Id: 1 },
      Rating: { Id: 3 },
      Probability: 33,
      Status: 'Open',
      Associate: { AssociateId: 1 },
      Contact: { ContactId: expect.any(Number) },
      Person: { PersonId: expect.any(Number) },
      SaleText: 'checked against the spec',
    });
  });

  it('drafts plan only bodies the spec declares, for a whole batch drafted at once, reading each lookup once', async () => {
    const store = s.sim.store;
    const company = store.contacts().find((c) => c.id > 1)!;
    const person = store.persons().find((p) => p.contactId === company.id)!;
    const call = recordingCall();
    s.sim.server.clearLog();
    const planned = (drafts: Array<Draft | InputRejected>) =>
      drafts.map((d) => {
        if (d instanceof InputRejected) throw new Error(`rejected: ${d.message}`);
        return d.requests;
      });
    const writes = s.connector.writes;
    const [accounts, contacts, sales] = await Promise.all([
      writes.ACCOUNT!.draft(
        [
          { name: 'Draft AS', emails: ['d@spec.test'], phones: [], address: { street: 'Kai 1', country: 'Norway' } },
          { name: 'Draft Two AS', emails: [], phones: ['+47 1'], website: 'https://two.test', ownerId: '3' },
        ],
        call,
      ),
      writes.CONTACT!.draft(
        [
          { firstName: 'Linked', emails: [], phones: [], accountId: String(company.id) },
          { lastName: 'Alone', jobTitle: 'Freelancer', emails: ['alone@spec.test'], phones: [] },
        ],
        call,
      ),
      writes.OPPORTUNITY!.draft(
        [
          {
            name: 'Draft deal',
            contactIds: [String(person.id)],
            primaryContactId: String(person.id),
            closingDate: '2027-01-31',
            value: { amount: '10' },
          },
          {
            name: 'Draft deal 2',
            accountId: String(company.id),
            contactIds: [],
            closingDate: '2027-02-28',
            value: { amount: '5.5', currencyCode: 'GBP' },
            probability: 5,
          },
        ],
        call,
      ),
    ]);
    const definition = { '/Contact': 'ContactEntity', '/Person': 'PersonEntity', '/Sale': 'SaleEntity' } as const;
    const requests = [...planned(accounts), ...planned(contacts), ...planned(sales)].flat();
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /Contact',
      'POST /Contact',
      'POST /Person',
      'POST /Person',
      'POST /Sale',
      'POST /Sale',
    ]);
    for (const r of requests)
      expect(partialBodyProblems(definition[r.path as keyof typeof definition], r.body)).toEqual([]);
    // Nothing was written, and the one company both kinds of draft link to was read once.
    expect(s.sim.server.requests('POST', '/api/v1/Contact')).toEqual([]);
    expect(s.sim.server.requests('GET', `/api/v1/Contact/${company.id}`)).toHaveLength(1);
  });

  it('a body with a property the spec does not declare, or an id that is not an integer, is caught', () => {
    // The checker itself must be able to fail.
    expect(partialBodyProblems('SaleEntity', { Heading: 'x', Stage: { Id: 1 } })).toEqual([
      'SaleEntity.Stage: not a property of SuperOffice.CRM.Services.SaleEntity',
    ]);
    expect(partialBodyProblems('PersonEntity', { Contact: { ContactId: '5' } })).toEqual([
      'PersonEntity.Contact.ContactId: expected an integer, got "5"',
    ]);
    expect(partialBodyProblems('SaleEntity', { Status: 'Won' })).toEqual([
      'SaleEntity.Status: expected one of Unknown|Open|Sold|Lost|Stalled|SaintAll, got "Won"',
    ]);
  });

  it('archive queries use only the options the spec lists, with an explicit $select, $top and $mode=full', async () => {
    s.sim.server.clearLog();
    dataOf(
      await s.gateway.execute(`{
        contacts(first: 5, filter: { name: "a", updatedSince: "2020-01-01T00:00:00Z" }) { edges { node { id primaryAccount { name } } } }
        opportunities(first: 5, filter: { status: OPEN }) { edges { node { id } } } }`),
    );
    // The GET /Sale options listed in the Swagger (and the same for /Contact and /Person).
    const allowed = new Set([
      '$select',
      '$filter',
      '$orderBy',
      '$entities',
      '$top',
      '$skip',
      '$mode',
      '$options',
      '$context',
      '$format',
      '$jsonSafe',
      '$output',
    ]);
    const archive = s.sim.server.log.filter((r) => /\/api\/v1\/(Contact|Person|Sale)$/.test(r.path));
    expect(archive.length).toBeGreaterThanOrEqual(3);
    for (const r of archive) {
      const params = new URLSearchParams(r.query);
      for (const key of params.keys()) expect(allowed).toContain(key);
      expect(params.get('$select')).toBeTruthy();
      expect(params.get('$top')).toMatch(/^\d+$/);
      expect(params.get('$mode')).toBe('full');
    }
    const persons = new URLSearchParams(archive.find((r) => r.path.endsWith('/Person'))!.query);
    expect(persons.get('$filter')).toBe(
      // personUpdatedDate is a `date` column: a day operator, the instant kept by the connector.
      "fullName contains 'a' and personUpdatedDate after '2019-12-30'",
    );
    expect(persons.get('$orderBy')).toBe('personId');
    expect(persons.get('$top')).toBe('6');
  });
});
