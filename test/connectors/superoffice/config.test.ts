import { superOfficeConnector, superOfficeSourceSchema } from '../../../src/connectors/superoffice';

/** The source config names the bad key, and fills the documented defaults. */
describe('SuperOffice: source configuration', () => {
  const base = { id: 'so', vendor: 'superoffice', baseUrl: 'https://sod2.superoffice.com', tenant: 'Cust12345' };

  it('accepts a bearer token or a ticket with its app token, and fills the defaults', () => {
    const bearer = superOfficeSourceSchema.parse({
      ...base,
      credentials: { scheme: 'bearer', accessToken: '8A:Cust12345.x' },
    });
    expect(bearer.options).toEqual({ language: 'en', baseAmountFormula: 'divideByRate' });
    const ticket = superOfficeSourceSchema.parse({
      ...base,
      credentials: { scheme: 'soticket', ticket: '7T:abc', appToken: 'secret' },
      options: { defaultSaleTypeId: 2 },
    });
    expect(ticket.credentials).toEqual({ scheme: 'soticket', ticket: '7T:abc', appToken: 'secret' });
    expect(ticket.options.defaultSaleTypeId).toBe(2);
  });

  it.each([
    [
      'a ticket without its app token',
      { credentials: { scheme: 'soticket', ticket: '7T:abc' } },
      ['credentials', 'appToken'],
    ],
    ['an empty token', { credentials: { scheme: 'bearer', accessToken: '' } }, ['credentials', 'accessToken']],
    ['Basic auth (not allowed online)', { credentials: { scheme: 'basic', user: 'a' } }, ['credentials', 'scheme']],
    ['a tenant with a slash', { tenant: 'Cust1/api', credentials: { scheme: 'bearer', accessToken: 't' } }, ['tenant']],
    [
      'an unknown option',
      { credentials: { scheme: 'bearer', accessToken: 't' }, options: { pageSize: 5 } },
      ['options'],
    ],
  ])('refuses %s, naming the key', (_name, patch, path) => {
    const res = superOfficeSourceSchema.safeParse({ ...base, ...patch });
    expect(res.success).toBe(false);
    expect(res.error?.issues[0]?.path).toEqual(path);
  });

  it('declares what SuperOffice does: reads, lists, single creates, updates and deletes (no batch write; expectedVersion checked natively with If-Unmodified-Since), the fields PATCH changes, and the filters the archive applies', async () => {
    const connector = superOfficeConnector(
      superOfficeSourceSchema.parse({ ...base, credentials: { scheme: 'bearer', accessToken: 't' } }),
    );
    try {
      expect(connector.capabilities).toEqual([
        {
          entity: 'CONTACT',
          operations: ['READ', 'LIST', 'CREATE', 'UPDATE', 'DELETE'],
          filters: ['email', 'name', 'accountId', 'updatedSince'],
          requiredOnCreate: ['firstName|lastName'],
          updatableFields: ['firstName', 'middleName', 'lastName', 'title', 'jobTitle', 'emails', 'phones', 'accountId', 'ownerId'],
          versionCheck: 'NATIVE',
        },
        {
          entity: 'ACCOUNT',
          operations: ['READ', 'LIST', 'CREATE', 'UPDATE', 'DELETE'],
          filters: ['name', 'email', 'updatedSince'],
          requiredOnCreate: ['name'],
          updatableFields: ['name', 'emails', 'phones', 'website', 'address', 'ownerId'],
          versionCheck: 'NATIVE',
        },
        {
          entity: 'OPPORTUNITY',
          operations: ['READ', 'LIST', 'CREATE', 'UPDATE', 'DELETE'],
          filters: ['accountId', 'status', 'pipelineId', 'stageId', 'updatedSince'],
          requiredOnCreate: ['name', 'closingDate', 'value'],
          updatableFields: [
            'name',
            'accountId',
            'contactIds',
            'primaryContactId',
            'pipelineId',
            'stageId',
            'closingDate',
            'value',
            'probability',
            'ownerId',
            'description',
          ],
          versionCheck: 'NATIVE',
        },
        { entity: 'PIPELINE', operations: ['READ', 'LIST'], filters: [], requiredOnCreate: [], updatableFields: [], versionCheck: null },
        { entity: 'CURRENCY', operations: ['READ', 'LIST'], filters: [], requiredOnCreate: [], updatableFields: [], versionCheck: null },
        { entity: 'USER', operations: ['READ', 'LIST'], filters: [], requiredOnCreate: [], updatableFields: [], versionCheck: null },
      ]);
      expect(Object.values(connector.writes).map((w) => w.batchSize)).toEqual([1, 1, 1]);
      expect(Object.values(connector.updates).map((w) => w.batchSize)).toEqual([1, 1, 1]);
      expect(Object.values(connector.deletes).map((w) => w.batchSize)).toEqual([1, 1, 1]);
      expect([connector.vendor, connector.name, connector.maxPageSize, connector.maxBatchSize]).toEqual([
        'SUPEROFFICE',
        'SuperOffice CRM',
        100,
        100,
      ]);
    } finally {
      await connector.close();
    }
  });
});
