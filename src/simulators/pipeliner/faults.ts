import type { Fault, SimHandler, SimRequest, SimResponse } from '../kit';

/** Which requests a write fault applies to; both parts optional, as in the kit's `Fault.match`. */
export interface WriteFaultMatch {
  method?: string;
  pathIncludes?: string;
}

/**
 * Fault switches the kit's `failNext` cannot express, because they need the vendor logic to
 * run (or to be skipped a number of times) first:
 * - `commitThenAnswerAfter`: the write is stored, and only the answer comes late — a vendor
 *   that commits a POST but answers after the client gave up (the outcome-unknown case).
 * - `failNth`: the n-th matching request (counted from the call) gets the fault instead of
 *   the vendor logic, so nothing is written for it — "the second batch call fails with 500".
 */
export class WriteFaults {
  private late: Array<{ delayMs: number; match: WriteFaultMatch; times: number }> = [];
  private nth: Array<{ remaining: number; fault: Fault; match: WriteFaultMatch }> = [];
  private readonly waiting = new Set<() => void>();

  commitThenAnswerAfter(delayMs: number, match: WriteFaultMatch = { method: 'POST' }, times = 1): void {
    this.late.push({ delayMs, match, times });
  }

  failNth(n: number, fault: Fault, match: WriteFaultMatch = { method: 'POST' }): void {
    if (!Number.isInteger(n) || n < 1) throw new Error(`failNth needs n >= 1, got ${n}`);
    this.nth.push({ remaining: n, fault, match });
  }

  /** Switches set and not yet triggered. */
  pending(): number {
    return this.late.reduce((sum, l) => sum + l.times, 0) + this.nth.length;
  }

  /** Drops every switch and answers every late answer now (the server is closing). */
  clear(): void {
    this.late = [];
    this.nth = [];
    for (const release of [...this.waiting]) release();
  }

  /** `handler` with these switches in front of it. */
  wrap(handler: SimHandler): SimHandler {
    return async (req) => {
      const failing = this.takeNth(req);
      if (failing) return failing;
      const delayMs = this.takeLate(req);
      const answer = await handler(req);
      if (delayMs > 0) await this.sleep(delayMs);
      return answer;
    };
  }

  private takeNth(req: SimRequest): SimResponse | null {
    const i = this.nth.findIndex((f) => matches(f.match, req));
    if (i < 0) return null;
    const f = this.nth[i]!;
    f.remaining -= 1;
    if (f.remaining > 0) return null;
    this.nth.splice(i, 1);
    const { status, body, text, headers } = f.fault;
    return { status, ...(body !== undefined ? { body } : {}), ...(text !== undefined ? { text } : {}), ...(headers ? { headers } : {}) };
  }

  private takeLate(req: SimRequest): number {
    const i = this.late.findIndex((l) => matches(l.match, req));
    if (i < 0) return 0;
    const l = this.late[i]!;
    l.times -= 1;
    if (l.times <= 0) this.late.splice(i, 1);
    return l.delayMs;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const release = (): void => {
        clearTimeout(timer);
        this.waiting.delete(release);
        resolve();
      };
      const timer = setTimeout(release, ms);
      this.waiting.add(release);
    });
  }
}

function matches(match: WriteFaultMatch, req: SimRequest): boolean {
  if (match.method && match.method !== req.method) return false;
  return !match.pathIncludes || req.path.includes(match.pathIncludes);
}
