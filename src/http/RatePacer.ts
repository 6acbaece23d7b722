import { GatewayError, type ErrorDetail } from '../core/errors';

/** At most `limit` requests in any `windowMs` span (a sliding window). */
export interface RateWindow {
  limit: number;
  windowMs: number;
  /**
   * When this window is full, `acquire` throws at once instead of queueing, whatever
   * `maxWaitMs` says: for a daily budget, waiting hours in a queue helps nobody.
   */
  failFast?: boolean;
}

export interface RatePacerOptions {
  /** Every window must have room for a request to leave the queue. */
  windows: readonly RateWindow[];
  /** Longest a caller may queue; a turn further away than this throws at once. */
  maxWaitMs: number;
  /** Slack added to every window (timer and clock granularity). Default 0. */
  marginMs?: number;
  /**
   * A turn from `acquireTurn` not reported `done` within this long is taken as answered
   * then, so a lost report cannot stall the queue. Default 60 000.
   */
  maxInFlightMs?: number;
  /** Clock in epoch ms (tests). Default `Date.now`. */
  now?: () => number;
}

/** A turn that counts against the windows until its request is answered. */
export interface PacedTurn {
  /** The request was answered (or failed): it counts as of now. Idempotent. */
  done(): void;
}

/** What a pacer has handed out and queued, for metrics and tests. */
export interface RatePacerUsage {
  /** Callers waiting for their turn. */
  queued: number;
  /** Turns given out and not yet `done`. */
  inFlight: number;
  /** Turns counted within each window's span, in `windows` order (in-flight ones included). */
  windows: number[];
}

interface Turn {
  /** When it was (or is expected to be) given. */
  at: number;
  /** When its request was answered: from then on that is when it counts. Null while queued or in flight. */
  doneAt: number | null;
  granted: boolean;
}

interface Waiter {
  turn: Turn;
  resolve: () => void;
}

/** A turn that blocks its windows until answered. */
const BLOCKED = Number.POSITIVE_INFINITY;

/**
 * Keeps callers under a vendor's request budget by queueing them: a multi-window sliding
 * limiter with a FIFO queue. Vendor-neutral: it knows windows and a clock, nothing of HTTP.
 *
 * The vendor counts a request when it arrives, which is somewhere between the moment it left
 * our queue and the moment its answer came back. So a turn taken with `acquireTurn()` counts
 * as "possibly now" until it is `done()`, and from then on at its answer time — the latest it
 * can have been counted. A window opens again only `windowMs` after the turns that fill it
 * were answered: a slow first request (a new connection, a TLS handshake) can never make the
 * next one arrive too early. `acquire()` is the simple form, for callers that cannot report
 * answers: the turn counts from the moment it is given.
 *
 * Turns are given in arrival order (FIFO). A caller whose turn would be further away than
 * `maxWaitMs`, or who meets a full `failFast` window, is refused at once with
 * SOURCE_RATE_LIMITED and `retryAfterMs`, and books nothing.
 *
 * One pacer per budget (for most vendors: per API key), shared by everything that spends it.
 */
export class RatePacer {
  private readonly windows: ReadonlyArray<Required<RateWindow>>;
  private readonly maxWaitMs: number;
  private readonly margin: number;
  private readonly maxInFlightMs: number;
  private readonly now: () => number;
  /** Turns in FIFO order: given ones, then the queued ones (the same order as `queue`). */
  private readonly turns: Turn[] = [];
  private readonly queue: Waiter[] = [];
  private readonly keep: number;
  private timer: NodeJS.Timeout | null = null;

