/** Where the gateway is in its life: readiness is true only while `serving`. */
export type Phase = 'starting' | 'serving' | 'draining' | 'stopped';

/**
 * The phase and the operations in flight, so a shutdown can wait for them: `begin()` when an
 * operation starts, call what it returns when it ends; `settled(ms)` resolves once none is left
 * (true) or when `ms` have passed (false).
 */
export class Lifecycle {
  phase: Phase = 'starting';
  private inFlight = 0;
  private waiters: Array<() => void> = [];

  get operationsInFlight(): number {
    return this.inFlight;
  }

  begin(): () => void {
    this.inFlight += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const wake of this.waiters.splice(0)) wake();
    };
  }

  settled(ms: number): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== wake);
        resolve(false);
      }, ms);
      this.waiters.push(wake);
    });
  }
}
