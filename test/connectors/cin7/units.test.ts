import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cin7Connector, cin7SourceSchema, contactIdOf, parseContactId } from '../../../src/connectors/cin7';
import { budgetFor } from '../../../src/connectors/cin7/pacing';
import { GatewayResources } from '../../../src/core/resources';
import { toCin7AccountCreate, toCin7PersonCreate, toCin7SecondaryAppend, toCin7SecondaryContact } from '../../../src/connectors/cin7/bodies';
import { RECORD_MAX_LENGTH, SECONDARY_MAX_LENGTH } from '../../../src/connectors/cin7/checks';
import { itemErrors, PERSON_FIELDS } from '../../../src/connectors/cin7/errors';
import { fromCin7Account, fromCin7Quote, personsOf, quoteStatus } from '../../../src/connectors/cin7/map';
import { and, atom, containsPattern, dateLiteral, MATCH_ALL, or, quoted, render } from '../../../src/connectors/cin7/where';
import { cin7OmniContact, cin7OmniQuote } from '../../../src/connectors/cin7/wire';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'cin7');
type ModelFixture = { fields: Record<string, { maxLength?: number; readOnly?: boolean }> };
const fixture = (file: string) => JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as ModelFixture;

/** The vendor's own sample record (POST-v1-Contacts Help page, as quoted in seed 001), trimmed. */
const VENDOR_SAMPLE = {
  id: 1,
  createdDate: '2024-11-16T13:41:56.1638179Z',
  modifiedDate: '2024-11-16T13:41:56.1638179Z',
  isActive: true,
  company: 'Acme Corporation',
  firstName: 'Jane',
  lastName: 'Doe',
  jobTitle: 'Managing Director',
  email: 'jane@acmecorpation.com',
  website: 'www.acmecorpation.com',
  phone: '(000) 123-4567',
  fax: '(000) 123-4567',
  mobile: '(000) 123-4567',
  address1: '1600 Amphitheatre Pkwy',
  address2: null,
  city: 'Mountain View',
  state: 'CA',
  postCode: '94043',
  country: 'USA',
  secondaryContacts: [
    { id: 1, company: "Bob's Company", firstName: 'Bob', lastName: 'Joans', jobTitle: 'Freelance Consultant', email: 'bob@acmecorpation.com', mobile: null, phone: null },
    { id: 2, company: null, firstName: 'Lara', lastName: 'Croft', jobTitle: 'Accountant', email: 'lara@acmecorpation.com', mobile: null, phone: null },
  ],
  type: 'Customer',
  salesPersonId: 0,
  billingId: 0,
};

describe('Cin7 Omni config', () => {
  const base = { id: 'omni', vendor: 'cin7', baseUrl: 'https://api.cin7.com/api', credentials: { username: 'AcmeNZ', apiKey: 'k' } };

  it('defaults to the vendor limits, Customer records and scanning for secondary contacts', () => {
    const c = cin7SourceSchema.parse(base);
    expect(c.options).toEqual({
      accountType: 'Customer',
      contactType: 'Customer',
      contactSearch: 'scan',
      maxScanPages: 8,
      quoteStages: ['New', 'Awaiting Payment', 'Processing', 'On Hold', 'Dispatched', 'Declined'],
      rateLimits: { perSecond: 3, perMinute: 60, perDay: 5000, maxWaitMs: 30000, marginMs: 50, instances: 1 },
    });
    expect(cin7SourceSchema.parse({ ...base, options: { rateLimits: false } }).options.rateLimits).toBe(false);
  });

  it('names the bad key', () => {
    const r = cin7SourceSchema.safeParse({ ...base, credentials: { username: 'x', apiKey: '' }, options: { accountType: 'Internal' } });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['credentials.apiKey', 'options.accountType']));
  });
});

