import type { CallContext } from '../../core/call';

/** What a login yields: the bearer token and how long it lives. */
export interface IssuedToken {
  accessToken: string;
  lifetimeMs: number;
}

/** Renew this long before expiry (capped at a tenth of the lifetime for short-lived tokens). */
const RENEW_BEFORE_MS = 60_000;

/**
 * The access token of one source. LogiSense issues 30-minute tokens and documents no refresh
 * request, so clients log in again (vendor notes §1.2, §9 q6). One login is in flight at a
 * time: concurrent callers share it. A token is renewed shortly before it expires, and a
 * token the vendor refuses (401) is dropped so the next caller logs in once.
 */
export class LogiSenseTokens {
  private current: { value: string; renewAt: number } | null = null;
  private pending: Promise<string> | null = null;

  constructor(
    private readonly login: (call: CallContext) => Promise<IssuedToken>,
    private readonly now: () => number,
  ) {}

  /** A live token; logs in (once, shared) when there is none or it is about to expire. */
  token(call: CallContext): Promise<string> {
    const t = this.current;
    if (t && this.now() < t.renewAt) return Promise.resolve(t.value);
    if (!this.pending) {
      // The clock starts before the request: the vendor's lifetime runs from its side.
      const started = this.now();
      const pending = this.login(call).then((issued) => {
        const margin = Math.min(RENEW_BEFORE_MS, issued.lifetimeMs / 10);
        this.current = { value: issued.accessToken, renewAt: started + issued.lifetimeMs - margin };
        return issued.accessToken;
      });
      this.pending = pending;
      // Cleared whether it worked or not: a failed login is not cached (the next call tries again).
      pending.then(
        () => this.clear(pending),
        () => this.clear(pending),
      );
    }
    return this.pending;
  }

  /** The vendor refused `token`: forget it, unless a newer token has already replaced it. */
  invalidate(token: string): void {
    if (this.current?.value === token) this.current = null;
  }

  private clear(done: Promise<string>): void {
    if (this.pending === done) this.pending = null;
  }
}
