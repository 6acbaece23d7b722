import { encodeId } from '../../../src/core/globalId';
import type { Gateway } from '../../../src/server';
import { dataOf, testGateway, vendorRequests } from '../../support/gateway';
import { expectNoPendingFaults, holdings, type Setup, SOURCE, startLogiSense } from './harness';

const CREATE_ACCOUNT = `mutation ($input: CreateAccountInput!) {
  createAccount(input: $input) { account { id remoteId name } userErrors { field message code } warnings }
}`;
const CREATE_CONTACT = `mutation ($input: CreateContactInput!) {
  createContact(input: $input) {
    contact { id remoteId name emails phones primaryAccount { id name } }
    userErrors { field message code }
    warnings
  }
}`;
const READ_CONTACT = `query ($id: ID!) {
  contact(id: $id) { id name title emails phones primaryAccount { id name } accounts { isPrimary account { name } } }
}`;
const FIFTY_CONTACTS = `{
  contacts(sources: ["logisense"], first: 50) {
    edges { node { name emails primaryAccount { name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('LogiSense through the gateway', () => {
  let s: Setup;
  let gw: Gateway;
  const start = async (options: Parameters<typeof startLogiSense>[0] = {}) => {
    s = await startLogiSense(options);
    gw = await testGateway([s.connector]);
  };
  afterEach(async () => {
    expectNoPendingFaults(s);
    await gw.stop();
    await s.sim.close();
  });

  it('creates an account, then a contact on it with an e-mail and a phone, and reads both back linked', async () => {
    await start();
    const made = dataOf(
      await gw.execute(CREATE_ACCOUNT, { input: { source: SOURCE, name: 'Difference Engines plc' } }),
    );
    expect(made.createAccount).toMatchObject({
      account: { name: 'Difference Engines plc' },
      userErrors: [],
      warnings: [],
    });
    const accountId: string = made.createAccount.account.id;

    const created = await gw.execute(CREATE_CONTACT, {
      input: {
        source: SOURCE,
        firstName: 'Ada',
        lastName: 'Lovelace',
        title: 'Countess',
        emails: ['ada@engines.example'],
        phones: ['+44 20 7946 0000'],
        accountId,
      },
    });
    const contact = dataOf(created).createContact;
    expect(contact).toMatchObject({
      contact: {
        name: 'Ada Lovelace',
        emails: ['ada@engines.example'],
        phones: ['+44 20 7946 0000'],
        primaryAccount: { id: accountId, name: 'Difference Engines plc' },
      },
      userErrors: [],
    });
    // 3 checks + the PATCH, whose answer carries the account too: `primaryAccount` costs nothing.
    expect(vendorRequests(created, SOURCE)).toBe(4);

    const read = await gw.execute(READ_CONTACT, { id: contact.contact.id });
    expect(dataOf(read).contact).toEqual({
      id: contact.contact.id,
      name: 'Ada Lovelace',
      title: 'Countess',
      emails: ['ada@engines.example'],
      phones: ['+44 20 7946 0000'],
      primaryAccount: { id: accountId, name: 'Difference Engines plc' },
      accounts: [{ isPrimary: true, account: { name: 'Difference Engines plc' } }],
    });
    // One account page finds the contact with its contact points and its account.
    expect(vendorRequests(read, SOURCE)).toBe(1);

    const accountRemote = made.createAccount.account.remoteId;
    expect(s.calls()).toEqual([
      'POST login',
      'POST Account',
      'GET ContactType',
      'GET ContactPointType',
      `GET Account/${accountRemote}/Detail`,
      `PATCH Account/${accountRemote}`,
      'GET Account/Paged/Detail',
    ]);
    const stored = s.sim.store.contactsOfAccount(Number(accountRemote));
    expect(stored.map((c) => c.lastName)).toEqual(['Lovelace']);
    expect(s.sim.store.contactPointsOf(stored[0]!.identity).map((p) => p.value)).toEqual([
      'ada@engines.example',
      '+44 20 7946 0000',
    ]);
  });

  it('serves 50 contacts with their account name and e-mail in one vendor request (two with the login)', async () => {
    await start();
    const cold = await gw.execute(FIFTY_CONTACTS);
    const edges = dataOf(cold).contacts.edges;
    expect(edges).toHaveLength(50);
    expect(edges.every((e: any) => typeof e.node.primaryAccount.name === 'string')).toBe(true);
    expect(edges.filter((e: any) => e.node.emails.length > 0).length).toBeGreaterThan(40);
    expect(vendorRequests(cold, SOURCE)).toBe(2);
    const warm = await gw.execute(FIFTY_CONTACTS);
    expect(vendorRequests(warm, SOURCE)).toBe(1);
    const next = await gw.execute(
      `query ($after: String) { contacts(sources: ["logisense"], first: 50, after: $after) { edges { node { remoteId primaryAccount { name } } } } }`,
      { after: dataOf(warm).contacts.pageInfo.endCursor },
    );
    expect(dataOf(next).contacts.edges.length).toBeGreaterThan(0);
    expect(vendorRequests(next, SOURCE)).toBe(1);
  });

  describe('vendor requests per operation, token already held', () => {
    const contactId = (n: number) => encodeId('Contact', SOURCE, String(n));
    const accountId = (n: number) => encodeId('Account', SOURCE, String(n));
    const table: Array<[name: string, query: string, variables: Record<string, unknown>, budget: number]> = [
      ['30 accounts', '{ accounts(sources: ["logisense"]) { edges { node { name updatedAt } } } }', {}, 1],
      [
        'accounts by name (Account/Search)',
        '{ accounts(filter: { name: "a" }) { totalCount edges { node { name } } } }',
        {},
        1,
      ],
      [
        'a contact by e-mail, with its account',
        '{ contacts(filter: { email: "nobody@x.example" }) { edges { node { name primaryAccount { name } } } } }',
        {},
        1,
      ],
      [
        'contacts by name, with their account',
        '{ contacts(filter: { name: "an" }) { edges { node { name primaryAccount { name } } } } }',
        {},
        1,
      ],
      [
        'five contacts by id, with their accounts',
        'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Contact { name emails primaryAccount { name } } } }',
        { ids: [20001, 20010, 20020, 20030, 20040].map(contactId) },
        1,
      ],
      [
        'three accounts by id',
        'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Account { name } } }',
        { ids: [10001, 10002, 10003].map(accountId) },
        3,
      ],
      ['currencies', '{ currencies(sources: ["logisense"]) { code isBase } }', {}, 1],
    ];
    it.each(table.map(([name, query, variables, budget]) => ({ name, query, variables, budget })))(
      '$name: $budget request(s)',
      async ({ query, variables, budget }) => {
        await start();
        dataOf(await gw.execute('{ currencies { code } }')); // log in first
        const result = await gw.execute(query, variables);
        dataOf(result);
        expect(vendorRequests(result, SOURCE)).toBe(budget);
      },
    );
  });

  it('reads an account with its contacts in one vendor request', async () => {
    await start();
    await gw.execute('{ currencies { code } }'); // log in first
    const id = encodeId('Account', SOURCE, '10004');
    const result = await gw.execute(
      `query ($id: ID!) { account(id: $id) { name contacts(first: 10) { totalCount edges { node { name emails primaryAccount { name } } } } } }`,
      { id },
    );
    const account = dataOf(result).account;
    expect(account.contacts.totalCount).toBe(s.sim.store.contactsOfAccount(10004).length);
    expect(account.contacts.edges[0].node.primaryAccount.name).toBe(account.name);
    expect(vendorRequests(result, SOURCE)).toBe(1);
  });

  it('finds a person by e-mail and lists currencies with the base one marked', async () => {
    await start();
    const email = s.sim.store.contactPoints().find((p) => p.value.includes('@'))!.value;
    const found = await gw.execute(
      `query ($email: String) { contacts(filter: { email: $email }) { edges { node { remoteId emails } } } }`,
      {
        email: email.toUpperCase(),
      },
    );
    expect(dataOf(found).contacts.edges.map((e: { node: { emails: string[] } }) => e.node.emails)).toEqual([
      expect.arrayContaining([email]),
    ]);
    const currencies = dataOf(await gw.execute('{ currencies(sources: ["logisense"]) { code isBase } }')).currencies;
    expect(currencies).toContainEqual({ code: 'USD', isBase: true });
  });

  it('keeps token expiry mid-run invisible to the client, at the cost of one re-login', async () => {
    await start();
    dataOf(await gw.execute(FIFTY_CONTACTS));
    expect(s.logins()).toBe(1);
    s.sim.expireAllTokens();
    const after = await gw.execute(FIFTY_CONTACTS);
    expect(dataOf(after).contacts.edges).toHaveLength(50);
    expect(s.logins()).toBe(2);
    // The refused read, the login, the read again.
    expect(vendorRequests(after, SOURCE)).toBe(3);
  });

  it('answers SOURCE_AUTH_FAILED for bad credentials, with no credential or host in the response', async () => {
    await start();
    const c = s.sim.credentials;
    await gw.stop();
    await s.sim.close();
    await start({
      source: { credentials: { clientId: c.clientId, username: c.username, password: 'wrong-password' } },
    });
    const result = await gw.execute(FIFTY_CONTACTS);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'SOURCE_AUTH_FAILED',
      source: SOURCE,
      vendor: 'LOGISENSE',
      retryable: false,
    });
    const text = JSON.stringify(result);
    for (const secret of [
      'wrong-password',
      c.password,
      c.username,
      c.clientId,
      c.clientSecret,
      s.sim.url,
      '127.0.0.1',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('answers UNSUPPORTED_BY_SOURCE for opportunities, pipelines and users of this source', async () => {
    await start();
    const code = async (query: string, variables?: Record<string, unknown>) =>
      (await gw.execute(query, variables)).errors?.[0]?.extensions;
    expect(await code('{ opportunities(sources: ["logisense"]) { edges { node { id } } } }')).toMatchObject({
      code: 'UNSUPPORTED_BY_SOURCE',
      source: SOURCE,
      vendor: 'LOGISENSE',
    });
    expect(await code('{ pipelines(sources: ["logisense"]) { id } }')).toMatchObject({ code: 'UNSUPPORTED_BY_SOURCE' });
    expect(await code('{ users(sources: ["logisense"]) { id } }')).toMatchObject({ code: 'UNSUPPORTED_BY_SOURCE' });
    expect(
      await code(
        `mutation ($input: CreateOpportunityInput!) { createOpportunity(input: $input) { opportunity { id } } }`,
        {
          input: { source: SOURCE, name: 'Deal', closingDate: '2030-01-01', value: { amount: '10' } },
        },
      ),
    ).toMatchObject({ code: 'UNSUPPORTED_BY_SOURCE' });
    const account = await gw.execute(
      `query ($id: ID!) { account(id: $id) { name opportunities { edges { node { id } } } } }`,
      {
        id: encodeId('Account', SOURCE, '10001'),
      },
    );
    expect(account.data?.['account']).toMatchObject({ opportunities: { edges: [] } });
    expect(account.errors?.[0]?.extensions).toMatchObject({ code: 'UNSUPPORTED_BY_SOURCE' });
    // Without `sources`, lists simply leave this source out.
    expect(dataOf(await gw.execute('{ pipelines { id } }')).pipelines).toEqual([]);
  });

  it('answers bad input with userErrors naming the field, and writes nothing', async () => {
    await start();
    const before = holdings(s);
    const noAccount = dataOf(
      await gw.execute(CREATE_CONTACT, { input: { source: SOURCE, lastName: 'Orphan', emails: ['orphan@x.example'] } }),
    );
    expect(noAccount.createContact).toEqual({
      contact: null,
      userErrors: [
        {
          field: ['input', 'accountId'],
          message: 'a LogiSense contact belongs to an account (seed 004); pass accountId',
          code: 'REQUIRED',
        },
      ],
      warnings: [],
    });
    const ghost = encodeId('Account', SOURCE, '99999');
    const missing = dataOf(
      await gw.execute(CREATE_CONTACT, {
        input: { source: SOURCE, lastName: 'Ghost', accountId: ghost, jobTitle: 'CTO' },
      }),
    );
    expect(missing.createContact.userErrors).toEqual([
      {
        field: ['input', 'jobTitle'],
        message: 'LogiSense v6 contacts have no job title (title is the salutation)',
        code: 'UNSUPPORTED',
      },
      { field: ['input', 'accountId'], message: 'no account 99999 in source "logisense"', code: 'NOT_FOUND' },
    ]);
    const badEmail = dataOf(
      await gw.execute(CREATE_CONTACT, {
        input: {
          source: SOURCE,
          lastName: 'Typo',
          emails: ['ok@x.example', 'not-an-email'],
          accountId: encodeId('Account', SOURCE, '10001'),
        },
      }),
    );
    expect(badEmail.createContact.userErrors).toEqual([
      { field: ['input', 'emails', '1'], message: '"not-an-email" is not an e-mail address', code: 'INVALID' },
    ]);
    const account = dataOf(
      await gw.execute(CREATE_ACCOUNT, {
        input: { source: SOURCE, name: 'Mailbox Ltd', emails: ['hello@mailbox.example'] },
      }),
    );
    expect(account.createAccount.userErrors).toEqual([
      {
        field: ['input', 'emails'],
        message: 'LogiSense v6 accounts have no e-mail of their own; give it to a contact of the account',
        code: 'UNSUPPORTED',
      },
    ]);
    expect(holdings(s)).toEqual(before);
    expect(
      s.sim.server.log.filter((r) => r.method === 'PATCH' || (r.method === 'POST' && !r.path.endsWith('/Login'))),
    ).toEqual([]);
  });

  it('lists this source with its declared capabilities', async () => {
    await start();
    const sources = dataOf(
      await gw.execute(
        '{ sources { id vendor capabilities { entity operations filters requiredOnCreate updatableFields versionCheck } } }',
      ),
    ).sources;
    expect(sources).toEqual([
      {
        id: SOURCE,
        vendor: 'LOGISENSE',
        capabilities: [
          {
            entity: 'CONTACT',
            // No DELETE: v6 has none for contacts (seed 004).
            operations: ['READ', 'LIST', 'CREATE', 'UPDATE'],
            filters: ['email', 'name', 'accountId'],
            requiredOnCreate: ['accountId'],
            updatableFields: ['title', 'firstName', 'lastName', 'emails', 'phones'],
            versionCheck: 'BEST_EFFORT',
          },
          {
            entity: 'ACCOUNT',
            operations: ['READ', 'LIST', 'CREATE', 'UPDATE'],
            filters: ['name', 'updatedSince'],
            requiredOnCreate: ['name'],
            updatableFields: ['name'],
            versionCheck: 'BEST_EFFORT',
          },
          {
            entity: 'CURRENCY',
            operations: ['READ', 'LIST'],
            filters: [],
            requiredOnCreate: [],
            updatableFields: [],
            versionCheck: null,
          },
        ],
      },
    ]);
  });
});
