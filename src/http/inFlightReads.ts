import type { CallContext } from '../core/call';
import type { GatewayError } from '../core/errors';

interface Pending {
  promise: Promise<unknown>;
  /** Aborts the shared request once every operation waiting for it has given up. */
  controller: AbortController;
  waiters: number;
}

/**
 * Identical vendor reads in flight at the same moment — from any operation, waiting in the
 * pacer's queue or on the wire — sent once, their answer handed to every operation waiting.
 * Nothing is kept once the answer arrives (no cache, no stale read), and a write to the source
 * ends the sharing at once: reads asked after it never join reads started before it.
 *
 * Each waiter keeps its own deadline: one that passes leaves with SOURCE_TIMEOUT while the
 * others still wait, and the request itself is abandoned only when no one waits any more.
 */
export class InFlightReads {
  private readonly pending = new Map<string, Pending>();

  /**
   * The answer of `send` for `key`, shared with whoever asks the same while it is in flight.
   * `send` gets a call context whose signal aborts only when every waiter is gone; `joined` is
   * told each time a waiter is served by a request already under way (a request saved).
   */
  join<T>(
    key: string,
    call: CallContext,
    send: (shared: CallContext) => Promise<T>,
    deadlineError: () => GatewayError,
    joined: () => void,
  ): Promise<T> {
    let entry = this.pending.get(key);
    if (entry) {
      entry.waiters += 1;
      joined();
    } else {
      const controller = new AbortController();
      const created: Pending = { promise: Promise.resolve(), controller, waiters: 1 };
      created.promise = send({ ...call, signal: controller.signal });
      this.pending.set(key, created);
      const forget = (): void => {
        if (this.pending.get(key) === created) this.pending.delete(key);
      };
      created.promise.then(forget, forget);
      entry = created;
    }
    return wait(entry, call.signal, deadlineError) as Promise<T>;
  }

  /** A write to the source: later reads go to the vendor; those under way finish for their waiters. */
  endSharing(): void {
    this.pending.clear();
  }
}

function wait(entry: Pending, signal: AbortSignal | undefined, deadlineError: () => GatewayError): Promise<unknown> {
  const leave = (): void => {
    entry.waiters -= 1;
    if (entry.waiters === 0) entry.controller.abort();
  };
  if (!signal) {
    // Work outside an operation has no deadline of its own: it waits as long as the request.
    return entry.promise.finally(leave);
  }
  if (signal.aborted) {
    leave();
    return Promise.reject(deadlineError());
  }
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      leave();
      reject(deadlineError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    entry.promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        leave();
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        leave();
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}
