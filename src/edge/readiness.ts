import type { VendorCallEvent } from '../core/call';

export type SourceState = 'unknown' | 'ok' | 'failing';

export interface SourceHealth {
  id: string;
  state: SourceState;
  /** HTTP status of the last vendor answer, null when none came (timeout, connection error). */
  lastStatus?: number | null;
  lastCallAt?: string;
  /** Vendor calls in a row that failed, up to now. */
  consecutiveFailures: number;
}

/** Calls in a row that must fail before a source is reported `failing`. */
const FAILING_AFTER = 3;

/**
 * Each source's state from the vendor calls the gateway makes anyway (no probing traffic):
 * `failing` once its last calls all failed (no answer, 5xx, credentials refused), `ok` after an
 * answer, `unknown` before its first call. Rate limiting (429) is the vendor working as
 * documented and does not count as failing.
 */
export class SourceStates {
  private readonly states = new Map<string, SourceHealth>();

  constructor(ids: readonly string[]) {
    for (const id of ids) this.states.set(id, { id, state: 'unknown', consecutiveFailures: 0 });
  }

  observe(event: VendorCallEvent): void {
    const s = this.states.get(event.source);
    // A shared read was not a call of its own: it says nothing new about the source.
    if (!s || event.shared) return;
    const failed = event.status === null || event.status >= 500 || event.status === 401 || event.status === 403;
    s.lastStatus = event.status;
    s.lastCallAt = new Date().toISOString();
    s.consecutiveFailures = failed ? s.consecutiveFailures + 1 : 0;
    if (!failed) s.state = 'ok';
    else if (s.consecutiveFailures >= FAILING_AFTER) s.state = 'failing';
  }

  all(): SourceHealth[] {
    return [...this.states.values()].map((s) => ({ ...s }));
  }

  /** True when at least one source is not known to be failing (or there are none). */
  canServe(): boolean {
    const all = [...this.states.values()];
    return all.length === 0 || all.some((s) => s.state !== 'failing');
  }
}
