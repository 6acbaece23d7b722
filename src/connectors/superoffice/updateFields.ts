import type { CallContext } from '../../core/call';
import type { Problems } from '../../core/problems';
import { checkLength, given } from './checks';
import { Owners, type CreateDeps } from './lookups';
import type { PatchOps } from './patchOps';

/*
 * Field changes that more than one SuperOffice update makes the same way.
 */

/**
 * A text the entity cannot be without (a company's name, a sale's heading): given, it replaces
 * `path`; blank or null is REQUIRED on `field` with `why`; longer than `max` is TOO_LONG.
 */
export function replaceRequiredText(
  ops: PatchOps,
  problems: Problems,
  value: string | null | undefined,
  target: { field: string; path: string; max: number; why: string },
): void {
  if (value === undefined) return;
  const text = given(value ?? undefined);
  if (text === undefined) problems.add([target.field], target.why, 'REQUIRED');
  else checkLength(problems, text, target.max, [target.field]);
  ops.replace(target.path, text ?? '');
}

/**
 * A new owner (`/Associate`, the entity's "our contact"): a user of the source, or NOT_FOUND.
 * `null` clears it where the entity may be without one (`cleared: 'allowed'`); elsewhere it is
 * REQUIRED on `ownerId`, with the message given.
 */
export function replaceOwner(
  ops: PatchOps,
  problems: Problems,
  owners: Owners,
  ownerId: string | null | undefined,
  cleared: 'allowed' | { why: string },
): void {
  if (ownerId === undefined) return;
  if (ownerId === null) {
    if (cleared === 'allowed') ops.replace('/Associate', null);
    else problems.add(['ownerId'], cleared.why, 'REQUIRED');
    return;
  }
  const id = owners.resolve(ownerId, problems);
  if (id !== null) ops.replace('/Associate', { AssociateId: id });
}

/** The users named as new owners by a batch of updates, read once for all of them. */
export function ownersOf(
  deps: CreateDeps,
  call: CallContext,
  commands: ReadonlyArray<{ changes: { ownerId?: string | null | undefined } }>,
): Promise<Owners> {
  return Owners.read(deps, call, commands.flatMap((c) => (typeof c.changes.ownerId === 'string' ? [c.changes.ownerId] : [])));
}
