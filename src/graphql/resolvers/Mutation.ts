import { supports, type Connector, type CreateResult, type PlannedRequest, type PlanResult } from '../../core/connector';
import { GatewayError, InputRejected, type UserError } from '../../core/errors';
import { mapLimit } from '../../core/mapLimit';
import type { AnyRecord, Entity } from '../../core/records';
import { fingerprintOf, runIdempotent } from '../../idempotency';
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
  plannedRequests: PlannedRequest[] | null;
}

interface CreateInput {
  source: string;
  idempotencyKey?: string | null;
  dryRun?: boolean | null;
}

interface CreatePlan<I, C, T> {
  entity: Entity;
  read: (input: I, reader: InputReader) => C;
  single: (connector: Connector, command: C) => Promise<CreateResult<T>>;
  /** The vendor batch write, used by batch mutations where the source declares BATCH_CREATE. */
  batch?: (connector: Connector, commands: C[]) => Promise<Array<CreateResult<T> | InputRejected>>;
  /** The dry run, where the connector offers one. */
  plan: (connector: Connector) => ((command: C) => Promise<PlanResult>) | undefined;
}

type Mode = 'single' | 'batch';

/**
 * The one path of every create, single or batch: resolve each input's source, read the input,
 * let the connector check its vendor's rules and write. Input problems come back as
 * `userErrors` under the input's path with nothing written for it; source faults are GraphQL
 * errors with a typed code. Inputs of different sources are written in parallel. `dryRun`
 * inputs are planned, never written; inputs with an `idempotencyKey` are written at most once.
 */
async function createAll<I extends CreateInput, C, T extends AnyRecord>(
  ctx: GatewayContext,
  inputs: readonly I[],
  plan: CreatePlan<I, C, T>,
  mode: Mode,
): Promise<Array<Outcome<T>>> {
  // userErrors paths start at the argument: `input.…` or `inputs.<i>.…`.
  const root = (i: number): string[] => (mode === 'single' ? ['input'] : ['inputs', String(i)]);
  const under = (i: number, errors: UserError[]): Outcome<T> =>
    rejected(errors.map((e) => ({ ...e, field: e.field ? [...root(i), ...e.field] : null })));
  const out: Array<Outcome<T>> = inputs.map(() => rejected([]));
  const bySource = new Map<string, number[]>();
  inputs.forEach((input, i) => bySource.set(input.source, [...(bySource.get(input.source) ?? []), i]));

  await Promise.all(
    [...bySource].map(async ([sourceId, indexes]) => {
      if (!ctx.sources.has(sourceId)) {
        for (const i of indexes) out[i] = under(i, [{ field: ['source'], message: `no source "${sourceId}" is configured`, code: 'NOT_FOUND' }]);
        return;
      }
      const connector = ctx.sources.require(sourceId, plan.entity, 'CREATE', 'source');
      const plain: Array<{ index: number; command: C }> = [];
      const special: Array<{ index: number; command: C }> = [];
      for (const i of indexes) {
        const input = inputs[i] as I;
        const reader = new InputReader(sourceId);
        const command = plan.read(input, reader);
        if (reader.errors.length > 0) out[i] = under(i, reader.errors);
        else (input.dryRun || input.idempotencyKey ? special : plain).push({ index: i, command });
      }

      // Dry runs and keyed creates go one by one: each has its own rules of answer.
      await mapLimit(special, FALLBACK_CONCURRENCY, async ({ index, command }) => {
        const input = inputs[index] as I;
        out[index] = input.dryRun
          ? await dryRun(connector, plan, command, (e) => under(index, e))
          : await keyed(ctx, plan, connector, input, command, (e) => under(index, e));
      });

      if (plain.length === 0) return;
      const results =
        mode === 'batch' && plan.batch && supports(connector, plan.entity, 'BATCH_CREATE')
          ? await plan.batch(connector, plain.map((r) => r.command))
          : await mapLimit(plain, FALLBACK_CONCURRENCY, (r) => orRejected(() => plan.single(connector, r.command)));
      results.forEach((result, k) => {
        const { index } = plain[k]!;
        out[index] = result instanceof InputRejected ? under(index, result.userErrors) : created(result);
      });
    }),
  );
  for (const o of out) if (o.record) ctx.loaders.prime(o.record);
  return out;
}

async function dryRun<I, C, T>(
  connector: Connector,
  plan: CreatePlan<I, C, T>,
  command: C,
  under: (errors: UserError[]) => Outcome<T>,
): Promise<Outcome<T>> {
  const planner = plan.plan(connector);
  if (!planner) {
    return under([{ field: ['dryRun'], message: `source "${connector.id}" (${connector.vendor}) cannot dry-run creates`, code: 'UNSUPPORTED' }]);
  }
  const result = await orRejected(() => planner(command));
  if (result instanceof InputRejected) return under(result.userErrors);
  return { record: null, userErrors: [], warnings: result.warnings, plannedRequests: result.requests };
}

