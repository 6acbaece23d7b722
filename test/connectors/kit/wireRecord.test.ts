import { z } from 'zod';
import { wireRecord } from '../../../src/connectors/kit/wireRecord';
import { text } from '../../../src/connectors/kit/wireFields';

const owner = wireRecord({ id: z.string(), name: text });
const contact = wireRecord({ id: z.string(), first_name: text, owner: z.union([z.string(), owner]).nullish() });

describe('wireRecord', () => {
  it('answers the vendor object itself: declared fields checked, every other field kept for remoteData', () => {
    const row = { id: 'c1', first_name: 'Ada', custom_field_7: { deep: [1, 2] }, owner: { id: 'u1', name: 'Lin', extra: true } };
    const parsed = contact.parse(row);
    expect(parsed).toBe(row);
    expect(parsed.owner).toEqual({ id: 'u1', name: 'Lin', extra: true });
    expect(parsed['custom_field_7']).toEqual({ deep: [1, 2] });
  });

  it('refuses a declared field of the wrong type, naming its path, in nested records too', () => {
    const flat = contact.safeParse({ id: 'c1', first_name: 7 });
    expect(flat.success).toBe(false);
    expect(flat.error?.issues.map((i) => i.path)).toEqual([['first_name']]);
    const nested = contact.safeParse({ id: 'c1', owner: { id: 9 } });
    expect(nested.success).toBe(false);
    expect(nested.error?.issues.map((i) => i.path)).toEqual([['owner']]);
    expect(contact.safeParse('not a record').success).toBe(false);
    expect(contact.safeParse({ first_name: 'no id' }).success).toBe(false);
  });

  it('names the fields a record cannot be without', () => {
    expect(contact.required).toEqual(['id']);
    expect(wireRecord({ id: z.string(), name: z.string(), note: text }).required).toEqual(['id', 'name']);
    // zod refuses an object without a `z.unknown()` key, though it accepts undefined for it alone.
    expect(wireRecord({ id: z.string(), raw: z.unknown() }).required).toEqual(['id', 'raw']);
  });

  it('refuses, when built, a field that would answer something else than it was given', () => {
    expect(() => wireRecord({ id: z.string(), count: z.number().default(0) })).toThrow('wire field count is a default');
    expect(() => wireRecord({ id: z.string().transform((s) => s.trim()) })).toThrow('wire field id is a pipe');
    expect(() => wireRecord({ items: z.array(z.object({ n: z.string().optional().default('x') })) })).toThrow(/wire field items\.n is a default/);
    expect(() => wireRecord({ id: z.string().refine((s) => s.length > 0) })).toThrow('wire field id has a refinement');
  });

  // The fast check and zod must agree on every record: a record the compiled check passed but zod
  // would refuse would reach the mappers unchecked.
  const kinds = wireRecord({
    id: z.number().int(),
    code: z.enum(['A', 'B']),
    flag: z.literal(true).optional(),
    tags: z.array(z.string()).nullish(),
    money: z.object({ amount: z.number(), currency: text }).nullish(),
    owner: z.union([z.string(), owner]).nullish(),
  });
  it.each([
    ['a minimal record', { id: 1, code: 'A' }, true],
    ['every field set, and fields nobody declared', { id: 2, code: 'B', flag: true, tags: ['x'], money: { amount: 1.5, currency: null, extra: 1 }, owner: { id: 'u', name: null }, z: [1] }, true],
    ['nulls where allowed', { id: 3, code: 'A', tags: null, money: null, owner: null }, true],
    ['a fractional integer', { id: 1.5, code: 'A' }, false],
    ['an integer beyond the safe range', { id: 2 ** 60, code: 'A' }, false],
    ['a value outside the enum', { id: 1, code: 'C' }, false],
    ['the other literal', { id: 1, code: 'A', flag: false }, false],
    ['a null where only absence is allowed', { id: 1, code: 'A', flag: null }, false],
    ['a wrong item in a list', { id: 1, code: 'A', tags: ['x', 2] }, false],
    ['a nested object missing its required field', { id: 1, code: 'A', money: { currency: 'EUR' } }, false],
    ['a nested wire record of the wrong type', { id: 1, code: 'A', owner: { id: 5 } }, false],
    ['an array for the record', [{ id: 1, code: 'A' }], false],
    ['null for the record', null, false],
  ])('agrees with zod on %s', (_, value, valid) => {
    const declared = z.object({
      id: z.number().int(),
      code: z.enum(['A', 'B']),
      flag: z.literal(true).optional(),
      tags: z.array(z.string()).nullish(),
      money: z.object({ amount: z.number(), currency: text }).nullish(),
      owner: z.union([z.string(), z.object({ id: z.string(), name: text })]).nullish(),
    });
    expect(declared.safeParse(value).success).toBe(valid);
    expect(kinds.safeParse(value).success).toBe(valid);
  });
});
