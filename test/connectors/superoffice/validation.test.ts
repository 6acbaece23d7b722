import { encodeId } from '../../../src/core/globalId';
import { createSuperOfficeSimulator, type SuperOfficeSimulator } from '../../../src/simulators/superoffice';
import { dataOf } from '../../support/gateway';
import { startSuperOffice, superOfficeConnector, type SuperOfficeSetup } from './harness';

const OPP = `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { opportunity { id } userErrors { field message code } } }`;
const CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) { contact { id } userErrors { field message code } } }`;
const ACCOUNT = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } userErrors { field message code } } }`;

type UserErrors = Array<{ field: string[] | null; message: string; code: string }>;

/** Bad input gets a clear answer naming the field, and nothing reaches SuperOffice as a write. */
describe('SuperOffice: bad input is answered and nothing is written', () => {
  let s: SuperOfficeSetup;
  let other: SuperOfficeSimulator;
  let ids: { company: number; person: number; elsewhere: number; homeless: number };

  beforeAll(async () => {
    other = createSuperOfficeSimulator({ seed: 9, size: { companies: 2, persons: 2, sales: 0 } });
    const otherUrl = await other.listen();
    s = await startSuperOffice({ extra: [superOfficeConnector('superoffice-b', otherUrl, other)] });
    const persons = s.sim.store.persons().filter((p) => p.contactId > 1);
    const person = persons[0]!;
    ids = {
      company: person.contactId,
      person: person.id,
      elsewhere: persons.find((p) => p.contactId !== person.contactId)!.id,
      homeless: 0,
    };
  });
  afterAll(async () => {
    await s.close();
    await other.close();
  });
  beforeEach(() => s.sim.server.clearLog());
  afterEach(() => {
    expect(s.sim.server.requests('POST')).toEqual([]);
    expect(s.sim.server.pendingFaults()).toBe(0);
  });

  const gid = (
    kind: 'Account' | 'Contact' | 'Pipeline' | 'Stage' | 'User',
    remoteId: string | number,
    source = 'superoffice',
  ) => encodeId(kind, source, String(remoteId));
  const opp = (input: Record<string, unknown>) => ({
    input: { source: 'superoffice', name: 'Deal', closingDate: '2027-01-01', value: { amount: '10' }, ...input },
  });
  const errorsOf = async (
    query: string,
    variables: Record<string, unknown>,
    field: 'createOpportunity' | 'createContact' | 'createAccount',
  ): Promise<UserErrors> => {
    const res = dataOf(await s.gateway.execute(query, variables))[field];
    expect(
      res[{ createOpportunity: 'opportunity', createContact: 'contact', createAccount: 'account' }[field]],
    ).toBeNull();
    return res.userErrors as UserErrors;
  };

  it('a person for a company of another source', async () => {
    const foreign = gid('Account', other.store.contacts()[1]!.id, 'superoffice-b');
    expect(
      await errorsOf(CONTACT, { input: { source: 'superoffice', lastName: 'X', accountId: foreign } }, 'createContact'),
    ).toEqual([
      {
        field: ['input', 'accountId'],
        message: 'accountId belongs to source "superoffice-b"; records can only link within source "superoffice"',
        code: 'WRONG_SOURCE',
      },
    ]);
  });

  it('a person for a company that does not exist', async () => {
    expect(
      await errorsOf(
        CONTACT,
        { input: { source: 'superoffice', lastName: 'X', accountId: gid('Account', 424242) } },
        'createContact',
      ),
    ).toEqual([
      { field: ['input', 'accountId'], message: 'no account 424242 in source "superoffice"', code: 'NOT_FOUND' },
    ]);
  });

  it('a person without first and last name, and with a job title too long for SuperOffice', async () => {
    expect(
      await errorsOf(
        CONTACT,
        { input: { source: 'superoffice', title: 'Dr', jobTitle: 'x'.repeat(240) } },
        'createContact',
      ),
    ).toEqual([
      {
        field: ['input', 'lastName'],
        message: 'SuperOffice needs a first or a last name; both are empty',
        code: 'REQUIRED',
      },
      {
        field: ['input', 'jobTitle'],
        message: 'SuperOffice keeps at most 239 characters in jobTitle, got 240',
        code: 'TOO_LONG',
      },
    ]);
  });

  it("a person at a company with an owner other than the company's", async () => {
    const company = s.sim.store.contact(ids.company)!;
    const someoneElse = s.sim.store.associates().find((a) => a.id !== company.associateId)!;
    expect(
      await errorsOf(
        CONTACT,
        {
          input: {
            source: 'superoffice',
            lastName: 'X',
            accountId: gid('Account', company.id),
            ownerId: gid('User', someoneElse.id),
          },
        },
        'createContact',
      ),
    ).toEqual([
      {
        field: ['input', 'ownerId'],
        message: `a person at a company has the company's owner in SuperOffice (user ${company.associateId} for "${company.name}"); leave ownerId out or name that user`,
        code: 'CONFLICT',
      },
    ]);
  });

  it('a sale whose primary contact works at another company', async () => {
    const errors = await errorsOf(
      OPP,
      opp({ accountId: gid('Account', ids.company), primaryContactId: gid('Contact', ids.elsewhere) }),
      'createOpportunity',
    );
    const elsewhere = s.sim.store.person(ids.elsewhere)!;
    expect(errors).toEqual([
      {
        field: ['input', 'primaryContactId'],
        message: `contact "${elsewhere.firstname}${elsewhere.middleName ? ` ${elsewhere.middleName}` : ''} ${elsewhere.lastname}" works at account ${elsewhere.contactId}, not at "${s.sim.store.contact(ids.company)!.name}"; a sale's person must belong to the sale's company in SuperOffice`,
        code: 'CONFLICT',
      },
    ]);
  });

  it('an unknown stage, a stage of another sale type, and an unknown sale type', async () => {
    expect(
      await errorsOf(OPP, opp({ pipelineId: gid('Pipeline', 1), stageId: gid('Stage', '1.7') }), 'createOpportunity'),
    ).toEqual([{ field: ['input', 'stageId'], message: 'sale type "New business" has no stage 7', code: 'NOT_FOUND' }]);
    expect(
      await errorsOf(OPP, opp({ pipelineId: gid('Pipeline', 1), stageId: gid('Stage', '2.7') }), 'createOpportunity'),
    ).toEqual([
      {
        field: ['input', 'stageId'],
        message: 'stage "Demo" belongs to sale type "Upsell", not to "New business"',
        code: 'CONFLICT',
      },
    ]);
    expect(await errorsOf(OPP, opp({ stageId: gid('Stage', 'seven') }), 'createOpportunity')).toEqual([
      { field: ['input', 'stageId'], message: 'no stage seven in source "superoffice"', code: 'NOT_FOUND' },
    ]);
    expect(await errorsOf(OPP, opp({ pipelineId: gid('Pipeline', 99) }), 'createOpportunity')).toEqual([
      { field: ['input', 'pipelineId'], message: 'no sale type 99 in source "superoffice"', code: 'NOT_FOUND' },
    ]);
  });

  it('a missing or too long heading', async () => {
    expect(await errorsOf(OPP, opp({ name: '  ' }), 'createOpportunity')).toEqual([
      { field: ['input', 'name'], message: 'name cannot be empty', code: 'REQUIRED' },
    ]);
    expect(await errorsOf(OPP, opp({ name: 'h'.repeat(220) }), 'createOpportunity')).toEqual([
      {
        field: ['input', 'name'],
        message: 'SuperOffice keeps at most 219 characters in name, got 220',
        code: 'TOO_LONG',
      },
    ]);
  });

  it('an unknown currency, owner, contact and company, all in one answer', async () => {
    const errors = await errorsOf(
      OPP,
      opp({
        value: { amount: '10', currencyCode: 'XTS' },
        ownerId: gid('User', 77),
        accountId: gid('Account', 424242),
        contactIds: [gid('Contact', ids.person), gid('Contact', 424243)],
      }),
      'createOpportunity',
    );
    expect(errors).toEqual([
      { field: ['input', 'accountId'], message: 'no account 424242 in source "superoffice"', code: 'NOT_FOUND' },
      {
        field: ['input', 'value', 'currencyCode'],
        message: 'currency XTS is not set up in this source (it has EUR, USD, GBP, NOK, SEK)',
        code: 'NOT_FOUND',
      },
      { field: ['input', 'ownerId'], message: 'no user 77 in source "superoffice"', code: 'NOT_FOUND' },
      { field: ['input', 'contactIds', '1'], message: 'no contact 424243 in source "superoffice"', code: 'NOT_FOUND' },
    ]);
  });

  it('a company address SuperOffice cannot hold', async () => {
    const errors = await errorsOf(
      ACCOUNT,
      {
        input: {
          source: 'superoffice',
          name: 'Addr AS',
          address: { street: 'a\nb\nc\nd', state: 'Vestland', postalCode: '5003', country: 'Atlantis' },
        },
      },
      'createAccount',
    );
    expect(errors).toEqual([
      { field: ['input', 'address', 'street'], message: 'SuperOffice keeps 3 street lines, got 4', code: 'INVALID' },
      {
        field: ['input', 'address', 'state'],
        message: 'SuperOffice keeps at most 5 characters in address.state, got 8',
        code: 'TOO_LONG',
      },
      {
        field: ['input', 'address', 'country'],
        message:
          'SuperOffice has no country "Atlantis" (it has Norway, Sweden, United Kingdom, Germany, Netherlands, United States)',
        code: 'NOT_FOUND',
      },
    ]);
  });
});

