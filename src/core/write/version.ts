import type { UserError } from '../errors';

/**
 * The checks every update and delete makes against the record it read first: that it exists,
 * and, when the caller gave `expectedVersion`, that it is still at that version. Connectors
 * whose vendor checks versions itself (a precondition header) map its refusal to the same
 * CONFLICT, so a caller sees one answer whichever way the check was made.
 */
export function missingRecord(entity: string, id: string): UserError {
  return { field: ['id'], message: `no ${entity.toLowerCase()} with id ${id} exists on this source`, code: 'NOT_FOUND' };
}

/** A CONFLICT naming the current version, or null when the record is at `expected` (or none was given). */
export function staleVersion(expected: string | undefined, current: string | null | undefined): UserError | null {
  if (expected === undefined || expected === current) return null;
  return {
    field: ['expectedVersion'],
    message: `the record changed since version ${expected}: it is now at version ${current ?? 'unknown'}; nothing was written`,
    code: 'CONFLICT',
  };
}
