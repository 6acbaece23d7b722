import type { SimHandler, SimRequest, SimResponse } from '../kit';
import { SoError, errorResponse } from './errors';
import type { ResolvedOptions } from './options';

/**
 * Faults on creates (`POST /Contact|Person|Sale`) that the kit's scripted faults cannot make,
 * because those answer instead of the tenant and so never save anything. These let the tenant
 * save first: the way a client learns that a write's outcome can be unknown to it.
 */
export interface CreateFaults {
  /**
   * The next `times` creates are saved, then answered only after `delayMs` — beyond the
   * client's timeout, the client cannot know the record exists. (A refused save counts too.)
   */
  commitThenDelay(delayMs: number, times?: number): void;
  /**
   * The next `times` creates are saved, then answered with `answer(saved)` instead of the saved
   * entity (a proxy mangling the answer, a tenant answering in a shape the client does not know).
   */
  commitThenAnswer(answer: (saved: SimResponse) => SimResponse, times?: number): void;
  /** The `nth` create from now (1 = the next) answers `status` (default 500) and saves nothing. */
  failNthCreate(nth: number, status?: number): void;
  /** Scripted create faults not reached yet. */
  pending(): number;
  /** Drops every scripted create fault. */
  clear(): void;
}

interface AfterCommit {
  delayMs: number;
  answer: ((saved: SimResponse) => SimResponse) | null;
  times: number;
}

const CREATE = /^\/[^/]+\/api\/v1\/(contact|person|sale)$/i;

/** `handler` with the create faults in front of it, and the switches that script them. */
export function withCreateFaults(
  handler: SimHandler,
  options: ResolvedOptions,
): { handler: SimHandler; faults: CreateFaults } {
  const afterCommit: AfterCommit[] = [];
  /** Create counts (since the start) at which a create fails, with the status it answers. */
  const failAt = new Map<number, number>();
  let creates = 0;

  const wrapped: SimHandler = async (req: SimRequest) => {
    if (req.method !== 'POST' || !CREATE.test(req.path)) return handler(req);
    creates += 1;
    const status = failAt.get(creates);
    if (status !== undefined) {
      failAt.delete(creates);
      return errorResponse(
        new SoError(status, 'SoException', 'Simulated server fault: nothing was saved'),
        options.errorMessageKey,
      );
    }
    // Taken before the save, so concurrent creates each take their own (a refused save takes one too).
    const script = afterCommit[0];
    if (script && --script.times <= 0) afterCommit.shift();
    const saved = await handler(req);
    if (!script) return saved;
    if (script.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, script.delayMs).unref());
    return script.answer ? script.answer(saved) : saved;
  };

  return {
    handler: wrapped,
    faults: {
      commitThenDelay(delayMs, times = 1) {
        afterCommit.push({ delayMs, answer: null, times });
      },
      commitThenAnswer(answer, times = 1) {
        afterCommit.push({ delayMs: 0, answer, times });
      },
      failNthCreate(nth, status = 500) {
        failAt.set(creates + nth, status);
      },
      pending: () => failAt.size + afterCommit.reduce((n, s) => n + s.times, 0),
      clear() {
        afterCommit.length = 0;
        failAt.clear();
      },
    },
  };
}
