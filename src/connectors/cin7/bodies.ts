import type { CreateAccountCommand, CreateContactCommand } from '../../core/connector';
import type { Cin7OmniContact, Cin7OmniSecondaryContact } from './wire';
import { withoutEmpty } from '../kit/body';

/*
 * Unified create commands → Cin7 Omni write bodies (vendor notes §2), pure. Only fields with a
 * value are sent: on the vendor's side a missing key means "not set" (and "keep" on PUT). Text
 * is trimmed; `checks.ts` has already measured it.
 */

type Body = Record<string, unknown>;

const t = (v: string | undefined): string | undefined => v?.trim();

/** A record for an account: the company side (`type` is required on every record). */
export function toCin7AccountCreate(cmd: CreateAccountCommand, type: string, salesPersonId: number | null): Body {
  const a = cmd.address;
  return withoutEmpty({
    type,
    company: cmd.name.trim(),
    email: t(cmd.emails[0]),
    phone: t(cmd.phones[0]),
    website: t(cmd.website),
    address1: t(a?.street),
    city: t(a?.city),
    state: t(a?.state),
    postCode: t(a?.postalCode),
    country: t(a?.country),
    salesPersonId: salesPersonId ?? undefined,
  });
}

/** A record for a contact without account: a private individual, no company (vendor notes §2, §4). */
export function toCin7PersonCreate(cmd: CreateContactCommand, type: string, salesPersonId: number | null): Body {
  return withoutEmpty({ type, ...personFields(cmd), salesPersonId: salesPersonId ?? undefined });
}

/** A new `secondaryContacts` item (no `id`: the vendor gives it one). */
export function toCin7SecondaryContact(cmd: CreateContactCommand): Body {
  return withoutEmpty(personFields(cmd));
}

/** A person's fields, as a record's own person and a secondary contact both have them. */
function personFields(cmd: CreateContactCommand): Body {
  return {
    firstName: t(cmd.firstName),
    lastName: t(cmd.lastName),
    jobTitle: t(cmd.jobTitle),
    email: t(cmd.emails[0]),
    phone: t(cmd.phones[0]),
    mobile: t(cmd.phones[1]),
  };
}

const SECONDARY_KEYS = ['id', 'company', 'firstName', 'lastName', 'jobTitle', 'email', 'mobile', 'phone'] as const;

/**
 * The PUT item that appends `added` to a record's secondary contacts. A PUT's array may
 * replace the whole list (vendor notes §2 "Update semantics"; simulator `childListOnPut`), so
 * every existing item is sent back with its id and every field as read: nothing is lost
 * whether the vendor replaces or merges, and existing ids stay. `type` goes along because the
 * vendor may require it on PUT (vendor notes §9 q9). Nothing else is sent: omitted = unchanged.
 */
export function toCin7SecondaryAppend(record: Cin7OmniContact, type: string, added: readonly Body[]): Body {
  const existing = (record.secondaryContacts ?? []).map(asRead);
  return { id: record.id, type, secondaryContacts: [...existing, ...added] };
}

/** An existing secondary contact sent back as read: its id and every field (null = unchanged on PUT). */
function asRead(sc: Cin7OmniSecondaryContact): Body {
  return Object.fromEntries(SECONDARY_KEYS.map((k) => [k, sc[k] ?? null]));
}

/**
 * One change an update or delete makes to a record: its own fields (the account side or its
 * own person: wire fields, `""` to clear), one secondary contact's fields, or one secondary
 * contact removed.
 */
export type RecordEdit =
  | { kind: 'fields'; fields: Body }
  | { kind: 'secondary'; secondaryId: number; fields: Body }
  | { kind: 'removeSecondary'; secondaryId: number };

/**
 * The PUT item for `edits` of one record (vendor notes §2 "Update semantics": a missing or
 * null key is unchanged, `""` clears). The record's own fields go as the caller changed them
 * and nothing else: `id`, and `type` because the vendor may require it on PUT (vendor notes §9
 * q9; it is the record's own, so unchanged). `secondaryContacts` goes only when a secondary
 * contact is edited, and then whole, because a PUT's array may replace the list (simulator
 * `childListOnPut`, unverified at the vendor): every other item is sent back as read with its id,
 * the edited one as read with its changes on top, a removed one left out. Whatever the vendor
 * does with the array (replace, merge, per-item replace), no other person loses a field or its id.
 */
export function toCin7RecordPut(record: Cin7OmniContact, type: string, edits: readonly RecordEdit[]): Body {
  const item: Body = { id: record.id, type };
  let list: Body[] | null = null;
  for (const edit of edits) {
    if (edit.kind === 'fields') {
      Object.assign(item, edit.fields);
      continue;
    }
    list ??= (record.secondaryContacts ?? []).map(asRead);
    const at = list.findIndex((sc) => sc['id'] === edit.secondaryId);
    if (at < 0) continue; // the draft and the commit check that it exists
    if (edit.kind === 'secondary') Object.assign(list[at]!, edit.fields);
    else list.splice(at, 1);
  }
  if (list) item['secondaryContacts'] = list;
  return item;
}

/** Where secondary contact `secondaryId` stands in a PUT item's array (the vendor's `SecondaryContacts[i]` errors), or -1. */
export function secondaryIndexIn(item: Body, secondaryId: number): number {
  const list = item['secondaryContacts'];
  return Array.isArray(list) ? list.findIndex((sc: Body) => sc['id'] === secondaryId) : -1;
}
