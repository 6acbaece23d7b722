import type { SimHandler, SimResponse } from '../kit';

/**
 * A scripted fault on a write (POST or PUT of a collection), beyond what the kit's `failNext`
 * does (answer instead of the vendor, nothing applied): the vendor may apply the write and
 * then answer late or badly — the cases where a client cannot know what was written.
 */
export interface Cin7WriteFault {
  /** Which matching write it hits, counted from when it is scripted: 1 = the next one. Default 1. */
  nth?: number;
  /** Only writes of this verb count. Default: both. */
  method?: 'POST' | 'PUT';
  /** The vendor applies the write before the fault (it committed). Default true. */
  commit?: boolean;
  /** Answer this HTTP status (body "An error has occurred.") instead of the batch results. */
  status?: number;
  /** Hold the answer this long; beyond the client's timeout the answer never arrives. */
  answerAfterMs?: number;
}

/** Write faults scripted on one simulator; each hits once. */
export class WriteFaults {
  private readonly scripted: Array<{ fault: Cin7WriteFault; left: number }> = [];

  add(fault: Cin7WriteFault): void {
    this.scripted.push({ fault, left: fault.nth ?? 1 });
  }

  /** Faults scripted and not yet hit. */
  pending(): number {
    return this.scripted.length;
  }

  /** `handler` with the faults applied to the writes it serves. */
  wrap(handler: SimHandler): SimHandler {
    return async (req) => {
      if (req.method !== 'POST' && req.method !== 'PUT') return handler(req);
      let hit: Cin7WriteFault | null = null;
      for (const s of [...this.scripted]) {
        if (s.fault.method !== undefined && s.fault.method !== req.method) continue;
        s.left -= 1;
        if (s.left === 0 && !hit) {
          hit = s.fault;
          this.scripted.splice(this.scripted.indexOf(s), 1);
        }
      }
      if (!hit) return handler(req);
      const applied = hit.commit === false ? null : await handler(req);
      if (hit.answerAfterMs) await sleep(hit.answerAfterMs);
      if (hit.status !== undefined) return { status: hit.status, body: 'An error has occurred.' } satisfies SimResponse;
      return applied ?? { status: 500, body: 'An error has occurred.' };
    };
  }
}

/** A wait that does not keep the process alive on its own (a test may end while it runs). */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