/** A save SuperOffice refuses for a rule we do not check comes back as userErrors on the right field. */
describe('SuperOffice: refused saves become userErrors', () => {
  let s: SuperOfficeSetup;
  beforeAll(async () => {
    // The tenant preference MandatoryContactOnPerson (vendor notes §2): a person needs a company.
    s = await startSuperOffice({
      sim: { mandatoryContactOnPerson: true, size: { companies: 3, persons: 3, sales: 3 } },
    });
  });
  afterAll(async () => s.close());
  afterEach(() => expect(s.sim.server.pendingFaults()).toBe(0));

  it("maps the vendor's 400 onto the input field it names", async () => {
    const res = dataOf(
      await s.gateway.execute(CONTACT, { input: { source: 'superoffice', firstName: 'Solo', lastName: 'Person' } }),
    ).createContact;
    expect(res).toEqual({
      contact: null,
      userErrors: [
        {
          field: ['input', 'accountId'],
          message: 'SuperOffice rejected the Person create: Company is mandatory on a contact person',
          code: 'REQUIRED',
        },
      ],
    });
    expect(s.sim.server.requests('POST', '/Person').map((r) => r.status)).toEqual([400]);
    expect(s.sim.store.persons().some((p) => p.lastname === 'Person')).toBe(false);
  });

  it('maps every part of a refused sale, and a message it cannot place to the whole input', async () => {
    s.sim.server.failNext({
      status: 400,
      match: { method: 'POST', pathIncludes: '/Sale' },
      body: {
        Error: true,
        ErrorType: 'ArgumentException',
        ErrorMessage:
          'Cannot save SaleEntity. Saledate: Sale date is outside the allowed period; Amount: Amount exceeds the credit limit',
        ErrorSource: 'SuperOffice.Services.Implementation',
      },
    });
    const sale = dataOf(
      await s.gateway.execute(OPP, {
        input: { source: 'superoffice', name: 'Big', closingDate: '2099-01-01', value: { amount: '99999999' } },
      }),
    ).createOpportunity;
    expect(sale.userErrors).toEqual([
      {
        field: ['input', 'closingDate'],
        message: 'SuperOffice rejected the Sale create: Sale date is outside the allowed period',
        code: 'REJECTED',
      },
      {
        field: ['input', 'value', 'amount'],
        message: 'SuperOffice rejected the Sale create: Amount exceeds the credit limit',
        code: 'REJECTED',
      },
    ]);

    s.sim.server.failNext({
      status: 400,
      match: { method: 'POST', pathIncludes: '/Contact' },
      body: { Message: 'The request is invalid.' },
    });
    const account = dataOf(
      await s.gateway.execute(ACCOUNT, { input: { source: 'superoffice', name: 'Odd AS' } }),
    ).createAccount;
    expect(account.userErrors).toEqual([
      { field: null, message: 'SuperOffice rejected the Contact create: The request is invalid.', code: 'REJECTED' },
    ]);
  });
});
