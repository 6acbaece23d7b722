import { fingerprintOf } from '../../core/write';
import type { Entity } from '../../core/records';
import type { WriteOperation } from '../audit';

/**
 * An input's idempotency key as the key store holds it, scoped so that no two writes that
 * should be told apart share one: per principal (one client cannot replay another's answer by
 * guessing its key), operation, entity and source. Creates keep the layout keys had before
 * updates existed, so keys in flight across an upgrade still answer; updates and deletes use a
 * JSON tuple, which starts with `[` — no create key does, as principal ids never do — so a
 * create key and an update key with the same text never meet.
 *
 * The fingerprint is of the whole input but the key and `dryRun`; for updates and deletes it
 * tells `null` (clear) from an absent field (unchanged).
 */
export function scopedKey(
  operation: WriteOperation,
  principal: string,
  entity: Entity,
  source: string,
  input: { idempotencyKey?: string | null; dryRun?: boolean | null },
): { id: string; fingerprint: string } | undefined {
  const { idempotencyKey, dryRun: _dryRun, ...rest } = input;
  if (!idempotencyKey) return undefined;
  if (operation === 'create') return { id: `${principal}:${entity}:${source}:${idempotencyKey}`, fingerprint: fingerprintOf(rest) };
  return { id: JSON.stringify([operation, principal, entity, source, idempotencyKey]), fingerprint: fingerprintOf(rest, { keepNulls: true }) };
}
