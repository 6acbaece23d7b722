import type { CallContext } from '../call';
import { GatewayError, InputRejected, toGatewayError } from '../errors';
import { mapLimit } from '../mapLimit';
import type { Committed, Draft, WritePath } from '../writes';

/**
 * The one batch orchestrator: commits drafts in chunks of the source's batch size — one after
 * another through a batch write, or `concurrency` single commits at a time without one — and
 * answers every draft by index. A chunk that fails answers its failure for each of its drafts
 * (`SOURCE_OUTCOME_UNKNOWN` when it broke after sending) and the other chunks still go: a
 * record the vendor confirmed in another chunk is never lost because one chunk broke.
 */
export async function commitAll<C, T>(writes: WritePath<C, T>, drafts: readonly Draft[], call: CallContext): Promise<Array<Committed<T>>> {
  const out = new Array<Committed<T>>(drafts.length);
  const chunks: number[][] = [];
  for (let start = 0; start < drafts.length; start += writes.batchSize) {
    chunks.push(Array.from({ length: Math.min(writes.batchSize, drafts.length - start) }, (_, k) => start + k));
  }
  const run = async (chunk: number[]): Promise<void> => {
    let answers: Array<Committed<T>>;
    try {
      answers = await writes.commit(chunk.map((i) => drafts[i]!), call);
    } catch (err) {
      const failure = err instanceof InputRejected ? err : toGatewayError(err);
      for (const i of chunk) out[i] = failure;
      return;
    }
    if (answers.length !== chunk.length) {
      // A connector bug; the vendor may have written some of them, so nothing may be retried.
      const broken = new GatewayError('SOURCE_OUTCOME_UNKNOWN', `the source answered ${answers.length} results for ${chunk.length} creates`);
      for (const i of chunk) out[i] = broken;
      return;
    }
    chunk.forEach((i, k) => (out[i] = answers[k]!));
  };
  if (writes.batchSize === 1) await mapLimit(chunks, writes.concurrency, run);
  else for (const chunk of chunks) await run(chunk);
  return out;
}
