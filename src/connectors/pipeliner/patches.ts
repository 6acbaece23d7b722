import type { AddressChanges, UpdateAccountCommand, UpdateContactCommand } from '../../core/connector';
import type { Problems } from '../../core/problems';
import type { PipelinerAccount, PipelinerContact } from './wire';
import { SLOTS } from './wire';

/*
 * What an update sends (vendor notes §2: `PATCH /entities/{Plural}/{id}` is partial): pure
 * builders of the PATCH body from the caller's changes and the record as read, so the body
 * holds only fields whose value changes, under the names the create bodies use. Pipeliner
 * keeps unset text as "", so a cleared text field is sent as "" (the spec's update inputs do
 * not take null for text). What Pipeliner cannot clear is refused on the input's field.
 */

export type Body = Record<string, unknown>;

/** What the checks know beyond the record: which referenced ids exist in the space. */
export interface Known {
  owner(id: string): boolean;
  account(id: string): boolean;
}

/** A relation row of the record as read with its relations expanded. */
export interface Link {
  id: string;
  target: string;
  isPrimary: boolean;
  position: string;
}

/** Text as stored: "" for unset. */
export function stored(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Sets `key` when the new value (undefined = unchanged) differs from the stored one. */
export function setChanged(body: Body, key: string, value: string | undefined, current: unknown): void {
  if (value !== undefined && value !== stored(current)) body[key] = value;
}

/** A text change as sent: undefined unchanged, null cleared to "". */
export function textChange(value: string | null | undefined, trim = false): string | undefined {
  if (value === undefined) return undefined;
  return trim ? (value ?? '').trim() : (value ?? '');
}

/** The owner: must be a client of the space; Pipeliner requires one, so it cannot be cleared. */
export function ownerChange(body: Body, ownerId: string | null | undefined, current: unknown, known: Known, problems: Problems): void {
  if (ownerId === undefined) return;
  if (ownerId === null) {
    problems.add(['ownerId'], 'Pipeliner requires an owner on every record: ownerId cannot be cleared', 'REQUIRED');
  } else if (!known.owner(ownerId)) {
    problems.add(['ownerId'], `no user ${ownerId} in this source`, 'NOT_FOUND');
  } else {
    setChanged(body, 'owner_id', ownerId, current);
  }
}

/** A replaced e-mail or phone list over Pipeliner's five slots: only slots whose value changes. */
export function slotChanges(
  body: Body,
  prefix: 'email' | 'phone',
  values: string[] | null | undefined,
  current: Record<string, unknown>,
  problems: Problems,
): void {
  if (values === undefined) return;
  const list = values ?? [];
  const field = prefix === 'email' ? 'emails' : 'phones';
  if (list.length > SLOTS) {
    problems.add([field], `Pipeliner keeps at most ${SLOTS} ${prefix === 'email' ? 'e-mail addresses' : 'phone numbers'}, got ${list.length}`, 'INVALID');
    return;
  }
  for (let i = 0; i < SLOTS; i += 1) setChanged(body, `${prefix}${i + 1}`, list[i] ?? '', current[`${prefix}${i + 1}`]);
}

/**
 * The contact's PATCH. Names clear to "" but a contact keeps a first or a last name (the
 * create-contact rule the server applies to every write). The account link is the primary
 * `account_relations` item: the array sent is the contact's whole new set of links — the
 * primary moved to the new account, the other links listed unchanged — so Pipeliner keeps
 * those rows and replaces only the primary (vendor notes §3.1–3.2, checklist 7). The job title
 * lives on the primary link (`account_position`), or in `position` on an unlinked contact,
 * and follows the contact when its link moves.
 */
export function contactPatch(
  cmd: UpdateContactCommand,
  current: PipelinerContact,
  links: readonly Link[],
  jobTitle: string | null,
  known: Known,
  problems: Problems,
): Body {
  const c = cmd.changes;
  const body: Body = {};
  setChanged(body, 'first_name', textChange(c.firstName, true), current.first_name);
  setChanged(body, 'middle_name', textChange(c.middleName, true), current.middle_name);
  setChanged(body, 'last_name', textChange(c.lastName, true), current.last_name);
  setChanged(body, 'title', textChange(c.title), current.title);
  const first = 'first_name' in body ? body['first_name'] : stored(current.first_name);
  const last = 'last_name' in body ? body['last_name'] : stored(current.last_name);
  if (first === '' && last === '') {
    problems.add([c.lastName !== undefined ? 'lastName' : 'firstName'], 'Pipeliner needs a first or a last name; this would leave neither', 'REQUIRED');
  }
  slotChanges(body, 'email', c.emails, current, problems);
  slotChanges(body, 'phone', c.phones, current, problems);
  ownerChange(body, c.ownerId, current.owner_id, known, problems);

  const primary = links.find((l) => l.isPrimary);
  const title = c.jobTitle !== undefined ? (c.jobTitle ?? '') : (jobTitle ?? '');
  const moves = c.accountId !== undefined && c.accountId !== (primary?.target ?? null);
  if (moves && c.accountId === null) {
    const others = links.length - (primary ? 1 : 0);
    if (others > 0) {
      problems.add(
        ['accountId'],
        `Pipeliner needs exactly one primary link among a contact's account links: this contact is also linked to ${others} other account${others === 1 ? '' : 's'}, so its primary link cannot be removed alone`,
        'INVALID',
      );
    } else {
      body['account_relations'] = [];
      setChanged(body, 'position', title, current.position);
    }
  } else if (moves && c.accountId) {
    const target = c.accountId;
    if (!known.account(target)) problems.add(['accountId'], `no account ${target} in this source`, 'NOT_FOUND');
    const existing = links.find((l) => l.target === target);
    const item: Body = { account_id: target, is_primary: true };
    if (title !== (existing?.position ?? '')) item['position'] = title;
    const kept = links.filter((l) => l !== primary && l.target !== target).map((l) => ({ account_id: l.target, is_primary: false }));
    body['account_relations'] = [item, ...kept];
  } else if (c.jobTitle !== undefined && title !== (jobTitle ?? '')) {
    if (primary) body['account_position'] = title;
    else setChanged(body, 'position', title, current.position);
  }
  return body;
}

/** Unified address parts → Pipeliner's address columns. */
const ADDRESS: ReadonlyArray<readonly [keyof NonNullable<AddressChanges>, keyof PipelinerAccount]> = [
  ['street', 'address'],
  ['city', 'city'],
  ['state', 'state_province'],
  ['postalCode', 'zip_code'],
  ['country', 'country'],
];

/** The account's PATCH: its name cannot be cleared (required on every write); address per part. */
export function accountPatch(cmd: UpdateAccountCommand, current: PipelinerAccount, known: Known, problems: Problems): Body {
  const c = cmd.changes;
  const body: Body = {};
  if (c.name !== undefined) {
    const name = (c.name ?? '').trim();
    if (name === '') problems.add(['name'], 'Pipeliner requires an account name: it cannot be cleared', 'REQUIRED');
    else setChanged(body, 'name', name, current.name);
  }
  slotChanges(body, 'email', c.emails, current, problems);
  slotChanges(body, 'phone', c.phones, current, problems);
  setChanged(body, 'home_page', textChange(c.website), current.home_page);
  if (c.address !== undefined) {
    for (const [part, column] of ADDRESS) {
      const value = c.address === null ? '' : textChange(c.address[part]);
      setChanged(body, column, value, current[column]);
    }
  }
  ownerChange(body, c.ownerId, current.owner_id, known, problems);
  return body;
}

/** A record's relation rows as read with that relation expanded (URL strings carry nothing). */
export function linksOf(rows: ReadonlyArray<unknown> | null | undefined, targetKey: 'account_id' | 'contact_id'): Link[] {
  return (rows ?? []).flatMap((r) => {
    if (typeof r !== 'object' || r === null) return [];
    const row = r as Record<string, unknown>;
    const target = row[targetKey];
    if (typeof row['id'] !== 'string' || typeof target !== 'string') return [];
    return [{ id: row['id'], target, isPrimary: row['is_primary'] === true, position: stored(row['position']) }];
  });
}
