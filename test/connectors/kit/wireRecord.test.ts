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
  });

  it('refuses, when built, a field that would answer something else than it was given', () => {
    expect(() => wireRecord({ id: z.string(), count: z.number().default(0) })).toThrow('wire field count is a default');
    expect(() => wireRecord({ id: z.string().transform((s) => s.trim()) })).toThrow('wire field id is a pipe');
    expect(() => wireRecord({ items: z.array(z.object({ n: z.string().optional().default('x') })) })).toThrow(/wire field items\.n is a default/);
  });
});
