import { GatewayError, type UserError } from '../../core/errors';
import { createItems, fingerprintOf, type CreateItem, type ItemResult } from '../../core/write';
import type { WritableEntity, WriteTypes } from '../../core/writes';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import type { GatewayContext } from '../context';
import { InputReader, readAccount, readContact, readOpportunity } from './inputs';
import type { CreatePayload } from './payloads';

/** Most inputs one batch mutation takes. */
export const MAX_BATCH_INPUTS = 1000;

interface CreateInput {
  source: string;
  idempotencyKey?: string | null;
  dryRun?: boolean | null;
}

type Reader<I, E extends WritableEntity> = (input: I, reader: InputReader) => WriteTypes[E]['command'];

/**
 * Every create mutation, single or batch: group the inputs by source, read each (the checks
 * that hold for every vendor), and hand each source's items to the core write path, sources in
 * parallel. Each input gets a payload of its own: its record, its userErrors (under
 * `input.…` or `inputs.<i>.…`), its planned requests, or its source's fault at the record field.
 */
async function createAll<I extends CreateInput, E extends WritableEntity>(
  ctx: GatewayContext,
  entity: E,
  inputs: readonly I[],
  read: Reader<I, E>,
  root: (i: number) => string[],
): Promise<Array<CreatePayload<WriteTypes[E]['record']>>> {
  type T = WriteTypes[E]['record'];
  const out = new Array<CreatePayload<T>>(inputs.length);
  const bySource = new Map<string, number[]>();
  inputs.forEach((input, i) => bySource.set(input.source, [...(bySource.get(input.source) ?? []), i]));
  const under = (i: number, errors: UserError[]): CreatePayload<T> =>
    rejected(errors.map((e) => ({ ...e, field: e.field ? [...root(i), ...e.field] : null })));

  await Promise.all(
    [...bySource].map(async ([sourceId, indexes]) => {
      if (!ctx.sources.has(sourceId)) {
        for (const i of indexes) out[i] = under(i, [{ field: ['source'], message: `no source "${sourceId}" is configured`, code: 'NOT_FOUND' }]);
        return;
      }
      const connector = ctx.sources.require(sourceId, entity, 'CREATE', 'source');
      const writes = connector.writes[entity];
      if (!writes) throw new GatewayError('INTERNAL', `source "${sourceId}" declares creates of ${entity} but has no write path`);
      const items: Array<{ index: number; item: CreateItem<WriteTypes[E]['command']> }> = [];
      for (const i of indexes) {
        const input = inputs[i]!;
        const reader = new InputReader(sourceId);
        const command = read(input, reader);
        if (reader.errors.length > 0) {
          out[i] = under(i, reader.errors);
          if (!input.dryRun) audit(ctx, entity, sourceId, input, { kind: 'rejected', userErrors: reader.errors });
          continue;
        }
        const { idempotencyKey, dryRun, ...rest } = input;
        const key = idempotencyKey
          ? // Scoped per principal: one client cannot replay another's answer by guessing its key.
            { id: `${ctx.principal.id}:${entity}:${sourceId}:${idempotencyKey}`, fingerprint: fingerprintOf(rest) }
          : undefined;
        items.push({ index: i, item: { command, dryRun: dryRun === true, ...(key ? { key } : {}) } });
      }
      const results = await createItems(writes, items.map((x) => x.item), ctx.call, ctx.idempotency);
      results.forEach((result, k) => {
        const { index } = items[k]!;
        out[index] = result.kind === 'rejected' ? under(index, result.userErrors) : payloadOf(result);
        if (result.kind !== 'planned') audit(ctx, entity, sourceId, inputs[index]!, result);
      });
    }),
  );
  for (const p of out) if (p.record) ctx.loaders.prime(p.record);
  return out;
}

/** The audit line of one write: who, where, what became of it; never the record's values. */
function audit<T extends { remoteId: string }>(
  ctx: GatewayContext,
  entity: WritableEntity,
  source: string,
  input: CreateInput,
  result: Exclude<ItemResult<T>, { kind: 'planned' }>,
): void {
  const created = result.kind === 'created' ? result : null;
  const unknown = result.kind === 'failed' && result.error.code === 'SOURCE_OUTCOME_UNKNOWN';
  ctx.audit({
    requestId: ctx.requestId,
    principal: ctx.principal.id,
    source,
    entity,
    remoteId: created?.record.remoteId ?? null,
    idempotencyKey: input.idempotencyKey ?? null,
    outcome: created ? (created.replayed ? 'replayed' : 'created') : result.kind === 'rejected' ? 'rejected' : unknown ? 'outcome unknown' : 'failed',
    ...(result.kind === 'failed' ? { errorCode: result.error.code } : {}),
  });
}

function payloadOf<T>(result: ItemResult<T>): CreatePayload<T> {
  switch (result.kind) {
    case 'created':
      return { record: result.record, failure: null, userErrors: [], warnings: result.warnings, plannedRequests: null };
    case 'planned':
      return { record: null, failure: null, userErrors: [], warnings: result.warnings, plannedRequests: result.requests };
    case 'rejected':
      return rejected(result.userErrors);
    case 'failed':
      return { record: null, failure: result.error, userErrors: [], warnings: [], plannedRequests: null };
  }
}

function rejected<T>(userErrors: UserError[]): CreatePayload<T> {
  return { record: null, failure: null, userErrors, warnings: [], plannedRequests: null };
}

function checkBatchSize(inputs: readonly unknown[]): void {
  if (inputs.length > MAX_BATCH_INPUTS) {
    throw new GatewayError('BAD_USER_INPUT', `inputs takes at most ${MAX_BATCH_INPUTS} items, got ${inputs.length}`);
  }
}

const single = (): string[] => ['input'];
const batch = (i: number): string[] => ['inputs', String(i)];

export const Mutation: MutationResolvers<GatewayContext> = {
  createContact: async (_p, { input }, ctx) => (await createAll(ctx, 'CONTACT', [input], readContact, single))[0]!,
  createAccount: async (_p, { input }, ctx) => (await createAll(ctx, 'ACCOUNT', [input], readAccount, single))[0]!,
  createOpportunity: async (_p, { input }, ctx) => (await createAll(ctx, 'OPPORTUNITY', [input], readOpportunity, single))[0]!,
  createContacts: async (_p, { inputs }, ctx) => {
    checkBatchSize(inputs);
    return createAll(ctx, 'CONTACT', inputs, readContact, batch);
  },
  createAccounts: async (_p, { inputs }, ctx) => {
    checkBatchSize(inputs);
    return createAll(ctx, 'ACCOUNT', inputs, readAccount, batch);
  },
};
