/**
 * Timed waits that a closing server can cut short. A late answer scripted beyond a client's
 * timeout must neither keep the process alive (the timer is unref'd) nor outlive the server
 * (close() releases every wait, and the answer then goes to a connection already gone).
 */
export class Waits {
  private readonly releases = new Set<() => void>();

  sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const release = (): void => {
        clearTimeout(timer);
        this.releases.delete(release);
        resolve();
      };
      const timer = setTimeout(release, ms).unref();
      this.releases.add(release);
    });
  }

  /** Ends every wait now. */
  releaseAll(): void {
    for (const release of [...this.releases]) release();
  }
}
