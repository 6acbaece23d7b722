import type { UpdateAccountCommand, UpdateContactCommand } from '../../core/connector';
import type { Problems } from '../../core/problems';
import { RECORD_MAX_LENGTH, SECONDARY_MAX_LENGTH } from './checks';
import { parseIntId } from './ids';
import type { Cin7OmniContact } from './wire';

/*
 * Update changes → the wire fields a PUT sends (vendor notes §2 "Update semantics"), checked
 * against the vendor's documented rules first (checks.ts limits). Only fields the caller
 * mentioned are produced: absent stays absent (unchanged at the vendor), `null` becomes `""`
 * (the vendor's "clear"), a list replaces the slots it maps to. A field Cin7 cannot clear or
 * does not have is a userError on that input field, and the caller's update sends nothing.
 */

type Body = Record<string, unknown>;
const VENDOR = 'Cin7 Omni';

/** Text to send: trimmed, `""` to clear (null or blank), undefined = not mentioned. */
function text(v: string | null | undefined): string | undefined {
  if (v === undefined) return undefined;
  return v === null ? '' : v.trim();
}

function put(body: Body, key: string, value: unknown): void {
  if (value !== undefined) body[key] = value;
}

/** The fields an account update changes on its record; `users` = the account's user ids (read when an owner is named). */
export function accountChanges(changes: UpdateAccountCommand['changes'], record: Cin7OmniContact, users: ReadonlySet<number> | null, p: Problems): Body {
  const body: Body = {};
  if (changes.name !== undefined) {
    if (changes.name === null || changes.name.trim() === '') p.add(['name'], 'an account on Cin7 Omni keeps a name (its company); it cannot be cleared', 'REQUIRED');
    else p.maxLength(changes.name, RECORD_MAX_LENGTH.company, ['name'], 'name (company)', VENDOR);
    put(body, 'company', text(changes.name));
  }
  if (changes.emails !== undefined) {
    const emails = changes.emails ?? [];
    if (emails.length > 1) p.add(['emails', '1'], 'Cin7 Omni keeps one e-mail address per company record', 'UNSUPPORTED');
    body['email'] = text(emails[0] ?? null);
  }
  if (changes.phones !== undefined) {
    const phones = changes.phones ?? [];
    if (phones.length > 1) p.add(['phones', '1'], 'Cin7 Omni keeps one company phone number per record', 'UNSUPPORTED');
    p.maxLength(phones[0], RECORD_MAX_LENGTH.phone, ['phones', '0'], 'phone', VENDOR);
    body['phone'] = text(phones[0] ?? null);
  }
  if (changes.website !== undefined) {
    p.maxLength(changes.website, RECORD_MAX_LENGTH.website, ['website'], 'website', VENDOR);
    put(body, 'website', text(changes.website));
  }
  if (changes.address !== undefined) Object.assign(body, addressChanges(changes.address, record, p));
  if (changes.ownerId !== undefined) {
    if (changes.ownerId === null) body['salesPersonId'] = 0; // 0 = no sales person (vendor sample)
    else {
      const id = parseIntId(changes.ownerId);
      if (id !== null && users?.has(id)) body['salesPersonId'] = id;
      else p.add(['ownerId'], `no user ${changes.ownerId} on this source`, 'NOT_FOUND');
    }
  }
  return body;
}

/**
 * Address parts, each on its own (absent = unchanged, null = cleared). `street` is read from
 * `address1` and `address2` together (map.ts), so a new street also clears a second line the
 * record has: otherwise a later read would show the old line after the new street.
 */
function addressChanges(address: UpdateAccountCommand['changes']['address'], record: Cin7OmniContact, p: Problems): Body {
  const body: Body = {};
  const a = address ?? { street: null, city: null, state: null, postalCode: null, country: null };
  const parts = [
    ['street', 'address1'],
    ['city', 'city'],
    ['state', 'state'],
    ['postalCode', 'postCode'],
    ['country', 'country'],
  ] as const;
  for (const [field, wire] of parts) {
    const value = a[field];
    p.maxLength(value, RECORD_MAX_LENGTH[wire], ['address', field], `address ${field}`, VENDOR);
    put(body, wire, text(value));
  }
  if (a.street !== undefined && (record.address2 ?? '').trim() !== '') body['address2'] = '';
  return body;
}

