import type { Problems } from '../../core/problems';

/**
 * Column sizes of the fields creates write, from SuperOffice's database reference
 * (docs.superoffice.com → Database → tables contact, person, sale, Email, phone, URL, address).
 * Longer values are refused before sending rather than cut by the vendor.
 */
export const LIMITS = {
  companyName: 219, // contact.name String(219)
  firstName: 99, // person.firstname String(99)
  middleName: 99, // person.middleName String(99)
  lastName: 99, // person.lastname String(99)
  mrmrs: 239, // person.mrmrs String(239)
  jobTitle: 239, // person.title String(239)
  email: 239, // Email.email_address String(239)
  phone: 239, // phone.phone String(239)
  url: 1023, // URL.url_address String(1023)
  addressLine: 79, // address.address1..3 String(79)
  addressLines: 3, // address1, address2, address3
  city: 79, // address.city String(79)
  state: 5, // address.state String(5)
  zipcode: 11, // address.zipcode String(11)
  heading: 219, // sale.heading String(219)
} as const;

/** Adds TOO_LONG for `field` when `value` is longer than `max` characters. */
/**
 * TOO_LONG for `field` when `value` has more than `max` characters. Counted in code points, as
 * the columns count characters (core's `Problems.maxLength` counts UTF-16 units).
 */
export function checkLength(problems: Problems, value: string | undefined, max: number, field: string[]): void {
  const length = value === undefined ? 0 : [...value].length;
  if (length > max) {
    problems.add(field, `SuperOffice keeps at most ${max} characters in ${field.join('.')}, got ${length}`, 'TOO_LONG');
  }
}

export function checkEach(problems: Problems, values: readonly string[], max: number, field: string): void {
  values.forEach((v, i) => checkLength(problems, v, max, [field, String(i)]));
}

/** A blank text is "not given": SuperOffice stores "" for unset text. */
export function given(value: string | undefined): string | undefined {
  const t = value?.trim();
  return t ? t : undefined;
}