describe('Cin7 Omni declaration', () => {
  const config = cin7SourceSchema.parse({ id: 'omni', vendor: 'cin7', baseUrl: 'https://api.cin7.com/api', credentials: { username: 'AcmeNZ', apiKey: 'k' } });

  it('derives the capabilities of the README table: accounts and contacts updated in batches and deleted (best-effort versions), no pipelines or currencies, quotes read-only', async () => {
    const resources = new GatewayResources();
    const connector = cin7Connector(config, undefined, resources);
    try {
      expect(connector.capabilities).toEqual([
        {
          entity: 'CONTACT',
          operations: ['READ', 'LIST', 'CREATE', 'BATCH_CREATE', 'UPDATE', 'BATCH_UPDATE', 'DELETE'],
          filters: ['email', 'name', 'accountId', 'updatedSince'],
          requiredOnCreate: ['firstName'],
          updatableFields: ['firstName', 'lastName', 'jobTitle', 'emails', 'phones'],
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
        { entity: 'OPPORTUNITY', operations: ['READ', 'LIST'], filters: ['accountId', 'status', 'updatedSince'], requiredOnCreate: [], updatableFields: [], versionCheck: null },
        { entity: 'USER', operations: ['READ', 'LIST'], filters: [], requiredOnCreate: [], updatableFields: [], versionCheck: null },
      ]);
      expect([connector.maxPageSize, connector.maxBatchSize, connector.writes.CONTACT?.batchSize, connector.updates.CONTACT?.batchSize, connector.updates.ACCOUNT?.batchSize]).toEqual([250, 250, 250, 250, 250]);
      expect([connector.updates.OPPORTUNITY, connector.deletes.OPPORTUNITY]).toEqual([undefined, undefined]);
    } finally {
      await connector.close();
      await resources.close();
    }
  });

  it("keeps one budget per API key in the gateway's resources: shared by its sources, apart from another gateway's", async () => {
    const mine = new GatewayResources();
    const other = new GatewayResources();
    const budget = budgetFor(config, mine);
    expect(budget).not.toBeNull();
    expect(budgetFor({ ...config, id: 'omni-2' }, mine)).toBe(budget);
    expect(budgetFor({ ...config, credentials: { ...config.credentials, apiKey: 'other' } }, mine)).not.toBe(budget);
    expect(budgetFor(config, other)).not.toBe(budget);
    expect(budgetFor({ ...config, options: { ...config.options, rateLimits: false } }, mine)).toBeNull();
    await mine.close();
    await other.close();
  });
});

describe('Cin7 Omni remote ids', () => {
  it('are the record id for an account and its own person, `<record>.s<secondary>` for secondary contacts', () => {
    expect(contactIdOf(42)).toBe('42');
    expect(contactIdOf(42, 7)).toBe('42.s7');
    expect(parseContactId('42')).toEqual({ recordId: 42, secondaryId: null });
    expect(parseContactId('42.s7')).toEqual({ recordId: 42, secondaryId: 7 });
    for (const bad of ['', '0', '-1', '42.7', '42.s', 'abc', "1 OR 1=1", '99999999999', '042']) expect(parseContactId(bad)).toBeNull();
  });
});

describe('Cin7 Omni where building', () => {
  it('quotes text with doubled single quotes', () => {
    expect(quoted("O'Brien")).toBe("'O''Brien'");
    expect(quoted("x' OR '1'='1")).toBe("'x'' OR ''1''=''1'");
  });

  it('blurs LIKE wildcards in user text to `_` and says the match must be checked locally', () => {
    expect(containsPattern('acme')).toEqual({ literal: "'%acme%'", exact: true });
    expect(containsPattern('100%')).toEqual({ literal: "'%100_%'", exact: false });
    expect(containsPattern('a_b[c]')).toEqual({ literal: "'%a_b_c_%'", exact: false });
  });

  it('writes OR-of-ANDs without parentheses (their support is unverified, vendor notes §9 q7)', () => {
    const w = and(atom('a = 1'), or(atom('b = 2'), atom('c = 3')), atom('d = 4'));
    expect(render(w)).toBe('a = 1 AND b = 2 AND d = 4 OR a = 1 AND c = 3 AND d = 4');
    expect(render(and(MATCH_ALL, MATCH_ALL))).toBeNull();
  });

  it('formats dates at second precision, rounded down', () => {
    expect(dateLiteral('2024-05-01T10:20:30.999Z')).toBe("'2024-05-01T10:20:30Z'");
    expect(dateLiteral('not a date')).toBeNull();
  });
});

describe('Cin7 Omni mappers', () => {
  const wire = cin7OmniContact.parse(VENDOR_SAMPLE);

  it('map the vendor sample record to one account and three contacts', () => {
    expect(fromCin7Account('omni', wire)).toMatchObject({
      remoteId: '1',
      name: 'Acme Corporation',
      emails: ['jane@acmecorpation.com'],
      phones: ['(000) 123-4567'],
      website: 'www.acmecorpation.com',
      address: { street: '1600 Amphitheatre Pkwy', city: 'Mountain View', state: 'CA', postalCode: '94043', country: 'USA' },
      ownerId: null,
      createdAt: '2024-11-16T13:41:56.163Z',
    });
    const people = personsOf('omni', wire);
    expect(people.map((p) => [p.remoteId, p.name, p.jobTitle, p.emails, p.primaryAccountId])).toEqual([
      ['1', 'Jane Doe', 'Managing Director', ['jane@acmecorpation.com'], '1'],
      ['1.s1', 'Bob Joans', 'Freelance Consultant', ['bob@acmecorpation.com'], '1'],
      ['1.s2', 'Lara Croft', 'Accountant', ['lara@acmecorpation.com'], '1'],
    ]);
    // One phone number shared by the record's person: listed once.
    expect(people[0]!.phones).toEqual(['(000) 123-4567']);
    // Secondary contacts have no dates of their own; they change with their record.
    expect(people[1]).toMatchObject({ createdAt: null, updatedAt: '2024-11-16T13:41:56.163Z', remoteData: VENDOR_SAMPLE.secondaryContacts[0] });
  });

  it('read PascalCase keys too (one client claims them, vendor notes §1 "Conflict")', () => {
    const pascal = cin7OmniContact.parse({ Id: 5, Company: 'Pascal Ltd', FirstName: 'Ada', SecondaryContacts: [{ Id: 9, FirstName: 'Bo' }], Type: 'Customer' });
    expect(personsOf('omni', pascal).map((p) => p.remoteId)).toEqual(['5', '5.s9']);
    expect(fromCin7Account('omni', pascal).name).toBe('Pascal Ltd');
  });

  it('keep "unknown" apart from "empty": a company-only record has no person, a private individual is named after the person', () => {
    expect(personsOf('omni', cin7OmniContact.parse({ id: 3, company: 'Only Co', firstName: '', lastName: null }))).toEqual([]);
    const individual = cin7OmniContact.parse({ id: 4, company: null, firstName: 'Kim', lastName: 'Lee' });
    expect(fromCin7Account('omni', individual)).toMatchObject({ name: 'Kim Lee', emails: [], phones: [], website: null, address: null });
  });

  it('map a quote to an opportunity with its stage as given, probability, currency and customer', () => {
    const q = cin7OmniQuote.parse({
      id: 12, reference: 'QU-00012', memberId: 7, stage: 'Needs Attention', status: 'Approved', probability: 62.5,
      total: 1150.1, currencyCode: 'aud', expectedOrderDate: '2025-02-03T00:00:00Z', salesPersonId: 2,
    });
    expect(fromCin7Quote('omni', q, ['New', 'Processing'], 'NZD')).toMatchObject({
      remoteId: '12', name: 'QU-00012', status: 'OPEN', probability: 63, closingDate: '2025-02-03',
      stage: { remoteId: 'Needs Attention', name: 'Needs Attention', position: 2, pipelineId: null, probability: null },
      value: { amount: '1150.1', currencyCode: 'AUD', currencyId: null, baseAmount: null },
      accountId: '7', primaryContactId: '7', contactIds: ['7'], ownerId: '2', pipelineId: null,
    });
    expect(fromCin7Quote('omni', cin7OmniQuote.parse({ id: 1, total: 5 }), ['New'], 'NZD').value?.currencyCode).toBe('NZD');
    expect(fromCin7Quote('omni', cin7OmniQuote.parse({ id: 1, total: 5 }), ['New'], null).value).toBeNull();
  });

  it('derive quote status: Void or Declined → LOST, On Hold → STALLED, else OPEN (casing ignored)', () => {
    expect(quoteStatus({ status: 'VOID', stage: 'New' })).toBe('LOST');
    expect(quoteStatus({ status: 'Approved', stage: 'Declined' })).toBe('LOST');
    expect(quoteStatus({ status: 'Draft', stage: 'on hold' })).toBe('STALLED');
    expect(quoteStatus({ status: 'Approved', stage: null })).toBe('OPEN');
  });
});

describe('Cin7 Omni write rules and bodies', () => {
  it('use the documented max lengths (test/fixtures/cin7 contact.json, secondary-contact.json)', () => {
    const contact = fixture('contact.json').fields;
    for (const [wire, max] of Object.entries(RECORD_MAX_LENGTH)) expect([wire, contact[wire]?.maxLength]).toEqual([wire, max]);
    const secondary = fixture('secondary-contact.json').fields;
    for (const [wire, max] of Object.entries(SECONDARY_MAX_LENGTH)) expect([wire, secondary[wire]?.maxLength]).toEqual([wire, max]);
  });

  it('send only declared, writable Contact fields, `type` always included', () => {
    const contact = fixture('contact.json').fields;
    const secondary = fixture('secondary-contact.json').fields;
    const bodies = [
      toCin7AccountCreate({ name: 'Acme', emails: ['a@b.co'], phones: ['1'], website: 'w', address: { street: 's', city: 'c', state: 'st', postalCode: 'p', country: 'NZ' } }, 'Customer', 3),
      toCin7PersonCreate({ firstName: 'A', lastName: 'B', jobTitle: 'J', emails: ['a@b.co'], phones: ['1', '2'] }, 'Supplier', null),
    ];
    for (const body of bodies) {
      expect(body['type']).toBeDefined();
      for (const key of Object.keys(body)) expect([key, contact[key] !== undefined && !contact[key]?.readOnly]).toEqual([key, true]);
    }
    const item = toCin7SecondaryContact({ firstName: 'A', emails: ['a@b.co'], phones: ['1', '2'] });
    for (const key of Object.keys(item)) expect(secondary[key]).toBeDefined();
    expect(item).toEqual({ firstName: 'A', email: 'a@b.co', phone: '1', mobile: '2' });
  });

  it('append a secondary contact by re-sending every existing one with its id', () => {
    const wire = cin7OmniContact.parse(VENDOR_SAMPLE);
    const put = toCin7SecondaryAppend(wire, 'Customer', [{ firstName: 'New' }]);
    expect(put).toEqual({
      id: 1,
      type: 'Customer',
      secondaryContacts: [
        VENDOR_SAMPLE.secondaryContacts[0],
        VENDOR_SAMPLE.secondaryContacts[1],
        { firstName: 'New' },
      ],
    });
  });
});

describe('Cin7 Omni per-item errors', () => {
  it('map the vendor messages back to input fields', () => {
    const e = itemErrors(
      [
        "The field FirstName must be a string or array type with a maximum length of '250'.",
        'The Type field is required.',
        "The email address 'x@y.co' is already in use.",
        "Error converting value \"abc\" to type 'System.Nullable`1[System.Int32]'. Path '[2].salesPersonId'.",
        "SecondaryContacts[1]: The field LastName must be a string or array type with a maximum length of '50'.",
        'Something nobody documented.',
      ],
      PERSON_FIELDS,
      'contact',
    );
    expect(e.record.map((u) => [u.field, u.code])).toEqual([
      [['firstName'], 'TOO_LONG'],
      [null, 'REQUIRED'],
      [['emails', '0'], 'CONFLICT'],
      [['ownerId'], 'INVALID'],
      [null, 'REJECTED'],
    ]);
    expect(e.record[2]!.message).toBe("Cin7 Omni refused the contact: The email address 'x@y.co' is already in use.");
    expect(e.secondary.get(1)).toEqual([
      { field: ['lastName'], message: "Cin7 Omni refused the contact: The field LastName must be a string or array type with a maximum length of '50'.", code: 'TOO_LONG' },
    ]);
  });
});
