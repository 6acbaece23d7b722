import * as pipeliner from '../../../src/connectors/pipeliner/wire';
import * as pipelinerDeletes from '../../../src/connectors/pipeliner/deletes';
import * as superoffice from '../../../src/connectors/superoffice/wire';
import * as superofficeReference from '../../../src/connectors/superoffice/reference';
import * as logisense from '../../../src/connectors/logisense/wire';

/**
 * A wire record compiles its check on first use: a shape zod cannot export as JSON Schema
 * would throw on the first vendor answer instead of at start. Every exported one is built here.
 */
const modules = { pipeliner, pipelinerDeletes, superoffice, superofficeReference, logisense };
const records = Object.entries(modules).flatMap(([module, exports]) =>
  Object.entries(exports as Record<string, unknown>)
    .filter((entry): entry is [string, { required: readonly string[]; safeParse: (v: unknown) => { success: boolean } }] => {
      const value = entry[1] as { required?: unknown; safeParse?: unknown } | null;
      return typeof value === 'object' && value !== null && Array.isArray(value.required) && typeof value.safeParse === 'function';
    })
    .map(([name, record]) => [`${module}.${name}`, record] as const),
);

describe('every vendor wire record', () => {
  it('is found in the modules that declare them', () => {
    expect(records.length).toBeGreaterThan(20);
  });

  it.each(records)('%s compiles its check and refuses a record without its required fields', (_, record) => {
    expect(() => record.safeParse({})).not.toThrow();
    expect(record.safeParse({}).success).toBe(record.required.length === 0);
  });
});
