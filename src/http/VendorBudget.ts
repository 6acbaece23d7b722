import type { ErrorDetail } from '../core/errors';
import type { PacedTurn, RatePacer } from './RatePacer';
import type { SharedBudget } from './SharedBudget';

/**
 * A vendor's rate budget as the HTTP client spends it: a turn before every attempt (counted
 * until its answer is back), and word back when the vendor said 429 anyway.
 */
export interface VendorBudget {
  turn(detail: ErrorDetail): Promise<PacedTurn>;
  /** The vendor answered 429 (with its Retry-After, when it gave one). */
  rateLimited(retryAfterMs: number | null): void;
}

/**
 * The instance's own FIFO pacer (sliding windows, counted to the answer), and — when Redis is
 * configured — the budget every instance on the same credentials shares: a turn needs room in
 * both, and a 429 pauses every instance.
 */
export class PacedBudget implements VendorBudget {
  constructor(
    private readonly pacer: RatePacer,
    private readonly shared: SharedBudget | null,
  ) {}

  async turn(detail: ErrorDetail): Promise<PacedTurn> {
    // The shared budget first: a caller waiting on it must not hold a turn of the local queue,
    // which counts a turn given out as "possibly sent now" and would stall everyone behind it.
    await this.shared?.take(detail);
    return this.pacer.acquireTurn(detail);
  }

  rateLimited(retryAfterMs: number | null): void {
    void this.shared?.pause(retryAfterMs ?? 1000);
  }

  close(): void {
    this.pacer.close();
  }
}