  constructor(options: RatePacerOptions) {
    if (options.windows.length === 0) throw new Error('RatePacer needs at least one window');
    for (const w of options.windows) {
      if (!Number.isInteger(w.limit) || w.limit < 1) throw new Error(`RatePacer window limit must be a positive integer, got ${w.limit}`);
      if (!(w.windowMs > 0)) throw new Error(`RatePacer windowMs must be positive, got ${w.windowMs}`);
    }
    if (!(options.maxWaitMs >= 0)) throw new Error(`RatePacer maxWaitMs must not be negative, got ${options.maxWaitMs}`);
    this.windows = options.windows.map((w) => ({ limit: w.limit, windowMs: w.windowMs, failFast: w.failFast ?? false }));
    this.keep = Math.max(...this.windows.map((w) => w.limit));
    this.maxWaitMs = options.maxWaitMs;
    this.margin = Math.max(0, options.marginMs ?? 0);
    this.maxInFlightMs = options.maxInFlightMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * Waits for this caller's turn; the turn counts from the moment it is given. Throws
   * `GatewayError` SOURCE_RATE_LIMITED (with `retryAfterMs`, and `detail` merged in) when the
   * turn is beyond `maxWaitMs` or a `failFast` window is full; nothing is booked then.
   */
  async acquire(detail: ErrorDetail = {}): Promise<void> {
    (await this.acquireTurn(detail)).done();
  }

  /** As `acquire`, but the turn keeps counting as "now" until `done()` is called (the answer came). */
  acquireTurn(detail: ErrorDetail = {}): Promise<PacedTurn> {
    const now = this.now();
    const index = this.turns.length;
    for (const w of this.windows) {
      if (!w.failFast) continue;
      const free = this.freeAt(index, w, now);
      if (free > now) {
        const retry = Number.isFinite(free) ? free - now : w.windowMs;
        return Promise.reject(this.refused(retry, `its budget of ${w.limit} requests per ${per(w.windowMs)} is spent`, detail));
      }
    }
    const { at, binding } = this.earliest(index, now, true);
    if (at - now > this.maxWaitMs) {
      const why = binding ? `its budget of ${binding.limit} requests per ${per(binding.windowMs)} is in use` : 'its queue is full';
      return Promise.reject(this.refused(at - now, `${why} for longer than the ${this.maxWaitMs} ms a caller may wait`, detail));
    }
    const turn: Turn = { at, doneAt: null, granted: false };
    this.turns.push(turn);
    return new Promise<void>((resolve) => {
      this.queue.push({ turn, resolve });
      this.pump();
    }).then(() => this.handle(turn));
  }

  /**
   * Stops the wake-up timer, so a pacer whose owner stops leaves nothing behind. Callers still
   * queued are woken by the next `acquireTurn` or `done`, if any ever comes.
   */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  usage(): RatePacerUsage {
    const now = this.now();
    return {
      queued: this.queue.length,
      inFlight: this.turns.filter((t) => t.granted && t.doneAt === null).length,
      windows: this.windows.map((w) => this.turns.filter((t) => t.granted && (t.doneAt ?? BLOCKED) > now - w.windowMs - this.margin).length),
    };
  }

  /** Gives turns to the head of the queue while every window has room; else waits for a timer or a `done`. */
  private pump(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (;;) {
      const head = this.queue[0];
      if (!head) return;
      const now = this.now();
      const { at } = this.earliest(this.turns.indexOf(head.turn), now, false);
      if (at > now) {
        // In flight and unanswered: wake when it would be taken as answered anyway (`done` wakes us sooner).
        const wake = Number.isFinite(at) ? at : this.oldestInFlightExpiry();
        if (Number.isFinite(at)) head.turn.at = at;
        this.timer = setTimeout(() => this.pump(), Math.max(0, wake - now));
        return;
      }
      head.turn.at = now;
      head.turn.granted = true;
      this.queue.shift();
      this.prune();
      head.resolve();
    }
  }

  private handle(turn: Turn): PacedTurn {
    return {
      done: () => {
        if (turn.doneAt !== null) return;
        turn.doneAt = this.now();
        if (this.queue.length > 0) this.pump();
      },
    };
  }

  /**
   * The earliest time the turn at `index` may be given: not before the turn ahead of it, and
   * with room in every window. `estimate`: count unanswered turns as answered now (the wait
   * estimate of a newcomer; the turn is checked again when due); otherwise they block.
   */
  private earliest(index: number, now: number, estimate: boolean): { at: number; binding: RateWindow | null } {
    const ahead = this.turns[index - 1];
    let at = ahead && !ahead.granted && ahead.at > now ? ahead.at : now;
    let binding: RateWindow | null = null;
    for (const w of this.windows) {
      const free = this.freeAt(index, w, now, estimate);
      if (free > at) {
        at = free;
        binding = w;
      }
    }
    return { at, binding };
  }

  /**
   * When window `w` has room for the turn at `index`: `windowMs` (plus margin) after the
   * latest moment any turn at least `limit` places ahead can have been counted. Infinite while
   * one of those is in flight (it may arrive at the vendor any moment until answered).
   */
  private freeAt(index: number, w: Required<RateWindow>, now: number, estimate = false): number {
    let latest = Number.NEGATIVE_INFINITY;
    for (let j = 0; j <= index - w.limit; j += 1) {
      const t = this.turns[j];
      if (t) latest = Math.max(latest, this.countedAt(t, now, estimate));
    }
    return latest === Number.NEGATIVE_INFINITY ? now : latest + w.windowMs + this.margin;
  }

  /** The latest moment the vendor can have counted turn `t` (`estimate`: an unanswered one as if answered now). */
  private countedAt(t: Turn, now: number, estimate: boolean): number {
    if (t.doneAt !== null) return t.doneAt;
    if (!t.granted) return t.at;
    if (now - t.at >= this.maxInFlightMs) return t.at + this.maxInFlightMs;
    return estimate ? now : BLOCKED;
  }

  private oldestInFlightExpiry(): number {
    const times = this.turns.filter((t) => t.granted && t.doneAt === null).map((t) => t.at + this.maxInFlightMs);
    return times.length > 0 ? Math.min(...times) : this.now();
  }

  /** Forgets answered turns no window (and no waiting caller) can still count. */
  private prune(): void {
    const excess = this.turns.length - this.keep - this.queue.length;
    let drop = 0;
    while (drop < excess && this.turns[drop]?.doneAt !== null) drop += 1;
    if (drop > 0) this.turns.splice(0, drop);
  }

  private refused(retryAfterMs: number, why: string, detail: ErrorDetail): GatewayError {
    const who = detail.source ? `Source "${detail.source}"` : 'The source';
    return new GatewayError('SOURCE_RATE_LIMITED', `${who} is rate limited on our side: ${why}; retry in ${Math.ceil(retryAfterMs / 1000)} s`, {
      ...detail,
      retryAfterMs: Math.ceil(retryAfterMs),
    });
  }
}

function per(ms: number): string {
  if (ms === 86_400_000) return 'day';
  if (ms === 3_600_000) return 'hour';
  if (ms === 60_000) return 'minute';
  if (ms === 1000) return 'second';
  return `${ms} ms`;
}
