/**
 * Remote ids of this source (README "Ids"). Cin7 Omni keeps a company and its main person in
 * one Contact record, and further people as `secondaryContacts` with ids of their own
 * (vendor notes §2, §4):
 *
 * - Account: `<recordId>` — the record's integer id, e.g. `42`.
 * - Contact, the record's own person: `<recordId>` — e.g. `42` (the entity tells it apart from
 *   the account in a global id).
 * - Contact, a secondary contact: `<recordId>.s<secondaryId>` — e.g. `42.s7`.
 * - Opportunity: the quote id; User: the user id.
 *
 * All stay stable: record ids never change, and secondary ids are kept by every PUT this
 * connector sends (it leaves `secondaryContacts` out, or re-sends each existing item with its id).
 */
export interface PersonRef {
  recordId: number;
  /** Null for the record's own person. */
  secondaryId: number | null;
}

/** Ids are SQL Server `int`s (vendor sample ids; the simulator's 400 for anything else). */
const MAX_INT = 2_147_483_647;

/** A positive integer id, or null for anything else (never reaches a `where`). */
export function parseIntId(id: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(id)) return null;
  const n = Number(id);
  return n <= MAX_INT ? n : null;
}

export function parseContactId(id: string): PersonRef | null {
  const m = /^(\d+)(?:\.s(\d+))?$/.exec(id);
  if (!m) return null;
  const recordId = parseIntId(m[1] ?? '');
  if (recordId === null) return null;
  if (m[2] === undefined) return { recordId, secondaryId: null };
  const secondaryId = parseIntId(m[2]);
  return secondaryId === null ? null : { recordId, secondaryId };
}

export function contactIdOf(recordId: number, secondaryId: number | null = null): string {
  return secondaryId === null ? String(recordId) : `${recordId}.s${secondaryId}`;
}
