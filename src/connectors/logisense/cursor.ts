import { GatewayError } from '../../core/errors';

/*
 * This connector's paging states (wrapped by the gateway's opaque cursors). Each carries the
 * page size it was made with, so a cursor stays valid if the configuration changes between
 * pages. LogiSense pages are 1-based `pageNumber`/`pageSize` (vendor notes §4).
 */

/** A walk over `Account/Paged/Detail`: the account page, and how many of its contacts were served. */
export interface WalkState {
  size: number;
  page: number;
  offset: number;
}

/** A vendor page of a `/Paged` route or of a Search. */
export interface PageState {
  size: number;
  page: number;
}

export function encodeWalk(s: WalkState): string {
  return `w:${s.size}:${s.page}:${s.offset}`;
}

export function decodeWalk(after: string | null, size: number): WalkState {
  if (after === null) return { size, page: 1, offset: 0 };
  const [size_, page, offset] = parts(after, 'w', 3);
  return { size: size_ as number, page: page as number, offset: offset as number };
}

export function encodePage(s: PageState): string {
  return `p:${s.size}:${s.page}`;
}

export function decodePage(after: string | null, size: number): PageState {
  if (after === null) return { size, page: 1 };
  const [size_, page] = parts(after, 'p', 2);
  return { size: size_ as number, page: page as number };
}

/** An offset into one account's contacts (`Account/{id}/Detail` answers them all at once). */
export function encodeOffset(offset: number): string {
  return `o:${offset}`;
}

export function decodeOffset(after: string | null): number {
  return after === null ? 0 : (parts(after, 'o', 1)[0] as number);
}

function parts(after: string, kind: string, count: number): number[] {
  const [k, ...rest] = after.split(':');
  const numbers = rest.map(Number);
  // Sizes and page numbers start at 1; offsets at 0.
  const ok =
    k === kind &&
    numbers.length === count &&
    numbers.every((n, i) => Number.isInteger(n) && n >= (kind !== 'o' && i < 2 ? 1 : 0));
  if (!ok) throw new GatewayError('BAD_USER_INPUT', '`after` is not a cursor of this list');
  return numbers;
}
