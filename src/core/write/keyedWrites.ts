import { GatewayError, type ErrorDetail } from '../errors';
import type { IdempotencyStore } from './keyStore';

export interface IdempotencyOptions {
  /** How long a key answers with its outcome (24 h by default). */
  ttlMs: number;
  /** How long a create under way may take before a repeat calls its outcome unknown. */
  leaseMs: number;
  /** How long a repeat waits for a create under way before answering that it still is. */
  waitMs: number;
  /** How often outcomes the store could not take are offered to it again. */
  retryMs?: number;
}

/** What a key is bound to once its create is over. */
export type KeyOutcome<T> =
  | { kind: 'created'; record: T; warnings: string[] }
  | { kind: 'unknown'; message: string; detail: ErrorDetail };

export type Acquired<T> = { kind: 'claimed' } | { kind: 'replay'; outcome: KeyOutcome<T> } | { kind: 'conflict' };

type Unsaved = { op: 'complete'; fingerprint: string; outcome: string; expiresAt: number } | { op: 'release' };

/**
 * Idempotency keys around the write path (DESIGN §6). A key is held from before its create is
 * drafted until its outcome is known, and then bound to it: a created record, or an outcome
 * that is unknown — so a retry never sends a second write for a key whose first may have
 * written. Only a create known to have written nothing frees its key.
 *
 * The store can fail. Before the write, that refuses the create (nothing is sent). After it,
 * the outcome is kept here and offered to the store again until it takes it, and meanwhile
 * this instance answers repeats from it, so a record the vendor confirmed is never written
 * twice because Redis was away for a moment.
 */
export class KeyedWrites {
  private readonly unsaved = new Map<string, Unsaved>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: IdempotencyStore,
    private readonly options: IdempotencyOptions,
  ) {}

  /** Claims `key` for a create of `fingerprint`, or answers what it is bound to. */
  async acquire<T>(key: string, fingerprint: string, signal?: AbortSignal): Promise<Acquired<T>> {
    const local = this.unsaved.get(key);
    if (local?.op === 'complete' && local.expiresAt > Date.now()) {
      return local.fingerprint === fingerprint ? { kind: 'replay', outcome: JSON.parse(local.outcome) as KeyOutcome<T> } : { kind: 'conflict' };
    }
    if (local?.op === 'release') await this.flush();
    const giveUpAt = Date.now() + this.options.waitMs;
    for (let wait = 10; ; wait = Math.min(wait * 2, 200)) {
      const claim = await this.storeCall(() => this.store.claim(key, fingerprint, this.options.leaseMs, this.options.ttlMs));
      if (claim.kind === 'claimed') return claim;
      const held = claim.held;
      if (held.fingerprint !== fingerprint) return { kind: 'conflict' };
      if (held.state === 'done') return { kind: 'replay', outcome: JSON.parse(held.outcome) as KeyOutcome<T> };
      if (held.leaseUntil <= Date.now()) return { kind: 'replay', outcome: abandoned() };
      if (Date.now() + wait > giveUpAt || signal?.aborted) {
        throw new GatewayError('SOURCE_OUTCOME_UNKNOWN', 'A write with this idempotencyKey is still under way; ask again shortly');
      }
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  /**
   * Binds a claimed key to its outcome. Answers false when the store could not take it now
   * (it is kept here and retried), so the caller can warn that a repeat elsewhere may not see it.
   */
  async settle<T>(key: string, fingerprint: string, outcome: KeyOutcome<T>): Promise<boolean> {
    const json = JSON.stringify(outcome);
    try {
      await this.store.complete(key, fingerprint, json, this.options.ttlMs);
      return true;
    } catch {
      this.keep(key, { op: 'complete', fingerprint, outcome: json, expiresAt: Date.now() + this.options.ttlMs });
      return false;
    }
  }

  /** Frees a claimed key whose create wrote nothing. */
  async release(key: string): Promise<void> {
    try {
      await this.store.release(key);
    } catch {
      this.keep(key, { op: 'release' });
    }
  }

  /** Outcomes not yet saved, for tests and metrics. */
  get unsavedCount(): number {
    return this.unsaved.size;
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
    await this.store.close();
  }

  private keep(key: string, entry: Unsaved): void {
    this.unsaved.set(key, entry);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.unsaved.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush().then(() => this.schedule());
    }, this.options.retryMs ?? 1000);
    this.timer.unref();
  }

  /** Offers every unsaved outcome to the store again; what it takes is forgotten here. */
  private async flush(): Promise<void> {
    for (const [key, entry] of [...this.unsaved]) {
      try {
        if (entry.op === 'release') await this.store.release(key);
        else if (entry.expiresAt > Date.now()) await this.store.complete(key, entry.fingerprint, entry.outcome, entry.expiresAt - Date.now());
        if (this.unsaved.get(key) === entry) this.unsaved.delete(key);
      } catch {
        return; // still away: try again on the next round
      }
    }
  }

  private async storeCall<R>(run: () => Promise<R>): Promise<R> {
    try {
      return await run();
    } catch (err) {
      throw new GatewayError(
        'SOURCE_UNAVAILABLE',
        'The idempotency store did not answer, so the write was not sent; retry it with the same idempotencyKey',
        {},
        { cause: err },
      );
    }
  }
}

function abandoned<T>(): KeyOutcome<T> {
  return {
    kind: 'unknown',
    message: 'An earlier write with this idempotencyKey did not finish; it may or may not have taken effect',
    detail: {},
  };
}
