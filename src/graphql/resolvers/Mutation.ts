import { GatewayError } from '../../core/errors';
import { createItems, type CreateItem } from '../../core/write';
import type { WritableEntity, WriteTypes } from '../../core/writes';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import type { GatewayContext } from '../context';
import { InputReader, readAccount, readContact, readOpportunity } from './inputs';
import type { CreatePayload } from './payloads';
import { checkBatchSize } from './batch';
import { editMutations } from './editMutations';
import { auditWrite, payloadOf, rejected, under as underRoot } from './writeResults';
import { scopedKey } from './writeKeys';

export { MAX_BATCH_INPUTS } from './batch';

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
  const under = (i: number, errors: Parameters<typeof underRoot>[1]): CreatePayload<T> => rejected(underRoot(root(i), errors));

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
          if (!input.dryRun) auditWrite(ctx, 'create', entity, sourceId, input.idempotencyKey, { kind: 'rejected', userErrors: reader.errors });
          continue;
        }
        const key = scopedKey('create', ctx.principal.id, entity, sourceId, input);
        items.push({ index: i, item: { command, dryRun: input.dryRun === true, ...(key ? { key } : {}) } });
      }
      const results = await createItems(writes, items.map((x) => x.item), ctx.call, ctx.idempotency);
      results.forEach((result, k) => {
        const { index } = items[k]!;
        out[index] = result.kind === 'rejected' ? under(index, result.userErrors) : payloadOf(result);
        if (result.kind !== 'planned') auditWrite(ctx, 'create', entity, sourceId, inputs[index]!.idempotencyKey, result);
      });
    }),
  );
  for (const p of out) if (p.record) ctx.loaders.prime(p.record);
  return out;
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
  ...editMutations,
};
