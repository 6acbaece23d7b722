import type { UserError } from '../../core/errors';
import type { AccountRecord, ContactRecord } from '../../core/records';
import { missingRecord, staleVersion } from '../../core/write/version';
import { parseContactId, parseIntId } from './ids';
import { fromCin7Account, fromCin7MainPerson, fromCin7SecondaryContact, hasMainPerson } from './map';
import { versionOf } from './version';
import type { Cin7OmniContact } from './wire';

/**
 * What an update or delete addresses inside Cin7 Omni's one-row-per-company model (ids.ts):
 * an account is a Contact record; a contact is that record's own person (`secondaryId` null)
 * or one of its `secondaryContacts`.
 */
export interface Target {
  entity: 'ACCOUNT' | 'CONTACT';
  /** The unified remote id as the caller gave it. */
  remoteId: string;
  recordId: number;
  secondaryId: number | null;
}

/** The target an id names, or null for an id that fits no scheme (it names nothing here). */
export function targetOf(entity: Target['entity'], remoteId: string): Target | null {
  if (entity === 'ACCOUNT') {
    const recordId = parseIntId(remoteId);
    return recordId === null ? null : { entity, remoteId, recordId, secondaryId: null };
  }
  const ref = parseContactId(remoteId);
  return ref ? { entity, remoteId, ...ref } : null;
}

/** Whether `record` still holds the target: the record, its own person, or that secondary contact. */
export function holds(target: Target, record: Cin7OmniContact | null | undefined): record is Cin7OmniContact {
  if (!record) return false;
  if (target.entity === 'ACCOUNT') return true;
  if (target.secondaryId === null) return hasMainPerson(record);
  return (record.secondaryContacts ?? []).some((sc) => sc.id === target.secondaryId);
}

/**
 * The checks every update and delete makes on the record as last read (core version.ts): that
 * the target exists (NOT_FOUND on `id`), then that it is at `expectedVersion` (CONFLICT naming
 * the current version). Empty when both hold.
 */
export function presenceAndVersion(target: Target | null, remoteId: string, entity: Target['entity'], record: Cin7OmniContact | null | undefined, expected: string | undefined): UserError[] {
  if (!target || !holds(target, record)) return [missingRecord(entity, remoteId)];
  const stale = staleVersion(expected, versionOf(record));
  return stale ? [stale] : [];
}

/** The unified record the target is in `record`, or null when the record no longer holds it. */
export function viewOf(source: string, target: Target, record: Cin7OmniContact): AccountRecord | ContactRecord | null {
  if (target.entity === 'ACCOUNT') return fromCin7Account(source, record);
  if (target.secondaryId === null) return fromCin7MainPerson(source, record);
  const sc = (record.secondaryContacts ?? []).find((s) => s.id === target.secondaryId);
  return sc ? fromCin7SecondaryContact(source, record, sc) : null;
}
