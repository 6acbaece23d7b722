import { logisenseSourceSchema } from '../../../src/connectors/logisense';
import { fieldOf, type FieldMap } from '../../../src/connectors/logisense/errors';
import { fromLogiSenseAccount, fromLogiSenseContact, fromLogiSenseDate } from '../../../src/connectors/logisense/map';
import { logisenseAccount, logisenseContact } from '../../../src/connectors/logisense/wire';

const base = { id: 'billing', vendor: 'logisense', baseUrl: 'https://acme.logisensebilling.example' };
const clientId = '044b8ad6006845c29446b2f18e5b5909';

describe('LogiSense source config', () => {
  it('accepts a password login or a client secret, with defaults for the options', () => {
    const config = logisenseSourceSchema.parse({ ...base, credentials: { clientId, username: 'api', password: 'pw' } });
    expect(config.options).toEqual({
      readConcurrency: 8,
      accountPageSize: 100,
      maxScanPages: 20,
      patch: { childrenAt: 'topLevel', accountContactsKey: 'contacts', contactPointsKey: 'contactPoints' },
      // LogiSense documents no request limits: none unless configured.
      rateLimits: false,
    });
    expect(logisenseSourceSchema.safeParse({ ...base, credentials: { clientId, clientSecret: 's' } }).success).toBe(
      true,
    );
  });

  it.each([
    [
      'no password',
      { clientId, username: 'api' },
      [['credentials', 'password'], 'is required unless clientSecret is given'],
    ],
    [
      'both forms',
      { clientId, username: 'api', password: 'pw', clientSecret: 's' },
      [['credentials', 'clientSecret'], 'give username and password, or clientSecret, not both'],
    ],
    ['no client id', { username: 'api', password: 'pw' }, [['credentials', 'clientId'], expect.any(String)]],
  ])('names the bad key when given %s', (_name, credentials, [path, message]) => {
    const parsed = logisenseSourceSchema.safeParse({ ...base, credentials });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path, i.message])).toContainEqual([path, message]);
  });
});

describe('LogiSense mappers', () => {
  // The Detail sample of seed 004 (GET Contact/{id}/Detail), its point type named as in notes §2.2.
  const seedDetail = logisenseContact.parse({
    identity: 1,
    contactTypeId: 9,
    contactTypeName: 'Sample Text Data',
    title: 'Mr.',
    firstName: 'John',
    lastName: 'Doe',
    isUsedForTax: true,
    details: {
      contactPoints: [
        {
          identity: 74,
          contactPointTypeId: 41,
          contactPointTypeName: 'email',
          value: 'john@doe.example',
          contactId: 1,
        },
        { identity: 75, contactPointTypeId: 42, contactPointTypeName: 'phone', value: '+1-555-0101', contactId: 1 },
        { identity: 76, contactPointTypeId: 43, contactPointTypeName: 'text', value: 'note', contactId: 1 },
      ],
      address: { identity: 68, address1: 'Sample Text Data' },
    },
  });

  it('maps a contact: salutation as title, name rebuilt, e-mails and phones from contact points, links in order', () => {
    expect(fromLogiSenseContact('ls', seedDetail, ['10002', '10005'])).toEqual({
      entity: 'CONTACT',
      source: 'ls',
      remoteId: '1',
      firstName: 'John',
      middleName: null,
      lastName: 'Doe',
      name: 'John Doe',
      title: 'Mr.',
      jobTitle: null,
      emails: ['john@doe.example'],
      phones: ['+1-555-0101'],
      primaryAccountId: '10002',
      accounts: [
        { source: 'ls', accountId: '10002', isPrimary: true, jobTitle: null },
        { source: 'ls', accountId: '10005', isPrimary: false, jobTitle: null },
      ],
      ownerId: null,
      createdAt: null,
      updatedAt: null,
      version: expect.any(String),
      remoteData: seedDetail,
    });
  });

  it("versions a contact (v6 has no stamp) by what the gateway reads of it: the same in any point order, another on any change", () => {
    const version = (over: Record<string, unknown>) =>
      fromLogiSenseContact('ls', logisenseContact.parse({ ...seedDetail, ...over }), []).version;
    const points = seedDetail.details!.contactPoints!;
    const same = version({});
    expect(same).toEqual(expect.any(String));
    expect(version({ details: { contactPoints: [...points].reverse() } })).toBe(same);
    // The address is neither shown nor written by the gateway, so it is no part of the version.
    expect(version({ details: { contactPoints: points, address: { identity: 99 } } })).toBe(same);
    expect(version({ firstName: 'Jon' })).not.toBe(same);
    expect(version({ title: null })).not.toBe(same);
    expect(version({ details: { contactPoints: points.slice(1) } })).not.toBe(same);
    expect(version({ details: { contactPoints: [{ ...points[0], value: 'other@doe.example' }, ...points.slice(1)] } })).not.toBe(same);
  });

  it('keeps unknown apart from empty: no points → no e-mails, no name parts → null name', () => {
    const bare = fromLogiSenseContact(
      'ls',
      logisenseContact.parse({ identity: 2, firstName: null, lastName: ' ' }),
      [],
    );
    expect(bare).toMatchObject({
      name: null,
      lastName: null,
      emails: [],
      phones: [],
      primaryAccountId: null,
      accounts: [],
    });
  });

  it('maps an account with its dates, leaving the Detail children out of remoteData', () => {
    const wire = logisenseAccount.parse({
      identity: 10001,
      name: 'Acme',
      currencyId: 1,
      currencyName: 'US Dollars',
      created: '2021-04-26T15:25:27.587Z',
      lastUpdate: '2022-07-22T11:31:26.6Z',
      details: { contacts: [] },
    });
    const record = fromLogiSenseAccount('ls', wire);
    expect(record).toMatchObject({
      remoteId: '10001',
      name: 'Acme',
      createdAt: '2021-04-26T15:25:27.587Z',
      updatedAt: '2022-07-22T11:31:26.600Z',
      // The stamp as the vendor sends it, opaque.
      version: '2022-07-22T11:31:26.6Z',
    });
    expect(record.remoteData).not.toHaveProperty('details');
    expect(fromLogiSenseDate('not a date')).toBeNull();
  });

  it('finds the input field a vendor message names by its longest request path', () => {
    const fields: FieldMap = [
      ['details.contacts.items[0]', null],
      ['details.contacts.items[0].lastName', ['lastName']],
      ['details.contacts.items[0].details.contactPoints.items[1]', ['emails', '1']],
    ];
    expect(
      fieldOf("details.contacts.items[0].details.contactPoints.items[1].value 'x' is not an e-mail address.", fields),
    ).toEqual(['emails', '1']);
    expect(fieldOf('details.contacts.items[0].details.contactPoints.items[10].value is required.', fields)).toBeNull();
    expect(fieldOf('details.contacts.items[0].lastName is too long.', fields)).toEqual(['lastName']);
    expect(fieldOf('name is required.', [['name', ['name']]])).toEqual(['name']);
    expect(fieldOf('The new account would have 2 Billing contacts', [['name', ['name']]])).toBeNull();
  });
});