/** A create that runs at most once per (entity, source, key); repeats answer its outcome. */
async function keyed<I extends CreateInput, C, T>(
  ctx: GatewayContext,
  plan: CreatePlan<I, C, T>,
  connector: Connector,
  input: I,
  command: C,
  under: (errors: UserError[]) => Outcome<T>,
): Promise<Outcome<T>> {
  const { idempotencyKey, dryRun: _dry, ...rest } = input;
  const result = await runIdempotent<Outcome<T>>(
    ctx.idempotency.store,
    // Scoped per principal: one client cannot replay another's answer by guessing its key.
    `${ctx.principal.id}:${plan.entity}:${connector.id}:${idempotencyKey as string}`,
    fingerprintOf(rest),
    ctx.idempotency.options,
    async () => {
      const r = await orRejected(() => plan.single(connector, command));
      return r instanceof InputRejected ? under(r.userErrors) : created(r);
    },
    // Only a write is remembered: a refused input wrote nothing and may be corrected.
    (o) => o.record !== null,
  );
  if (result.kind === 'conflict') {
    return under([
      { field: ['idempotencyKey'], message: 'this idempotencyKey was used with a different input', code: 'CONFLICT' },
    ]);
  }
  return result.outcome;
}

async function orRejected<R>(run: () => Promise<R>): Promise<R | InputRejected> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof InputRejected) return err;
    throw err;
  }
}

function created<T>(result: CreateResult<T>): Outcome<T> {
  return { record: result.record, userErrors: [], warnings: result.warnings, plannedRequests: null };
}

function rejected<T>(userErrors: UserError[]): Outcome<T> {
  return { record: null, userErrors, warnings: [], plannedRequests: null };
}

function checkBatchSize(inputs: readonly unknown[]): void {
  if (inputs.length > MAX_BATCH_INPUTS) {
    throw new GatewayError('BAD_USER_INPUT', `inputs takes at most ${MAX_BATCH_INPUTS} items, got ${inputs.length}`);
  }
}

function payload<K extends string, T>(key: K, o: Outcome<T>) {
  return { [key]: o.record, userErrors: o.userErrors, warnings: o.warnings, plannedRequests: o.plannedRequests } as {
    [P in K]: T | null;
  } & Omit<Outcome<T>, 'record'>;
}

export const Mutation: MutationResolvers<GatewayContext> = {
  createContact: async (_p, { input }, ctx) => payload('contact', (await createAll(ctx, [input], contactPlan(ctx), 'single'))[0]!),
  createAccount: async (_p, { input }, ctx) => payload('account', (await createAll(ctx, [input], accountPlan(ctx), 'single'))[0]!),
  createOpportunity: async (_p, { input }, ctx) =>
    payload('opportunity', (await createAll(ctx, [input], opportunityPlan(ctx), 'single'))[0]!),
  createContacts: async (_p, { inputs }, ctx) => {
    checkBatchSize(inputs);
    return (await createAll(ctx, inputs, contactPlan(ctx), 'batch')).map((o) => payload('contact', o));
  },
  createAccounts: async (_p, { inputs }, ctx) => {
    checkBatchSize(inputs);
    return (await createAll(ctx, inputs, accountPlan(ctx), 'batch')).map((o) => payload('account', o));
  },
};

type ContactCommand = Parameters<Connector['createContact']>[0];
type AccountCommand = Parameters<Connector['createAccount']>[0];
type OpportunityCommand = Parameters<Connector['createOpportunity']>[0];

function contactPlan(ctx: GatewayContext) {
  return {
    entity: 'CONTACT' as const,
    read: readContact,
    single: (c: Connector, cmd: ContactCommand) => c.createContact(cmd, ctx.call),
    batch: (c: Connector, cmds: ContactCommand[]) => required(c, c.createContacts?.bind(c))(cmds, ctx.call),
    plan: (c: Connector) => c.planContact && ((cmd: ContactCommand) => c.planContact!(cmd, ctx.call)),
  };
}

function accountPlan(ctx: GatewayContext) {
  return {
    entity: 'ACCOUNT' as const,
    read: readAccount,
    single: (c: Connector, cmd: AccountCommand) => c.createAccount(cmd, ctx.call),
    batch: (c: Connector, cmds: AccountCommand[]) => required(c, c.createAccounts?.bind(c))(cmds, ctx.call),
    plan: (c: Connector) => c.planAccount && ((cmd: AccountCommand) => c.planAccount!(cmd, ctx.call)),
  };
}

function opportunityPlan(ctx: GatewayContext) {
  return {
    entity: 'OPPORTUNITY' as const,
    read: readOpportunity,
    single: (c: Connector, cmd: OpportunityCommand) => c.createOpportunity(cmd, ctx.call),
    plan: (c: Connector) => c.planOpportunity && ((cmd: OpportunityCommand) => c.planOpportunity!(cmd, ctx.call)),
  };
}

/** A connector's batch method; declaring BATCH_CREATE without one is a connector bug. */
function required<F>(connector: Connector, method: F | undefined): F {
  if (!method) throw new GatewayError('INTERNAL', `source "${connector.id}" declares BATCH_CREATE but has no batch write`);
  return method;
}
