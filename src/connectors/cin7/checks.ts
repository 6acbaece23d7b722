import type { CreateAccountCommand, CreateContactCommand } from '../../core/connector';
import type { UserError } from '../../core/errors';

/**
 * The vendor's documented field rules (vendor notes §2 "Contact fields and validation"; field
 * table `contact-crm-model`): max lengths of a Contact record and of a secondary contact
 * (SubContact: company 150, the rest 50). Keys are wire names.
 */
export const RECORD_MAX_LENGTH = {
  company: 250,
  firstName: 250,
  lastName: 250,
  jobTitle: 250,
  website: 50,
  phone: 50,
  mobile: 50,
  address1: 50,
  city: 50,
  state: 50,
  postCode: 50,
  country: 50,
} as const;

export const SECONDARY_MAX_LENGTH = {
  company: 150,
  firstName: 50,
  lastName: 50,
  jobTitle: 50,
  email: 50,
  phone: 50,
  mobile: 50,
} as const;

/** Collects input problems with the path of the GraphQL input field each concerns. */
export class Problems {
  readonly errors: UserError[] = [];

  add(field: string[] | null, message: string, code: UserError['code']): void {
    this.errors.push({ field, message, code });
  }

  /** `value` (trimmed) within `max` characters, else TOO_LONG on `field`. */
  length(value: string | undefined, max: number, field: string[], label: string): void {
    if (value !== undefined && value.trim().length > max) {
      this.add(field, `${label} is longer than Cin7 Omni allows (${max} characters, got ${value.trim().length})`, 'TOO_LONG');
    }
  }
}

function present(v: string | undefined): v is string {
  return v !== undefined && v.trim() !== '';
}

/**
 * A contact's person fields, as a record's own person (`secondary: false`, limits of the
 * Contact model) or as a secondary contact (limits of SubContact). Cin7 keeps no middle name
 * or salutation, one e-mail and two phones (`phone`, `mobile`) per person: more is refused,
 * never dropped. A first name is required: Cin7's "Company or First Name must be filled"
 * (vendor notes §2 UI rule) for a record without company, and the same rule for its people.
 */
export function checkPerson(cmd: CreateContactCommand, secondary: boolean, p: Problems): void {
  const max = secondary ? SECONDARY_MAX_LENGTH : RECORD_MAX_LENGTH;
  const where = secondary ? 'a secondary contact' : 'a contact record';
  if (present(cmd.middleName)) p.add(['middleName'], 'Cin7 Omni has no middle name field', 'UNSUPPORTED');
  if (present(cmd.title)) p.add(['title'], 'Cin7 Omni has no salutation (title) field', 'UNSUPPORTED');
  if (!present(cmd.firstName)) {
    p.add(['firstName'], 'Cin7 Omni needs a first name for a person (the "Company or First Name" rule)', 'REQUIRED');
  }
  p.length(cmd.firstName, max.firstName, ['firstName'], `firstName of ${where}`);
  p.length(cmd.lastName, max.lastName, ['lastName'], `lastName of ${where}`);
  p.length(cmd.jobTitle, max.jobTitle, ['jobTitle'], `jobTitle of ${where}`);
  if (cmd.emails.length > 1) p.add(['emails', '1'], 'Cin7 Omni keeps one e-mail address per person', 'UNSUPPORTED');
  if (secondary) cmd.emails.slice(0, 1).forEach((e) => p.length(e, SECONDARY_MAX_LENGTH.email, ['emails', '0'], 'the e-mail of a secondary contact'));
  if (cmd.phones.length > 2) p.add(['phones', '2'], 'Cin7 Omni keeps two phone numbers per person (phone and mobile)', 'UNSUPPORTED');
  cmd.phones.slice(0, 2).forEach((ph, i) => p.length(ph, i === 0 ? max.phone : max.mobile, ['phones', String(i)], i === 0 ? 'phone' : 'mobile'));
}

/** An account's record fields (Contact model limits); one e-mail and one phone per company. */
export function checkAccount(cmd: CreateAccountCommand, p: Problems): void {
  if (!cmd.name.trim()) p.add(['name'], 'name cannot be empty', 'REQUIRED');
  p.length(cmd.name, RECORD_MAX_LENGTH.company, ['name'], 'name (company)');
  if (cmd.emails.length > 1) p.add(['emails', '1'], 'Cin7 Omni keeps one e-mail address per company record', 'UNSUPPORTED');
  if (cmd.phones.length > 1) p.add(['phones', '1'], 'Cin7 Omni keeps one company phone number per record', 'UNSUPPORTED');
  cmd.phones.slice(0, 1).forEach((ph) => p.length(ph, RECORD_MAX_LENGTH.phone, ['phones', '0'], 'phone'));
  p.length(cmd.website, RECORD_MAX_LENGTH.website, ['website'], 'website');
  const a = cmd.address;
  p.length(a?.street, RECORD_MAX_LENGTH.address1, ['address', 'street'], 'address street (address1)');
  p.length(a?.city, RECORD_MAX_LENGTH.city, ['address', 'city'], 'address city');
  p.length(a?.state, RECORD_MAX_LENGTH.state, ['address', 'state'], 'address state');
  p.length(a?.postalCode, RECORD_MAX_LENGTH.postCode, ['address', 'postalCode'], 'address postalCode');
  p.length(a?.country, RECORD_MAX_LENGTH.country, ['address', 'country'], 'address country');
}
