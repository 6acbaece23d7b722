import { superOfficeSourceSchema } from '../../../src/connectors/superoffice';

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
});
