import { encodeId } from '../../../src/core/globalId';
import { dataOf, vendorRequests } from '../../support/gateway';
import { startCin7, type Cin7Setup } from './harness';

const CREATE_CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) {
  contact { id remoteId name firstName lastName jobTitle emails phones owner { remoteId } primaryAccount { remoteId name } }
  userErrors { field message code } warnings plannedRequests { method path body } } }`;
const CREATE_ACCOUNT = `mutation($input: CreateAccountInput!) { createAccount(input: $input) {
  account { id remoteId name emails phones website address { street city state postalCode country } owner { remoteId } }
  userErrors { field message code } warnings plannedRequests { method path body } } }`;

const account = (id: number) => encodeId('Account', 'cin7', String(id));

describe('Cin7 Omni creates', () => {
  let s: Cin7Setup;
  beforeAll(async () => {
    s = await startCin7({ sim: { size: { customers: 12, suppliers: 2, users: 4, quotes: 0 } } });
  });
  afterAll(async () => s.close());
  beforeEach(() => s.sim.server.clearLog());

  const posts = () => s.sim.server.requests('POST', '/v1/Contacts');
  const puts = () => s.sim.server.requests('PUT', '/v1/Contacts');

  it('creates an account as one Customer record in one POST, and answers it as stored', async () => {
    const owner = s.sim.store.users().find((u) => u.isActive)!;
    const res = await s.gateway.execute(CREATE_ACCOUNT, {
      input: {
        source: 'cin7',
        name: ' Kauri Timber Ltd ',
        emails: ['sales@kauri.example'],
        phones: ['+64 9 555 0100'],
        website: 'kauri.example',
        address: { street: '1 Queen St', city: 'Auckland', state: 'AKL', postalCode: '1010', country: 'NZ' },
        ownerId: encodeId('User', 'cin7', String(owner.id)),
      },
    });
    const payload = dataOf(res).createAccount;
    expect(payload.userErrors).toEqual([]);
    expect(payload.account).toMatchObject({
      name: 'Kauri Timber Ltd',
      emails: ['sales@kauri.example'],
      phones: ['+64 9 555 0100'],
      website: 'kauri.example',
      address: { street: '1 Queen St', city: 'Auckland', state: 'AKL', postalCode: '1010', country: 'NZ' },
      owner: { remoteId: String(owner.id) },
    });
    expect(posts().map((r) => r.body)).toEqual([
      [
        {
          type: 'Customer',
          company: 'Kauri Timber Ltd',
          email: 'sales@kauri.example',
          phone: '+64 9 555 0100',
          website: 'kauri.example',
          address1: '1 Queen St',
          city: 'Auckland',
          state: 'AKL',
          postCode: '1010',
          country: 'NZ',
          salesPersonId: owner.id,
        },
      ],
    ]);
    expect(s.sim.store.contact(Number(payload.account.remoteId))).toMatchObject({ company: 'Kauri Timber Ltd', type: 'Customer' });
    // users (owner check) + POST + read-back + users again for `owner { }` (the write ended
    // the operation's shared reads: nothing read before a write is served after it).
    expect(vendorRequests(res)).toBe(4);
  });

  it('creates a contact without account as a record of its own (a private individual)', async () => {
    const res = await s.gateway.execute(CREATE_CONTACT, {
      input: { source: 'cin7', firstName: 'Aroha', lastName: 'Ngata', jobTitle: 'Buyer', emails: ['aroha@ngata.example'], phones: ['09 555 1', '021 555 2'] },
    });
    const { contact, userErrors } = dataOf(res).createContact;
    expect(userErrors).toEqual([]);
    expect(contact).toMatchObject({
      name: 'Aroha Ngata',
      jobTitle: 'Buyer',
      emails: ['aroha@ngata.example'],
      phones: ['09 555 1', '021 555 2'],
      primaryAccount: { remoteId: contact.remoteId, name: 'Aroha Ngata' },
    });
    expect(contact.remoteId).toMatch(/^\d+$/);
    expect(posts()[0]!.body).toEqual([
      { type: 'Customer', firstName: 'Aroha', lastName: 'Ngata', jobTitle: 'Buyer', email: 'aroha@ngata.example', phone: '09 555 1', mobile: '021 555 2' },
    ]);
    expect(vendorRequests(res)).toBe(2);
  });

  it('adds a contact for an existing account as a secondary contact: read, append, PUT, losing none', async () => {
    const record = s.sim.store.contacts().find((c) => (c.secondaryContacts?.length ?? 0) >= 2)!;
    const before = record.secondaryContacts!;
    const res = await s.gateway.execute(CREATE_CONTACT, {
      input: { source: 'cin7', firstName: 'Tane', lastName: 'Mahuta', jobTitle: 'Forester', emails: ['tane@forest.example'], accountId: account(record.id) },
    });
    const { contact, userErrors } = dataOf(res).createContact;
    expect(userErrors).toEqual([]);
    const after = s.sim.store.contact(record.id)!.secondaryContacts!;
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
    const added = after[after.length - 1]!;
    expect(added).toMatchObject({ firstName: 'Tane', lastName: 'Mahuta', jobTitle: 'Forester', email: 'tane@forest.example' });
    expect(contact).toMatchObject({ remoteId: `${record.id}.s${added.id}`, name: 'Tane Mahuta', primaryAccount: { remoteId: String(record.id) } });
    expect(puts()[0]!.body).toEqual([
      { id: record.id, type: record.type, secondaryContacts: [...before, { firstName: 'Tane', lastName: 'Mahuta', jobTitle: 'Forester', email: 'tane@forest.example' }] },
    ]);
    expect(posts()).toEqual([]);
    // Read the record, PUT it, read it back for the new id.
    expect(vendorRequests(res)).toBe(3);
  });

  it('keeps existing secondary contacts when the vendor merges child lists instead of replacing them', async () => {
    s.sim.switches.childListOnPut = 'merge';
    try {
      const record = s.sim.store.contacts().find((c) => (c.secondaryContacts?.length ?? 0) >= 1)!;
      const before = record.secondaryContacts!;
      const res = dataOf(await s.gateway.execute(CREATE_CONTACT, { input: { source: 'cin7', firstName: 'Merge', accountId: account(record.id) } }));
      const after = s.sim.store.contact(record.id)!.secondaryContacts!;
      expect(after.map((c) => c.id)).toEqual([...before.map((c) => c.id), Number(res.createContact.contact.remoteId.split('.s')[1])]);
    } finally {
      s.sim.switches.childListOnPut = 'replace';
    }
  });

  it.each([
    ['a first name longer than a secondary contact allows (50)', { firstName: 'x'.repeat(51) }, [['firstName'], 'TOO_LONG']],
    ['an e-mail longer than a secondary contact allows (50)', { firstName: 'E', emails: [`${'e'.repeat(45)}@x.example`] }, [['emails', '0'], 'TOO_LONG']],
    ['an owner (secondary contacts follow their account)', { firstName: 'O', ownerId: encodeId('User', 'cin7', '1') }, [['ownerId'], 'UNSUPPORTED']],
  ])('refuses, before sending, %s', async (_name, input, [field, code]) => {
    const record = s.sim.store.contacts()[0]!;
    const res = await s.gateway.execute(CREATE_CONTACT, { input: { source: 'cin7', accountId: account(record.id), ...input } });
    expect(dataOf(res).createContact.userErrors).toEqual([{ field: ['input', ...(field as string[])], message: expect.any(String), code }]);
    expect(puts()).toEqual([]);
  });

  it('refuses, before sending, what a record cannot hold, naming each input field', async () => {
    const res = await s.gateway.execute(CREATE_CONTACT, {
      input: {
        source: 'cin7',
        lastName: 'y'.repeat(251),
        middleName: 'M',
        title: 'Dr',
        jobTitle: 'j'.repeat(251),
        emails: ['a@b.example', 'c@d.example'],
        phones: ['1', '2', '3'],
      },
    });
    expect(dataOf(res).createContact.userErrors).toEqual([
      { field: ['input', 'middleName'], message: 'Cin7 Omni has no middle name field', code: 'UNSUPPORTED' },
      { field: ['input', 'title'], message: 'Cin7 Omni has no salutation (title) field', code: 'UNSUPPORTED' },
      { field: ['input', 'firstName'], message: 'Cin7 Omni needs a first name for a person (the "Company or First Name" rule)', code: 'REQUIRED' },
      { field: ['input', 'lastName'], message: 'lastName of a contact record is longer than Cin7 Omni allows (250 characters, got 251)', code: 'TOO_LONG' },
      { field: ['input', 'jobTitle'], message: 'jobTitle of a contact record is longer than Cin7 Omni allows (250 characters, got 251)', code: 'TOO_LONG' },
      { field: ['input', 'emails', '1'], message: 'Cin7 Omni keeps one e-mail address per person', code: 'UNSUPPORTED' },
      { field: ['input', 'phones', '2'], message: 'Cin7 Omni keeps two phone numbers per person (phone and mobile)', code: 'UNSUPPORTED' },
    ]);
    const account = await s.gateway.execute(CREATE_ACCOUNT, {
      input: { source: 'cin7', name: 'n'.repeat(251), website: 'w'.repeat(51), phones: ['p'.repeat(51)], address: { street: 's'.repeat(51), country: 'c'.repeat(51) } },
    });
    expect(dataOf(account).createAccount.userErrors.map((e: any) => [e.field.join('.'), e.code])).toEqual([
      ['input.name', 'TOO_LONG'],
      ['input.phones.0', 'TOO_LONG'],
      ['input.website', 'TOO_LONG'],
      ['input.address.street', 'TOO_LONG'],
      ['input.address.country', 'TOO_LONG'],
    ]);
    expect(s.sim.server.log).toEqual([]);
  });

  it('answers unknown references clearly: no such account, no such user, an account of another source', async () => {
    const res = await s.gateway.execute(CREATE_CONTACT, { input: { source: 'cin7', firstName: 'A', accountId: account(987654) } });
    expect(dataOf(res).createContact.userErrors).toEqual([{ field: ['input', 'accountId'], message: 'no account 987654 in source "cin7"', code: 'NOT_FOUND' }]);
    const owner = await s.gateway.execute(CREATE_ACCOUNT, { input: { source: 'cin7', name: 'A', ownerId: encodeId('User', 'cin7', '404') } });
    expect(dataOf(owner).createAccount.userErrors).toEqual([{ field: ['input', 'ownerId'], message: 'no user 404 in source "cin7"', code: 'NOT_FOUND' }]);
    s.sim.server.clearLog();
    const other = await s.gateway.execute(CREATE_CONTACT, { input: { source: 'cin7', firstName: 'A', accountId: encodeId('Account', 'pipeliner', '7') } });
    expect(dataOf(other).createContact.userErrors).toEqual([
      { field: ['input', 'accountId'], message: 'accountId belongs to source "pipeliner"; records can only link within source "cin7"', code: 'WRONG_SOURCE' },
    ]);
    expect(s.sim.server.log).toEqual([]);
  });

  it("maps the vendor's own per-item refusal back to the input field (a duplicate e-mail)", async () => {
    const taken = s.sim.store.contacts().find((c) => c.email)!.email!;
    const res = await s.gateway.execute(CREATE_CONTACT, { input: { source: 'cin7', firstName: 'Dup', emails: [taken.toUpperCase()] } });
    expect(dataOf(res).createContact).toEqual({
      contact: null,
      userErrors: [{ field: ['input', 'emails', '0'], message: `Cin7 Omni refused the contact: The email address '${taken.toUpperCase()}' is already in use.`, code: 'CONFLICT' }],
      warnings: [],
      plannedRequests: null,
    });
    expect(posts()).toHaveLength(1);
  });

  it('dry-runs an account and a secondary contact: the requests it would send, checked the same way, nothing written', async () => {
    const count = s.sim.store.contacts().length;
    const acct = dataOf(await s.gateway.execute(CREATE_ACCOUNT, { input: { source: 'cin7', name: 'Dry Ltd', website: 'dry.example', dryRun: true } })).createAccount;
    expect(acct).toEqual({
      account: null,
      userErrors: [],
      warnings: [],
      plannedRequests: [{ method: 'POST', path: '/v1/Contacts', body: [{ type: 'Customer', company: 'Dry Ltd', website: 'dry.example' }] }],
    });
    const record = s.sim.store.contacts().find((c) => c.secondaryContacts?.length)!;
    const dry = dataOf(await s.gateway.execute(CREATE_CONTACT, { input: { source: 'cin7', firstName: 'Dry', accountId: account(record.id), dryRun: true } })).createContact;
    expect(dry.plannedRequests).toEqual([
      { method: 'PUT', path: '/v1/Contacts', body: [{ id: record.id, type: record.type, secondaryContacts: [...record.secondaryContacts!, { firstName: 'Dry' }] }] },
    ]);
    const bad = dataOf(await s.gateway.execute(CREATE_CONTACT, { input: { source: 'cin7', firstName: 'z'.repeat(51), accountId: account(record.id), dryRun: true } })).createContact;
    expect(bad.userErrors.map((e: any) => [e.field, e.code])).toEqual([[['input', 'firstName'], 'TOO_LONG']]);
    expect(s.sim.server.log.every((r) => r.method === 'GET')).toBe(true);
    expect(s.sim.store.contacts()).toHaveLength(count);
  });

  it('uses the configured record types and default owner', async () => {
    const user = s.sim.store.users()[0]!;
    const t = await startCin7({
      sim: { size: { customers: 2, suppliers: 0, users: 2, quotes: 0 } },
      source: { options: { rateLimits: false, accountType: 'Supplier', contactType: 'Supplier', defaultOwnerId: user.id } },
    });
    try {
      const res = dataOf(await t.gateway.execute(CREATE_ACCOUNT, { input: { source: 'cin7', name: 'Supply Co' } })).createAccount;
      expect(res.account.owner).toEqual({ remoteId: String(user.id) });
      expect(t.sim.server.requests('POST')[0]!.body).toEqual([{ type: 'Supplier', company: 'Supply Co', salesPersonId: user.id }]);
    } finally {
      await t.close();
    }
  });
});
