import { supports, type Connector, type CreateResult } from '../../core/connector';
import { GatewayError, InputRejected, type UserError } from '../../core/errors';
import { mapLimit } from '../../core/mapLimit';
import type { AnyRecord, Entity } from '../../core/records';
import type { MutationResolvers } from '../__generated__/resolvers-types';
import type { GatewayContext } from '../context';
import { InputReader, readAccount, readContact, readOpportunity } from './inputs';

/** Most inputs one batch mutation takes. */
export const MAX_BATCH_INPUTS = 1000;
/** Single creates in flight per source when a vendor has no batch write. */
const FALLBACK_CONCURRENCY = 4;

interface Outcome<T> {
  record: T | null;
  userErrors: UserError[];
  warnings: string[];
}

type Single<C, T> = (connector: Connector, command: C) => Promise<CreateResult<T>>;
type Batch<C, T> = (connector: Connector, commands: C[]) => Promise<Array<CreateResult<T> | InputRejected>>;

interface CreatePlan<I, C, T> {
  entity: Entity;
  read: (input: I, reader: InputReader) => C;
  single: Single<C, T>;
  /** The vendor batch write, used by batch mutations where the source declares BATCH_CREATE. */
  batch?: Batch<C, T>;
}

/**
 * The one path of every create, single or batch: resolve each input's source, read the input,
 * let the connector check its vendor's rules and write. Input problems come back as
 * `userErrors` under the input's path with nothing written for it; source faults are
 * GraphQL errors with a typed code. Inputs of different sources are written in parallel.
 */
async function createAll<I extends { source: string }, C, T extends AnyRecord>(
  ctx: GatewayContext,
  inputs: readonly I[],
  plan: CreatePlan<I, C, T>,
  mode: 'single' | 'batch',
): Promise<Array<Outcome<T>>> {
  // userErrors paths start at the argument: `input.…` or `inputs.<i>.…`.
  const fieldRoot = (i: number): string[] => (mode === 'single' ? ['input'] : ['inputs', String(i)]);
  const out: Array<Outcome<T>> = inputs.map(() => rejected([]));
  const bySource = new Map<string, number[]>();
  inputs.forEach((input, i) => bySource.set(input.source, [...(bySource.get(input.source) ?? []), i]));

  await Promise.all(
    [...bySource].map(async ([sourceId, indexes]) => {
      const under = (i: number, errors: UserError[]) =>
        errors.map((e) => ({ ...e, field: e.field ? [...fieldRoot(i), ...e.field] : null }));
      if (!ctx.sources.has(sourceId)) {
        for (const i of indexes) {
          out[i] = rejected(under(i, [{ field: ['source'], message: `no source "${sourceId}" is configured`, code: 'NOT_FOUND' }]));
        }
        return;
      }
      const connector = ctx.sources.require(sourceId, plan.entity, 'CREATE', 'source');
      const ready: Array<{ index: number; command: C }> = [];
      for (const i of indexes) {
        const reader = new InputReader(sourceId);
        const command = plan.read(inputs[i] as I, reader);
        if (reader.errors.length > 0) out[i] = rejected(under(i, reader.errors));
        else ready.push({ index: i, command });
      }
      if (ready.length === 0) return;
      const results =
        mode === 'batch' && plan.batch && supports(connector, plan.entity, 'BATCH_CREATE')
          ? await plan.batch(connector, ready.map((r) => r.command))
          : await mapLimit(ready, FALLBACK_CONCURRENCY, async (r) => {
              try {
                return await plan.single(connector, r.command);
              } catch (err) {
                if (err instanceof InputRejected) return err;
                throw err;
              }
            });
      results.forEach((result, k) => {
        const { index } = ready[k]!;
        if (result instanceof InputRejected) {
          out[index] = rejected(under(index, result.userErrors));
        } else {
          ctx.loaders.prime(result.record);
          out[index] = { record: result.record, userErrors: [], warnings: result.warnings };
        }
      });
    }),
  );
  return out;
}

function rejected<T>(userErrors: UserError[]): Outcome<T> {
  return { record: null, userErrors, warnings: [] };
}

function checkBatchSize(inputs: readonly unknown[]): void {
  if (inputs.length > MAX_BATCH_INPUTS) {
    throw new GatewayError('BAD_USER_INPUT', `inputs takes at most ${MAX_BATCH_INPUTS} items, got ${inputs.length}`);
  }
}

export const Mutation: MutationResolvers<GatewayContext> = {
  createContact: async (_p, { input }, ctx) => {
    const [o] = await createAll(ctx, [input], contactPlan(ctx), 'single');
    return { contact: o!.record, userErrors: o!.userErrors, warnings: o!.warnings };
  },
  createAccount: async (_p, { input }, ctx) => {
    const [o] = await createAll(ctx, [input], accountPlan(ctx), 'single');
    return { account: o!.record, userErrors: o!.userErrors, warnings: o!.warnings };
  },
  createOpportunity: async (_p, { input }, ctx) => {
    const [o] = await createAll(
      ctx,
      [input],
      { entity: 'OPPORTUNITY', read: readOpportunity, single: (c, cmd) => c.createOpportunity(cmd, ctx.call) },
      'single',
    );
    return { opportunity: o!.record, userErrors: o!.userErrors, warnings: o!.warnings };
  },
  createContacts: async (_p, { inputs }, ctx) => {
    checkBatchSize(inputs);
    const outcomes = await createAll(ctx, inputs, contactPlan(ctx), 'batch');
    return outcomes.map((o) => ({ contact: o.record, userErrors: o.userErrors, warnings: o.warnings }));
  },
  createAccounts: async (_p, { inputs }, ctx) => {
    checkBatchSize(inputs);
    const outcomes = await createAll(ctx, inputs, accountPlan(ctx), 'batch');
    return outcomes.map((o) => ({ account: o.record, userErrors: o.userErrors, warnings: o.warnings }));
  },
};

function contactPlan(ctx: GatewayContext) {
  return {
    entity: 'CONTACT' as const,
    read: readContact,
    single: (c: Connector, cmd: Parameters<Connector['createContact']>[0]) => c.createContact(cmd, ctx.call),
    batch: (c: Connector, cmds: Array<Parameters<Connector['createContact']>[0]>) => batchOf(c.createContacts, c)(cmds, ctx.call),
  };
}

function accountPlan(ctx: GatewayContext) {
  return {
    entity: 'ACCOUNT' as const,
    read: readAccount,
    single: (c: Connector, cmd: Parameters<Connector['createAccount']>[0]) => c.createAccount(cmd, ctx.call),
    batch: (c: Connector, cmds: Array<Parameters<Connector['createAccount']>[0]>) => batchOf(c.createAccounts, c)(cmds, ctx.call),
  };
}

/** A connector's batch method, bound; declared BATCH_CREATE without the method is a bug. */
function batchOf<F extends (...args: never[]) => unknown>(method: F | undefined, connector: Connector): F {
  if (!method) throw new GatewayError('INTERNAL', `source "${connector.id}" declares BATCH_CREATE but has no batch write`);
  return method.bind(connector) as F;
}
