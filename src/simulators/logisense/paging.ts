import type { SimResponse } from '../kit';
import { ErrorCode, ok, type Problem } from './envelopes';
import type { LogiSenseSwitches } from './switches';
import { isObject } from './validation';

/**
 * Paging for `/Paged` routes: the page is asked for in a JSON `Pagination` request header, not
 * in the query string (vendor notes §4), with a 1-based `pageNumber`, a `pageSize` and an optional
 * `excludeTotalCount`; the answer echoes it (seed 004).
 */
export interface PageRequest {
  pageNumber: number;
  pageSize: number;
  excludeTotalCount: boolean;
}

/** Reads the `Pagination` header; problems (bad JSON, bad numbers) go to `problems`. */
export function readPaginationHeader(
  header: string | string[] | undefined,
  switches: LogiSenseSwitches,
  problems: Problem[],
): PageRequest {
  const text = Array.isArray(header) ? header[0] : header;
  if (text === undefined || text.trim() === '') return readPageObject({}, 'Pagination', switches, problems);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    problems.push({ code: ErrorCode.malformedRequest, message: 'The Pagination header is not valid JSON.' });
    return readPageObject({}, 'Pagination', switches, []);
  }
  if (!isObject(parsed)) {
    problems.push({ code: ErrorCode.malformedRequest, message: 'The Pagination header must be a JSON object.' });
    return readPageObject({}, 'Pagination', switches, []);
  }
  return readPageObject(parsed, 'Pagination', switches, problems);
}

/** Reads `{pageNumber, pageSize, excludeTotalCount}` from a header or a Search body. */
export function readPageObject(
  raw: Record<string, unknown>,
  path: string,
  switches: LogiSenseSwitches,
  problems: Problem[],
): PageRequest {
  const whole = (key: string, fallback: number): number => {
    const value = raw[key];
    if (value === undefined || value === null) return fallback;
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 1) return n;
    problems.push({
      code: ErrorCode.invalidValue,
      message: `${path}.${key} must be a whole number of at least 1; got ${JSON.stringify(value)}.`,
    });
    return fallback;
  };
  const pageNumber = whole('pageNumber', 1);
  let pageSize = whole('pageSize', switches.defaultPageSize);
  if (switches.maxPageSize !== null) pageSize = Math.min(pageSize, switches.maxPageSize);
  const exclude = raw['excludeTotalCount'];
  let excludeTotalCount = false;
  if (exclude === true || exclude === 'true') excludeTotalCount = true;
  else if (exclude !== undefined && exclude !== null && exclude !== false && exclude !== 'false') {
    problems.push({ code: ErrorCode.invalidValue, message: `${path}.excludeTotalCount must be true or false.` });
  }
  return { pageNumber, pageSize, excludeTotalCount };
}

export function pageSlice<T>(all: readonly T[], page: PageRequest): T[] {
  const start = (page.pageNumber - 1) * page.pageSize;
  return all.slice(start, start + page.pageSize);
}

/**
 * A paged answer: `{pagination, pagedResults: {totalCount, items}}` (seed 004) or a flat list
 * (switch `pagedShape`). With `excludeTotalCount`, `totalCount` is 0 or absent (switch).
 */
export function pagedAnswer(total: number, items: unknown[], page: PageRequest, switches: LogiSenseSwitches): SimResponse {
  const counted =
    !page.excludeTotalCount ? { totalCount: total } : switches.excludedTotalCount === 'zero' ? { totalCount: 0 } : {};
  if (switches.pagedShape === 'list') return ok({ ...counted, items });
  return ok({
    pagination: { pageNumber: page.pageNumber, pageSize: page.pageSize, excludeTotalCount: page.excludeTotalCount },
    pagedResults: { ...counted, items },
  });
}
