import { defineConnector, type ConnectorDeclaration } from '../../src/core/defineConnector';
import { defineWrites } from '../../src/core/writes';

const writes = <C, T>(batchSize: number) =>
  defineWrites<C, T, never>({ batchSize, requiredOnCreate: ['name'], draft: () => Promise.resolve([]), commit: () => Promise.resolve([]) });

function declaration(over: Partial<ConnectorDeclaration> = {}): ConnectorDeclaration {
  return {
    id: 'crm',
    vendor: 'PIPELINER',
    name: 'CRM',
    limits: { maxPageSize: 100, maxBatchSize: 50 },
    reads: {
      get: { CONTACT: () => Promise.resolve([]), ACCOUNT: () => Promise.resolve([]) },
      list: { CONTACT: () => Promise.resolve({ records: [], next: null, totalCount: null, related: [] }) },
      all: { CURRENCY: () => Promise.resolve([]) },
    },
    filters: { CONTACT: ['email', 'name'] },
    writes: { CONTACT: writes(100), ACCOUNT: writes(1) },
    close: () => Promise.resolve(),
    ...over,
  };
}

describe('defineConnector', () => {
  it('derives capabilities from what the vendor declares', () => {
    expect(defineConnector(declaration()).capabilities).toEqual([
      { entity: 'CONTACT', operations: ['READ', 'LIST', 'CREATE', 'BATCH_CREATE'], filters: ['email', 'name'], requiredOnCreate: ['name'], updatableFields: [], versionCheck: null },
      { entity: 'ACCOUNT', operations: ['READ', 'CREATE'], filters: [], requiredOnCreate: ['name'], updatableFields: [], versionCheck: null },
      { entity: 'CURRENCY', operations: ['READ', 'LIST'], filters: [], requiredOnCreate: [], updatableFields: [], versionCheck: null },
    ]);
  });

  it('refuses a declaration that contradicts itself, naming each mismatch', () => {
    const bad = declaration({
      filters: { ACCOUNT: ['name'], CONTACT: ['colour' as 'name'] },
      writes: { OPPORTUNITY: writes(1) },
    });
    expect(() => defineConnector(bad)).toThrow(
      'connector "crm" (PIPELINER): declares filters for ACCOUNT but no list of it; declares filter "colour" on CONTACT, which has no such filter field; creates OPPORTUNITY records but cannot read them back by id',
    );
  });

  it('answers UNSUPPORTED_BY_SOURCE for what it does not declare', async () => {
    const c = defineConnector(declaration());
    await expect(c.listAll('USER', { requestId: 't', onVendorCall: () => undefined } as never)).rejects.toMatchObject({ code: 'UNSUPPORTED_BY_SOURCE' });
  });
});
