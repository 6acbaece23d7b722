import type { UpdateAccountCommand, UpdateContactCommand } from '../../core/connector';
import type { Problems } from '../../core/problems';
import { blank } from '../kit/blank';
import type { ContactFieldChanges, PointCreate, PointDelete } from './updateBodies';
import { lower } from './checks';
import type { LogiSenseAccount, LogiSenseContact, LogiSenseContactPointType } from './wire';

/*
 * LogiSense's rules for updates, checked before anything is sent, pure: what a v6 object has no
 * place for is UNSUPPORTED (as on create), what it cannot do without is REQUIRED, and the
 * changes are reduced to what differs from the record read.
 */

/** Account changes a v6 Account has no place for (notes §2.1), and its name, which it cannot do without. */
export function checkAccountChanges(changes: UpdateAccountCommand['changes'], problems: Problems): void {
  const noPlace = (field: string, why: string) => problems.add([field], why, 'UNSUPPORTED');
  // The account's own lists are empty and stay so: emptying them changes nothing.
  if ((changes.emails ?? []).length > 0)
    noPlace('emails', 'LogiSense v6 accounts have no e-mail of their own; give it to a contact of the account');
  if ((changes.phones ?? []).length > 0)
    noPlace('phones', 'LogiSense v6 accounts have no phone of their own; give it to a contact of the account');
  if (changes.website !== undefined) noPlace('website', 'LogiSense v6 accounts have no website field');
  if (changes.address !== undefined) noPlace('address', 'LogiSense keeps addresses on contacts, not on accounts');
  if (changes.ownerId !== undefined) noPlace('ownerId', 'LogiSense has no users that own records');
  if (changes.name === null || (changes.name !== undefined && changes.name.trim() === '')) {
    problems.add(['name'], 'a LogiSense account cannot be without its name', 'REQUIRED');
  }
}

/** The account's new name when it differs from the one read. */
export function accountNameChange(changes: UpdateAccountCommand['changes'], current: LogiSenseAccount): { name?: string } {
  const name = changes.name?.trim();
  return name !== undefined && name !== current.name ? { name } : {};
}

/**
 * Contact changes a v6 Contact has no place for (seed 004). Its account: a v6 Contact has no
 * account key, and the notes document no way to move one between accounts (contacts join an
 * account as a child create; attach/detach of contacts is not documented), so it stays.
 */
export function checkContactChanges(changes: UpdateContactCommand['changes'], problems: Problems): void {
  const noPlace = (field: string, why: string) => problems.add([field], why, 'UNSUPPORTED');
  if (changes.accountId !== undefined)
    noPlace('accountId', 'a LogiSense v6 contact has no account key, and moving it to another account is not documented');
  if (changes.middleName !== undefined) noPlace('middleName', 'LogiSense v6 contacts have no middle name');
  if (changes.jobTitle !== undefined) noPlace('jobTitle', 'LogiSense v6 contacts have no job title (title is the salutation)');
  if (changes.ownerId !== undefined) noPlace('ownerId', 'LogiSense has no users that own records');
}

/** The contact's own properties that change: trimmed, blank = cleared (`null`), only those that differ from the record read. */
export function contactFieldChanges(changes: UpdateContactCommand['changes'], current: LogiSenseContact): ContactFieldChanges {
  const out: ContactFieldChanges = {};
  for (const key of ['title', 'firstName', 'lastName'] as const) {
    const given = changes[key];
    if (given === undefined) continue;
    const next = given === null ? null : given.trim() || null;
    if (next !== blank(current[key])) out[key] = next;
  }
  return out;
}

/**
 * A replaced e-mail or phone list as contact point children: `create` for each value the
 * contact does not have, `delete` for each of its points of that kind whose value is no longer
 * listed; points kept as they are. The points are of the type configured for the contact's
 * type (notes §2.2): none for that kind → UNSUPPORTED; a single-value type given several →
 * INVALID; a required one (a Billing contact's e-mail) left empty → REQUIRED.
 */
export function pointChanges(
  given: readonly string[] | null,
  field: 'emails' | 'phones',
  current: LogiSenseContact,
  pointTypes: readonly LogiSenseContactPointType[],
  contactTypeName: string,
  problems: Problems,
): { creates: PointCreate[]; deletes: PointDelete[] } {
  const kind = field === 'emails' ? 'email' : 'phone';
  const wanted = (given ?? []).map((v) => v.trim());
  const pointType = pointTypes.find((t) => t.contactTypeId === current.contactTypeId && lower(t.name) === kind);
  const kindOf = new Map(pointTypes.map((t) => [t.identity, lower(t.name)]));
  const held = (current.details?.contactPoints ?? []).filter(
    (p) => ((p.contactPointTypeId != null ? kindOf.get(p.contactPointTypeId) : undefined) ?? lower(p.contactPointTypeName)) === kind,
  );
  const before = problems.errors.length;
  wanted.forEach((v, i) => {
    if (v === '') problems.add([field, String(i)], `a ${kind} cannot be blank`, 'INVALID');
    else if (wanted.indexOf(v) !== i) problems.add([field, String(i)], `${v} is listed twice`, 'INVALID');
  });
  if (!pointType) {
    if (wanted.length > 0) problems.add([field], `contact type "${contactTypeName}" has no '${kind}' contact point type`, 'UNSUPPORTED');
  } else {
    if (pointType.allowMultiple === false && wanted.length > 1)
      problems.add([field, '1'], `contact type "${contactTypeName}" takes one '${kind}' contact point`, 'INVALID');
    if (pointType.isRequired && wanted.length === 0)
      problems.add([field], `a ${contactTypeName} contact needs a '${pointType.name}' contact point (notes §2.2)`, 'REQUIRED');
  }
  if (problems.errors.length > before || !pointType) return { creates: [], deletes: [] };
  const heldValues = held.map((p) => (p.value ?? '').trim());
  return {
    deletes: held.filter((p) => !wanted.includes((p.value ?? '').trim())).map((p) => ({ identity: p.identity, field: [field] })),
    creates: wanted.flatMap((value, i) =>
      heldValues.includes(value) ? [] : [{ contactPointTypeId: pointType.identity, value, field: [field, String(i)] }],
    ),
  };
}
