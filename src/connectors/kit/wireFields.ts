import { z } from 'zod';

/*
 * Zod building blocks for vendor wire schemas. Vendors send most fields as "maybe there, maybe
 * null", so a schema is mostly groups of optional fields; these say so once instead of per line.
 */

/** Text the vendor may leave out or send as null. */
export const text = z.string().nullish();

/** A number the vendor may leave out or send as null. */
export const optionalNumber = z.number().nullish();

/** A flag the vendor may leave out or send as null. */
export const optionalFlag = z.boolean().nullish();

type Fields<K extends string, S extends z.ZodType> = { [P in K]: S };
type TextFields<K extends string> = Fields<K, typeof text>;

/** A group of fields of one schema that belong together (a record's phone lists, its instants). */
export function fields<S extends z.ZodType, const K extends string>(schema: S, ...names: K[]): Fields<K, S> {
  return Object.fromEntries(names.map((name) => [name, schema])) as Fields<K, S>;
}

/** A group of optional text fields that belong together (a name's parts, an address, timestamps). */
export function texts<const K extends string>(...names: K[]): TextFields<K> {
  return fields(text, ...names);
}

/** Numbered slots of one kind (`email1` … `email5`): optional text each. */
export function numberedTexts<const P extends string, const N extends number>(
  prefix: P,
  count: N,
): TextFields<`${P}${Slot<N>}`> {
  return texts(...Array.from({ length: count }, (_, i) => `${prefix}${i + 1}` as `${P}${Slot<N>}`));
}

/** 0 … N-1 as a union of numbers. */
type Below<N extends number, Seen extends number[] = []> = Seen['length'] extends N
  ? Seen[number]
  : Below<N, [...Seen, Seen['length']]>;

/** 1 … N as a union of numbers, for slot names. */
type Slot<N extends number> = Exclude<Below<N> | N, 0>;
