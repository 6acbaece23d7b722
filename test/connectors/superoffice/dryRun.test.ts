import { encodeId } from '../../../src/core/globalId';
import type { LoggedRequest } from '../../../src/simulators/kit';
import { dataOf } from '../../support/gateway';
import { startSuperOffice, type SuperOfficeSetup } from './harness';

const ACCOUNT = `mutation($input: CreateAccountInput!) { createAccount(input: $input) {
  account { id remoteId } userErrors { field message code } warnings plannedRequests { method path body } } }`;
const CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) {
  contact { id remoteId } userErrors { field message code } warnings plannedRequests { method path body } } }`;
const OPPORTUNITY = `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) {
  opportunity { id remoteId } userErrors { field message code } warnings plannedRequests { method path body } } }`;

type Mutation = 'createAccount' | 'createContact' | 'createOpportunity';
const QUERY: Record<Mutation, string> = {
  createAccount: ACCOUNT,
  createContact: CONTACT,
  createOpportunity: OPPORTUNITY,
};
const RECORD: Record<Mutation, string> = {
  createAccount: 'account',
  createContact: 'contact',
  createOpportunity: 'opportunity',
};

/**
 * Dry runs through GraphQL: `dryRun: true` answers exactly the POST the create then sends
 * (same path, same body, defaults applied), writes nothing, and refuses bad input with the
 * same userErrors as the create.
 */
describe('SuperOffice: dry runs', () => {
  let s: SuperOfficeSetup;
  /** A person at a company, another person at the same company, and another company. */
  let ids: { company: number; person: number; colleague: number; otherCompany: number };

  beforeAll(async () => {
    s = await startSuperOffice();
    const persons = s.sim.store.persons().filter((p) => p.contactId > 1);
    const person = persons.find((p) => persons.some((q) => q.id !== p.id && q.contactId === p.contactId))!;
    const colleague = persons.find((q) => q.id !== person.id && q.contactId === person.contactId)!;
    const otherCompany = s.sim.store.contacts().find((c) => c.id > 1 && c.id !== person.contactId)!;
    ids = { company: person.contactId, person: person.id, colleague: colleague.id, otherCompany: otherCompany.id };
  });
  afterAll(async () => s.close());
  beforeEach(() => s.sim.server.clearLog());

  const gid = (kind: 'Account' | 'Contact' | 'Pipeline' | 'Stage' | 'User', remoteId: string | number) =>
    encodeId(kind, 'superoffice', String(remoteId));
  /** Requests that change something: SuperOffice's writes are POSTs (and PUT/PATCH, never sent). */
  const writes = (): LoggedRequest[] => s.sim.server.log.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method));
  /** A logged request as a planned one: its path below the tenant's API base. */
  const asPlanned = (r: LoggedRequest) => ({
    method: r.method,
    path: r.path.replace(`/${s.sim.tenant}/api/v1`, ''),
    body: r.body,
  });
  const run = async (mutation: Mutation, input: Record<string, unknown>) =>
    dataOf(await s.gateway.execute(QUERY[mutation], { input: { source: 'superoffice', ...input } }))[mutation];

  /**
   * The dry run of `input`, which must write nothing, then the real create of the same input,
   * whose logged writes must be the planned requests.
   */
  async function dryThenReal(mutation: Mutation, input: Record<string, unknown>) {
    s.sim.server.clearLog();
    const dry = await run(mutation, { ...input, dryRun: true });
    expect(writes()).toEqual([]);
    expect(dry[RECORD[mutation]]).toBeNull();
    expect(dry.userErrors).toEqual([]);

    s.sim.server.clearLog();
    const real = await run(mutation, input);
    expect(real.userErrors).toEqual([]);
    expect(real[RECORD[mutation]]).not.toBeNull();
    expect(real.plannedRequests).toBeNull();
    expect(writes().map(asPlanned)).toEqual(dry.plannedRequests);
    expect(dry.warnings).toEqual(real.warnings);
    return { dry, real };
  }

  it('createAccount: the POST /Contact, owner and country looked up, equal to what the create sends', async () => {
    const before = s.sim.store.contacts().length;
    const { dry } = await dryThenReal('createAccount', {
      name: '  Fjord Freight AS ',
      emails: ['post@fjord.test'],
      phones: ['+47 55 00 00 00'],
      website: 'https://fjord.test',
      address: { street: 'Bryggen 2\nSecond floor', city: 'Bergen', postalCode: '5003', country: 'Norway' },
    });
    expect(dry.plannedRequests).toEqual([
      {
        method: 'POST',
        path: '/Contact',
        body: {
          Name: 'Fjord Freight AS',
          Emails: [{ Value: 'post@fjord.test' }],
          Phones: [{ Value: '+47 55 00 00 00' }],
          Urls: [{ Value: 'https://fjord.test' }],
          Address: { Postal: { Address1: 'Bryggen 2', Address2: 'Second floor', City: 'Bergen', Zipcode: '5003' } },
          Country: { CountryId: expect.any(Number) },
          // The default owner, written explicitly.
          Associate: { AssociateId: expect.any(Number) },
        },
      },
    ]);
    // Only the real create added a company.
    expect(s.sim.store.contacts()).toHaveLength(before + 1);
  });

  it('createContact: the POST /Person linked to its company (no owner: it mirrors the company)', async () => {
    const { dry } = await dryThenReal('createContact', {
      firstName: 'Sigrid',
      lastName: 'Dahl',
      title: 'Ms',
      jobTitle: 'Buyer',
      emails: ['sigrid@fjord.test'],
      phones: ['+47 55 00 00 01'],
      accountId: gid('Account', ids.company),
    });
    expect(dry.plannedRequests).toEqual([
      {
        method: 'POST',
        path: '/Person',
        body: {
          Firstname: 'Sigrid',
          Lastname: 'Dahl',
          Mrmrs: 'Ms',
          Title: 'Buyer',
          Emails: [{ Value: 'sigrid@fjord.test' }],
          OfficePhones: [{ Value: '+47 55 00 00 01' }],
          Contact: { ContactId: ids.company },
        },
      },
    ]);
  });

  it('createContact without a company: the default owner is in the planned body', async () => {
    const { dry } = await dryThenReal('createContact', { lastName: 'Alone' });
    expect(dry.plannedRequests).toEqual([
      { method: 'POST', path: '/Person', body: { Lastname: 'Alone', Associate: { AssociateId: expect.any(Number) } } },
    ]);
  });

  it('createOpportunity: the POST /Sale with sale type, first stage, base currency, probability and owner defaulted', async () => {
    const { dry } = await dryThenReal('createOpportunity', {
      name: 'Winter charter',
      closingDate: '2027-02-01',
      value: { amount: '2500' },
      contactIds: [gid('Contact', ids.person)],
      description: 'Two vessels',
    });
    expect(dry.plannedRequests).toEqual([
      {
        method: 'POST',
        path: '/Sale',
        body: {
          Heading: 'Winter charter',
          Saledate: '2027-02-01T00:00:00',
          Amount: 2500,
          Currency: { Id: expect.any(Number) },
          SaleType: { Id: expect.any(Number) },
          Rating: { Id: expect.any(Number) },
          Probability: expect.any(Number),
          Status: 'Open',
          Associate: { AssociateId: expect.any(Number) },
          // The person's company, as the sale's company.
          Contact: { ContactId: ids.company },
          Person: { PersonId: ids.person },
          SaleText: 'Two vessels',
        },
      },
    ]);
    expect(dry.warnings).toEqual([]);
  });

  it('createOpportunity with two contacts: the same warning as the create (one person per sale)', async () => {
    const { dry } = await dryThenReal('createOpportunity', {
      name: 'Spring charter',
      closingDate: '2027-04-01',
      value: { amount: '10' },
      accountId: gid('Account', ids.company),
      contactIds: [gid('Contact', ids.person), gid('Contact', ids.colleague)],
    });
    expect(dry.warnings).toHaveLength(1);
    expect(dry.warnings[0]).toContain('SuperOffice keeps one person per sale');
    expect((dry.plannedRequests[0].body as { Person: unknown }).Person).toEqual({ PersonId: ids.person });
  });

  describe('bad input: the same userErrors with and without dryRun, no plan, nothing written', () => {
    afterEach(() => expect(writes()).toEqual([]));

    // [name, mutation, input, userError codes]
    const cases: Array<[string, Mutation, () => Record<string, unknown>, string[]]> = [
      [
        'an account with an unknown country and a too long state',
        'createAccount',
        () => ({ name: 'Nowhere Ltd', address: { state: 'TOO LONG', country: 'Atlantis' } }),
        ['TOO_LONG', 'NOT_FOUND'],
      ],
      [
        'an account for an owner that does not exist',
        'createAccount',
        () => ({ name: 'X', ownerId: gid('User', 9999) }),
        ['NOT_FOUND'],
      ],
      [
        'a person for a company that does not exist',
        'createContact',
        () => ({ lastName: 'X', accountId: gid('Account', 424242) }),
        ['NOT_FOUND'],
      ],
      ['a person without a name', 'createContact', () => ({ title: 'Dr' }), ['REQUIRED']],
      [
        'a person at a company with another owner than the company, and a too long job title',
        'createContact',
        () => ({
          lastName: 'X',
          jobTitle: 'x'.repeat(240),
          accountId: gid('Account', ids.company),
          ownerId: gid('User', 9999),
        }),
        ['TOO_LONG', 'CONFLICT'],
      ],
      [
        'a sale whose person works at another company, in an unknown currency',
        'createOpportunity',
        () => ({
          name: 'Deal',
          closingDate: '2027-01-01',
          value: { amount: '10', currencyCode: 'XYZ' },
          accountId: gid('Account', ids.otherCompany),
          contactIds: [gid('Contact', ids.person)],
        }),
        ['NOT_FOUND', 'CONFLICT'],
      ],
      [
        'a sale in a sale type that does not exist, with a contact that does not exist',
        'createOpportunity',
        () => ({
          name: 'Deal',
          closingDate: '2027-01-01',
          value: { amount: '10' },
          pipelineId: gid('Pipeline', 777),
          contactIds: [gid('Contact', 424242)],
        }),
        ['NOT_FOUND', 'NOT_FOUND'],
      ],
    ];

    it.each(cases)('%s', async (_name, mutation, input, codes) => {
      const real = await run(mutation, input());
      const dry = await run(mutation, { ...input(), dryRun: true });
      expect(real.userErrors.map((e: { code: string }) => e.code)).toEqual(codes);
      expect(dry).toEqual({ ...real, plannedRequests: null });
      expect(dry[RECORD[mutation]]).toBeNull();
    });
  });
});
