import type { VendorCallEvent } from '../../src/core/call';
import { logVendorCall, routeTemplate } from '../../src/telemetry';
import { captureLogger } from './harness';

describe('routeTemplate', () => {
  it.each([
    ['/Contacts', '/Contacts'],
    ['/Contacts/0b6e7b1c-2d3f-4a5b-9c8d-7e6f5a4b3c2d', '/Contacts/{id}'],
    ['/v1/Person/42', '/v1/Person/{id}'],
    ['/ResourceServer/api/v6/Account/1007/Contacts', '/ResourceServer/api/v6/Account/{id}/Contacts'],
    ['/Agents/List/GetBaseCurrency', '/Agents/List/GetBaseCurrency'],
    ['/Accounts/batch-modify', '/Accounts/batch-modify'],
    ['/things/5f0c1e2d3a4b5c6d7e8f9a0b', '/things/{id}'],
    ['/tokens/dGhpcyBpcyBhIHRva2VuMTIz', '/tokens/{id}'],
    ['/people/jane%40example.org', '/people/{id}'],
    ['/people/jane@example.org', '/people/{id}'],
    ['/v1/ContactPersonRelations', '/v1/ContactPersonRelations'],
    ['/', '/'],
  ])('%s → %s', (path, template) => {
    expect(routeTemplate(path)).toBe(template);
  });
});

describe('logVendorCall', () => {
  const base: VendorCallEvent = { source: 'crm', vendor: 'PIPELINER', method: 'GET', path: '/Contacts/17', status: 200, durationMs: 12, attempt: 1 };

  function logged(event: VendorCallEvent): Array<Record<string, unknown>> {
    const { logger, lines } = captureLogger();
    logVendorCall(logger, event);
    return lines.map(({ time: _t, pid: _p, hostname: _h, ...rest }) => rest);
  }

  it('logs nothing for an answer at the first try', () => {
    expect(logged(base)).toEqual([]);
  });

  it('logs a failure that is retried at info, with the route template and the wait asked for', () => {
    expect(logged({ ...base, status: 429, error: 'SOURCE_RATE_LIMITED', willRetry: true, retryAfterMs: 2000 })).toEqual([
      {
        level: 30, msg: 'vendor call failed, retrying', source: 'crm', vendor: 'PIPELINER', method: 'GET', route: '/Contacts/{id}',
        status: 429, attempt: 1, durationMs: 12, error: 'SOURCE_RATE_LIMITED', willRetry: true, retryAfterMs: 2000,
      },
    ]);
  });

  it('logs a failure that reaches the caller at warn, with a null status when nothing answered', () => {
    expect(logged({ ...base, status: null, attempt: 3, error: 'SOURCE_TIMEOUT', willRetry: false })).toEqual([
      expect.objectContaining({ level: 40, msg: 'vendor call failed', status: null, attempt: 3, error: 'SOURCE_TIMEOUT', willRetry: false }),
    ]);
  });

  it('logs a retry that succeeded at info', () => {
    expect(logged({ ...base, attempt: 2 })).toEqual([expect.objectContaining({ level: 30, msg: 'vendor call succeeded on retry', status: 200, attempt: 2 })]);
    expect(logged({ ...base, attempt: 2 })[0]).not.toHaveProperty('error');
  });
});