/**
 * The fields a contact update changes: on the record for its own person (`secondary: false`,
 * Contact limits), or on its `secondaryContacts` item (SubContact limits). A person keeps a
 * first name (the "Company or First Name" rule, as on create); it has no middle name or
 * salutation; it lives inside its account's record, so it cannot move to another account; and
 * it follows its account's sales person.
 */
export function contactChanges(changes: UpdateContactCommand['changes'], record: Cin7OmniContact, secondary: boolean, p: Problems): Body {
  const max = secondary ? SECONDARY_MAX_LENGTH : RECORD_MAX_LENGTH;
  const where = secondary ? 'a secondary contact' : 'a contact record';
  const body: Body = {};
  if (changes.firstName !== undefined) {
    if (changes.firstName === null || changes.firstName.trim() === '') {
      p.add(['firstName'], 'Cin7 Omni needs a first name for a person (the "Company or First Name" rule); it cannot be cleared', 'REQUIRED');
    } else p.maxLength(changes.firstName, max.firstName, ['firstName'], `firstName of ${where}`, VENDOR);
    put(body, 'firstName', text(changes.firstName));
  }
  if (changes.lastName !== undefined) {
    p.maxLength(changes.lastName, max.lastName, ['lastName'], `lastName of ${where}`, VENDOR);
    put(body, 'lastName', text(changes.lastName));
  }
  if (changes.jobTitle !== undefined) {
    p.maxLength(changes.jobTitle, max.jobTitle, ['jobTitle'], `jobTitle of ${where}`, VENDOR);
    put(body, 'jobTitle', text(changes.jobTitle));
  }
  // Always empty on Cin7: clearing them changes nothing, setting them cannot be done.
  if (changes.middleName?.trim()) p.add(['middleName'], 'Cin7 Omni has no middle name field', 'UNSUPPORTED');
  if (changes.title?.trim()) p.add(['title'], 'Cin7 Omni has no salutation (title) field', 'UNSUPPORTED');
  if (changes.emails !== undefined) {
    const emails = changes.emails ?? [];
    if (emails.length > 1) p.add(['emails', '1'], 'Cin7 Omni keeps one e-mail address per person', 'UNSUPPORTED');
    if (secondary) p.maxLength(emails[0], SECONDARY_MAX_LENGTH.email, ['emails', '0'], 'the e-mail of a secondary contact', VENDOR);
    body['email'] = text(emails[0] ?? null);
  }
  if (changes.phones !== undefined) {
    const phones = changes.phones ?? [];
    if (phones.length > 2) p.add(['phones', '2'], 'Cin7 Omni keeps two phone numbers per person (phone and mobile)', 'UNSUPPORTED');
    p.maxLength(phones[0], max.phone, ['phones', '0'], 'phone', VENDOR);
    p.maxLength(phones[1], max.mobile, ['phones', '1'], 'mobile', VENDOR);
    body['phone'] = text(phones[0] ?? null);
    body['mobile'] = text(phones[1] ?? null);
  }
  if (changes.accountId !== undefined && changes.accountId !== String(record.id)) {
    p.add(['accountId'], "a Cin7 Omni person lives inside its account's record: it cannot be moved to another account or detached", 'UNSUPPORTED');
  }
  if (changes.ownerId !== undefined) {
    p.add(['ownerId'], "a Cin7 Omni person follows its account's sales person: change the account's ownerId", 'UNSUPPORTED');
  }
  return body;
}

/** The updatable fields, as the GraphQL update inputs name them (Capability.updatableFields). */
export const ACCOUNT_UPDATABLE = ['name', 'emails', 'phones', 'website', 'address', 'ownerId'] as const;
export const CONTACT_UPDATABLE = ['firstName', 'lastName', 'jobTitle', 'emails', 'phones'] as const;
