import type { Connector } from '../../core/connector';
import { GatewayError, type UserError } from '../../core/errors';
import { decodeId, encodeId, type IdKind } from '../../core/globalId';
import { createItems, missingRecord, type CreateItem, type ItemResult } from '../../core/write';
import type { WritableEntity, WritePath } from '../../core/writes';
import type { GatewayContext } from '../context';
import { changedFields } from './changes';
import { InputReader } from './inputs';
import type { CreatePayload } from './payloads';
import { auditWrite, payloadOf, rejected, under } from './writeResults';
import { scopedKey } from './writeKeys';

/** What every update and delete input has. */
export interface EditInput {
  id: string;
  expectedVersion?: string | null;
  idempotencyKey?: string | null;
  dryRun?: boolean | null;
}

/** One kind of edit of one entity, as the resolvers below run it. */
export interface EditSpec<I extends EditInput, C, T, R> {
  operation: 'update' | 'delete';
  entity: WritableEntity;
  kind: IdKind;
  /** The source's path for this edit; undefined when it declares none. */
  path(connector: Connector): WritePath<C, T> | undefined;
  /** The command for `input` (its record's remote id given), problems collected in `reader`. */
  command(input: I, remoteId: string, reader: InputReader, connector: Connector): C;
  /** The payload's record from the committed one. */
  answer(record: T, source: string): R;
}

/**
 * Every update and delete mutation, single or batch: decode each input's id to its source and
 * remote id, group the inputs by source, read each (the checks that hold for every vendor) and
 * hand each source's items to the core write path, sources in parallel — one payload per input,
 * in order. An id of a source the principal may not see answers exactly as an id that names
 * no record: NOT_FOUND on `id`, before anything else about that source is told.
 */
export async function editAll<I extends EditInput, C, T extends { remoteId: string }, R>(
  ctx: GatewayContext,
  spec: EditSpec<I, C, T, R>,
  inputs: readonly I[],
  root: (i: number) => string[],
): Promise<Array<CreatePayload<R>>> {
  const out = new Array<CreatePayload<R>>(inputs.length);
  const bySource = new Map<string, Array<{ index: number; remoteId: string }>>();
  inputs.forEach((input, index) => {
    const target = targetOf(input.id, spec.kind);
    if ('error' in target) out[index] = rejected(under(root(index), [target.error]));
    else bySource.set(target.source, [...(bySource.get(target.source) ?? []), { index, remoteId: target.remoteId }]);
  });
  const operation = spec.operation === 'update' ? 'UPDATE' : 'DELETE';

  await Promise.all(
    [...bySource].map(async ([sourceId, targets]) => {
      if (!ctx.sources.has(sourceId)) {
        for (const { index, remoteId } of targets) out[index] = rejected(under(root(index), [missingRecord(spec.entity, remoteId)]));
        return;
      }
      const connector = ctx.sources.require(sourceId, spec.entity, operation, 'id');
      const path = spec.path(connector);
      if (!path) throw new GatewayError('INTERNAL', `source "${sourceId}" declares ${spec.operation}s of ${spec.entity} but has no path for them`);
      const items: Array<{ index: number; remoteId: string; item: CreateItem<C> }> = [];
      for (const { index, remoteId } of targets) {
        const input = inputs[index]!;
        const reader = new InputReader(sourceId);
        const command = spec.command(input, remoteId, reader, connector);
        if (reader.errors.length > 0) {
          out[index] = rejected(under(root(index), reader.errors));
          if (!input.dryRun) auditWrite(ctx, spec.operation, spec.entity, sourceId, input.idempotencyKey, { kind: 'rejected', userErrors: reader.errors }, remoteId);
          continue;
        }
        const key = scopedKey(spec.operation, ctx.principal.id, spec.entity, sourceId, input);
        items.push({ index, remoteId, item: { command, dryRun: input.dryRun === true, ...(key ? { key } : {}) } });
      }
      const results: Array<ItemResult<T>> = await createItems(path, items.map((x) => x.item), ctx.call, ctx.idempotency);
      results.forEach((result, k) => {
        const { index, remoteId } = items[k]!;
        out[index] = result.kind === 'rejected' ? rejected(under(root(index), result.userErrors)) : payloadOf(result, (t) => spec.answer(t, sourceId));
        if (result.kind !== 'planned') auditWrite(ctx, spec.operation, spec.entity, sourceId, inputs[index]!.idempotencyKey, result, remoteId);
      });
    }),
  );
  return out;
}

/** The source and remote id an input's `id` names, or the userError on `id` when it names none. */
function targetOf(id: string, kind: IdKind): { source: string; remoteId: string } | { error: UserError } {
  let decoded;
  try {
    decoded = decodeId(id);
  } catch {
    return { error: { field: ['id'], message: 'id is not a valid id', code: 'INVALID' } };
  }
  if (decoded.kind !== kind) return { error: { field: ['id'], message: `id must be the id of a ${kind}, not of a ${decoded.kind}`, code: 'INVALID' } };
  return { source: decoded.source, remoteId: decoded.remoteId };
}

/**
 * The update fields `input` names that the source cannot change (`Capability.updatableFields`):
 * each an UNSUPPORTED userError, so nothing is sent for an input the source would half-apply.
 */
export function unchangeable(input: object, updatable: readonly string[], connector: Connector, reader: InputReader): void {
  const fields = changedFields(input);
  if (fields.length === 0) {
    reader.fail(null, 'nothing to change: name at least one field besides id', 'REQUIRED');
    return;
  }
  for (const field of fields) {
    if (!updatable.includes(field)) {
      reader.fail([field], `source "${connector.id}" (${connector.vendor}) cannot change ${field}; it can change ${updatable.join(', ')}`, 'UNSUPPORTED');
    }
  }
}

/** A deleted record's answer: its global id. */
export function deletedAnswer(kind: IdKind) {
  return (record: { remoteId: string }, source: string): { id: string } => ({ id: encodeId(kind, source, record.remoteId) });
}
