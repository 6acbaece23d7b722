import type { UserError } from '../../core/errors';
import type { ItemResult } from '../../core/write';
import type { Entity } from '../../core/records';
import type { WriteOperation } from '../audit';
import type { GatewayContext } from '../context';
import type { CreatePayload } from './payloads';

const DONE: Record<WriteOperation, 'created' | 'updated' | 'deleted'> = { create: 'created', update: 'updated', delete: 'deleted' };

/**
 * The audit line of one write: who, where, what became of it; never the record's values.
 * `remoteId` is the record written, or for a refused update or delete the one it named.
 */
export function auditWrite<T extends { remoteId: string }>(
  ctx: GatewayContext,
  operation: WriteOperation,
  entity: Entity,
  source: string,
  idempotencyKey: string | null | undefined,
  result: Exclude<ItemResult<T>, { kind: 'planned' }>,
  target: string | null = null,
): void {
  const done = result.kind === 'created' ? result : null;
  const unknown = result.kind === 'failed' && result.error.code === 'SOURCE_OUTCOME_UNKNOWN';
  ctx.audit({
    requestId: ctx.requestId,
    principal: ctx.principal.id,
    operation,
    source,
    entity,
    remoteId: done?.record.remoteId ?? target,
    idempotencyKey: idempotencyKey ?? null,
    outcome: done ? (done.replayed ? 'replayed' : DONE[operation]) : result.kind === 'rejected' ? 'rejected' : unknown ? 'outcome unknown' : 'failed',
    ...(result.kind === 'failed' ? { errorCode: result.error.code } : {}),
  });
}

/** The payload of one item's result; `record` turns the committed record into the payload's. */
export function payloadOf<T, R = T>(result: ItemResult<T>, record: (t: T) => R = (t) => t as unknown as R): CreatePayload<R> {
  switch (result.kind) {
    case 'created':
      return { record: record(result.record), failure: null, userErrors: [], warnings: result.warnings, plannedRequests: null };
    case 'planned':
      return { record: null, failure: null, userErrors: [], warnings: result.warnings, plannedRequests: result.requests };
    case 'rejected':
      return rejected(result.userErrors);
    case 'failed':
      return { record: null, failure: result.error, userErrors: [], warnings: [], plannedRequests: null };
  }
}

export function rejected<T>(userErrors: UserError[]): CreatePayload<T> {
  return { record: null, failure: null, userErrors, warnings: [], plannedRequests: null };
}

/** userErrors with their fields put under the input's path (`input.…`, `inputs.<i>.…`). */
export function under(root: string[], errors: readonly UserError[]): UserError[] {
  return errors.map((e) => ({ ...e, field: e.field ? [...root, ...e.field] : null }));
}
