import { createHash } from 'node:crypto';

/**
 * The `version` of a Cin7 Omni record and of every view of it (its account, its own person, its
 * secondary contacts): the record's `modifiedDate`, which the vendor moves on every write (vendor
 * notes §2, §3 "Incremental sync"), followed by a short digest of the record as read. The vendor
 * has no revision number or concurrency token (vendor notes §2 "Update semantics"), and
 * `modifiedDate` has second precision, so two writes within one second would share a stamp;
 * the digest tells them apart. Opaque to callers: it is only ever compared for equality.
 */
export function versionOf(record: object & { modifiedDate?: string | null }): string {
  let version = versions.get(record);
  if (version === undefined) {
    const digest = createHash('sha256').update(canonical(record)).digest('hex').slice(0, 12);
    versions.set(record, (version = `${record.modifiedDate?.trim() || 'never'}~${digest}`));
  }
  return version;
}

/**
 * Versions by wire record as read: a record's account, its person and its secondary contacts
 * share one, digested once. (Records are mapped with `version` as a getter, so a page whose
 * versions nobody selects digests nothing.)
 */
const versions = new WeakMap<object, string>();

/** JSON with object keys sorted, so key order on the wire never changes a version. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
