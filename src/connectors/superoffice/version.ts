import { fromSuperOfficeDateTime } from './dates';

/*
 * A record's `version` is its last-update stamp (`UpdatedDate`; `CreatedDate` for a record
 * never updated), as an ISO 8601 instant in UTC to the second: `2025-03-01T12:00:00Z`.
 * Seconds, because that is all both ends carry: SuperOffice shows its stamps to the second
 * (vendor notes §1, the captured `UpdatedDate` samples), and the `If-Unmodified-Since` header
 * an update sends it back as is an HTTP-date, which has no finer unit. Entity reads and archive
 * rows give the same version for the same state. Two saves within one second share a version,
 * so neither SuperOffice's precondition nor the draft's comparison tells them apart.
 */

/** The version of a record whose stamps are `updated` and `created` (wire datetimes); null without either. */
export function versionOf(updated: unknown, created: unknown): string | null {
  const iso = fromSuperOfficeDateTime(updated) ?? fromSuperOfficeDateTime(created);
  return iso === null ? null : `${iso.slice(0, 19)}Z`;
}

/**
 * The `If-Unmodified-Since` value for a version this connector answered (an IMF-fixdate,
 * `Sat, 01 Mar 2025 12:00:00 GMT`); null for a text that is not one, which no record is at.
 */
export function unmodifiedSince(version: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(version)) return null;
  const ms = Date.parse(version);
  return Number.isNaN(ms) ? null : new Date(ms).toUTCString();
}

/** The precondition headers of a write: `If-Unmodified-Since` when the caller gave a version. */
export function preconditionHeaders(expectedVersion: string | undefined): Record<string, string> {
  const since = expectedVersion === undefined ? null : unmodifiedSince(expectedVersion);
  return since === null ? {} : { 'If-Unmodified-Since': since };
}
