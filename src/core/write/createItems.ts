import type { CallContext } from '../call';
import type { PlannedRequest } from '../connector';
import { GatewayError, InputRejected, toGatewayError, type UserError } from '../errors';
import type { Draft, WritePath } from '../writes';
import { commitAll } from './commitAll';
import type { KeyedWrites, KeyOutcome } from './keyedWrites';

/** One create asked of one source. */
export interface CreateItem<C> {
  command: C;
  dryRun: boolean;
  /** Its idempotency key, already scoped (principal, entity, source), and the input's digest. */
  key?: { id: string; fingerprint: string };
}

/** What became of one item; userErrors' fields are relative to the item's input. */
export type ItemResult<T> =
  | { kind: 'created'; record: T; warnings: string[]; /** Answered from its idempotency key; nothing sent. */ replayed?: true }
  | { kind: 'planned'; requests: PlannedRequest[]; warnings: string[] }
  | { kind: 'rejected'; userErrors: UserError[] }
  | { kind: 'failed'; error: GatewayError };

/**
 * The write path of every create, single or batch, for one source and entity: claim the
 * idempotency keys, draft every input (the vendor's checks and defaults, nothing sent), answer
 * dry runs with their drafts, commit the rest through the batch orchestrator, and bind each key
 * to its outcome. Every item gets an answer of its own; none is lost because another failed.
 */
export async function createItems<C, T>(
  writes: WritePath<C, T>,
  items: ReadonlyArray<CreateItem<C>>,
  call: CallContext,
  keys: KeyedWrites,
): Promise<Array<ItemResult<T>>> {
  const out = new Array<ItemResult<T> | undefined>(items.length);
  const claimed = new Set<number>();

  await Promise.all(
    items.map(async (item, i) => {
      if (!item.key || item.dryRun) return;
      try {
        const acquired = await keys.acquire<T>(item.key.id, item.key.fingerprint, call.signal);
        if (acquired.kind === 'claimed') claimed.add(i);
        else if (acquired.kind === 'conflict') out[i] = { kind: 'rejected', userErrors: [conflict()] };
        else out[i] = replayed(acquired.outcome);
      } catch (err) {
        out[i] = { kind: 'failed', error: toGatewayError(err) };
      }
    }),
  );

  const open = items.flatMap((_, i) => (out[i] ? [] : [i]));
  let drafts: Array<Draft | InputRejected>;
  try {
    drafts = open.length > 0 ? await writes.draft(open.map((i) => items[i]!.command), call) : [];
  } catch (err) {
    // A lookup the checks needed failed: nothing was sent for any of them.
    const failure = settledFailure<T>(err);
    for (const i of open) out[i] = failure;
    drafts = [];
  }

  const toCommit: Array<{ index: number; draft: Draft }> = [];
  drafts.forEach((draft, k) => {
    const index = open[k]!;
    if (draft instanceof InputRejected) out[index] = { kind: 'rejected', userErrors: draft.userErrors };
    else if (items[index]!.dryRun) out[index] = { kind: 'planned', requests: [...draft.requests], warnings: [...draft.warnings] };
    else toCommit.push({ index, draft });
  });

  const committed = await commitAll(writes, toCommit.map((c) => c.draft), call);
  committed.forEach((answer, k) => {
    const { index } = toCommit[k]!;
    out[index] =
      answer instanceof InputRejected
        ? { kind: 'rejected', userErrors: answer.userErrors }
        : answer instanceof GatewayError
          ? { kind: 'failed', error: answer }
          : { kind: 'created', record: answer.record, warnings: answer.warnings };
  });

  await Promise.all([...claimed].map((i) => settleKey(keys, items[i]!, out, i)));
  return out as Array<ItemResult<T>>;
}

/** Binds a claimed key to what its create did, or frees it when nothing was written. */
async function settleKey<C, T>(keys: KeyedWrites, item: CreateItem<C>, out: Array<ItemResult<T> | undefined>, i: number): Promise<void> {
  const key = item.key!;
  const result = out[i]!;
  if (result.kind === 'created') {
    const saved = await keys.settle<T>(key.id, key.fingerprint, { kind: 'created', record: result.record, warnings: result.warnings });
    if (!saved) {
      out[i] = {
        ...result,
        warnings: [...result.warnings, 'the idempotencyKey could not be saved yet: a retry sent to another gateway instance soon may write again'],
      };
    }
  } else if (result.kind === 'failed' && result.error.code === 'SOURCE_OUTCOME_UNKNOWN') {
    await keys.settle<T>(key.id, key.fingerprint, { kind: 'unknown', message: result.error.message, detail: result.error.detail });
  } else {
    await keys.release(key.id);
  }
}

function replayed<T>(outcome: KeyOutcome<T>): ItemResult<T> {
  if (outcome.kind === 'created') return { kind: 'created', record: outcome.record, warnings: outcome.warnings, replayed: true };
  return { kind: 'failed', error: new GatewayError('SOURCE_OUTCOME_UNKNOWN', outcome.message, outcome.detail) };
}

function settledFailure<T>(err: unknown): ItemResult<T> {
  if (err instanceof InputRejected) return { kind: 'rejected', userErrors: err.userErrors };
  return { kind: 'failed', error: toGatewayError(err) };
}

function conflict(): UserError {
  return { field: ['idempotencyKey'], message: 'this idempotencyKey was used with a different input', code: 'CONFLICT' };
}
