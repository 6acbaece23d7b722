import type { CreateAccountCommand, CreateContactCommand } from '../../core/connector';
import type { Problems } from '../../core/problems';

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

/** Whose rules these are, in every TOO_LONG message. */
const VENDOR = 'Cin7 Omni';

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
  p.maxLength(cmd.firstName, max.firstName, ['firstName'], `firstName of ${where}`, VENDOR);
  p.maxLength(cmd.lastName, max.lastName, ['lastName'], `lastName of ${where}`, VENDOR);
  p.maxLength(cmd.jobTitle, max.jobTitle, ['jobTitle'], `jobTitle of ${where}`, VENDOR);
  if (cmd.emails.length > 1) p.add(['emails', '1'], 'Cin7 Omni keeps one e-mail address per person', 'UNSUPPORTED');
  if (secondary) cmd.emails.slice(0, 1).forEach((e) => p.maxLength(e, SECONDARY_MAX_LENGTH.email, ['emails', '0'], 'the e-mail of a secondary contact', VENDOR));
  if (cmd.phones.length > 2) p.add(['phones', '2'], 'Cin7 Omni keeps two phone numbers per person (phone and mobile)', 'UNSUPPORTED');
  cmd.phones.slice(0, 2).forEach((ph, i) => p.maxLength(ph, i === 0 ? max.phone : max.mobile, ['phones', String(i)], i === 0 ? 'phone' : 'mobile', VENDOR));
}

/**
 * An account's record fields (Contact model limits); one e-mail and one phone per company. A
 * blank name never gets here: the gateway refuses it for every vendor.
 */
export function checkAccount(cmd: CreateAccountCommand, p: Problems): void {
  p.maxLength(cmd.name, RECORD_MAX_LENGTH.company, ['name'], 'name (company)', VENDOR);
  if (cmd.emails.length > 1) p.add(['emails', '1'], 'Cin7 Omni keeps one e-mail address per company record', 'UNSUPPORTED');
  if (cmd.phones.length > 1) p.add(['phones', '1'], 'Cin7 Omni keeps one company phone number per record', 'UNSUPPORTED');
  cmd.phones.slice(0, 1).forEach((ph) => p.maxLength(ph, RECORD_MAX_LENGTH.phone, ['phones', '0'], 'phone', VENDOR));
  p.maxLength(cmd.website, RECORD_MAX_LENGTH.website, ['website'], 'website', VENDOR);
  const a = cmd.address;
  p.maxLength(a?.street, RECORD_MAX_LENGTH.address1, ['address', 'street'], 'address street (address1)', VENDOR);
  p.maxLength(a?.city, RECORD_MAX_LENGTH.city, ['address', 'city'], 'address city', VENDOR);
  p.maxLength(a?.state, RECORD_MAX_LENGTH.state, ['address', 'state'], 'address state', VENDOR);
  p.maxLength(a?.postalCode, RECORD_MAX_LENGTH.postCode, ['address', 'postalCode'], 'address postalCode', VENDOR);
  p.maxLength(a?.country, RECORD_MAX_LENGTH.country, ['address', 'country'], 'address country', VENDOR);
}
