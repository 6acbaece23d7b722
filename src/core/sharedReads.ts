/**
 * Identical vendor reads of one operation, made once: by source, a key → the pending or
 * settled answer. Never holds a write's answer, and dies with the operation, so a later
 * request reads fresh data. A write to a source drops everything read from it before.
 */
export class SharedReads {
  private readonly bySource = new Map<string, Map<string, Promise<unknown>>>();

  /**
   * The answer of `read` for (`source`, `key`), read once per operation: concurrent and later
   * askers share it. A failed read is forgotten, so a later asker tries again.
   */
  once<T>(source: string, key: string, read: () => Promise<T>): Promise<T> {
    const reads = this.of(source);
    const shared = reads.get(key) as Promise<T> | undefined;
    if (shared) return shared;
    const pending = read();
    reads.set(key, pending);
    pending.catch(() => {
      if (reads.get(key) === pending) reads.delete(key);
    });
    return pending;
  }

  /** Records an answer already in hand (a record that came embedded in another answer). */
  put<T>(source: string, key: string, value: T): void {
    this.of(source).set(key, Promise.resolve(value));
  }

  /** What (`source`, `key`) holds, if anything. */
  get<T>(source: string, key: string): Promise<T> | undefined {
    return this.bySource.get(source)?.get(key) as Promise<T> | undefined;
  }

  private of(source: string): Map<string, Promise<unknown>> {
    let reads = this.bySource.get(source);
    if (!reads) {
      reads = new Map<string, Promise<unknown>>();
      this.bySource.set(source, reads);
    }
    return reads;
  }

  /** Forgets every read of `source`: a write may have changed what they saw. */
  invalidate(source: string): void {
    this.bySource.delete(source);
  }
}
