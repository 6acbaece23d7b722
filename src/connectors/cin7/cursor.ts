import { GatewayError } from '../../core/errors';
import { parseIntId } from './ids';
import { atom, MATCH_ALL, type Where } from './where';

/**
 * Paging state of every list of this source. Lists run newest first by id (`order=id DESC`;
 * record ids grow with creation), and the next page continues below the last record served —
 * keyset paging over the vendor's `page`/`rows` (vendor notes §2): records created or deleted
 * meanwhile cannot shift a page, and re-reading a page with a larger `rows` returns the same
 * rows first.
 *
 * - `"<id>"`: continue with the records below `id`.
 * - `"<id>:<n>"`: continue at record `id` itself, after the first `n` people it yields (a page
 *   of contacts can end inside a record: one record holds several people).
 */
export interface ListState {
  recordId: number;
  /** People of `recordId` already served; null = the whole record was served. */
  skip: number | null;
}

export function decodeState(state: string | null): ListState | null {
  if (state === null) return null;
  const m = /^(\d+)(?::(\d{1,4}))?$/.exec(state);
  const recordId = m ? parseIntId(m[1] ?? '') : null;
  if (!m || recordId === null) throw new GatewayError('BAD_USER_INPUT', '`after` is not a cursor from this list');
  return { recordId, skip: m[2] === undefined ? null : Number(m[2]) };
}

export function encodeState(state: ListState): string {
  return state.skip === null ? String(state.recordId) : `${state.recordId}:${state.skip}`;
}

/** The `where` part of the page at `state` (everything for the first page). */
export function keyset(state: ListState | null): Where {
  if (state === null) return MATCH_ALL;
  return atom(state.skip === null ? `id < ${state.recordId}` : `id <= ${state.recordId}`);
}

/** Newest first; `id` never changes, so a page boundary stays put. */
export const NEWEST_FIRST = 'id DESC';
