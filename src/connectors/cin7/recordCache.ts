import type { CallContext } from '../../core/call';
import type { Cin7OmniContact } from './wire';

/**
 * Contact records already read in this operation, by id. Accounts, their contacts and the
 * contacts' accounts are all views of one record (vendor notes §4), so a record read once —
 * by a list, a batch read or a create's read-back — answers the others without another
 * request: "20 accounts with their contacts" is one request, not 21.
 *
 * Kept in the operation's `sharedReads` (the per-operation store of vendor reads), under keys
 * that start with `"<source> "` like the HTTP client's own: a write through the client drops
 * every such key, so nothing read before a write is served after it. Dies with the operation.
 */
export class Cin7RecordCache {
  constructor(private readonly source: string) {}

  get(call: CallContext, id: number): Promise<Cin7OmniContact | null> | undefined {
    return call.sharedReads.get(this.key(id)) as Promise<Cin7OmniContact | null> | undefined;
  }

  /** Remembers what a read answered for `id`: the record, or null for "no such record". */
  put(call: CallContext, id: number, record: Cin7OmniContact | null): void {
    call.sharedReads.set(this.key(id), Promise.resolve(record));
  }

  /** Remembers a read under way, so concurrent askers share it. */
  pending(call: CallContext, id: number, answer: Promise<Cin7OmniContact | null>): void {
    // A failed read is not shared with later askers (like the HTTP client's own GETs).
    answer.catch(() => call.sharedReads.delete(this.key(id)));
    call.sharedReads.set(this.key(id), answer);
  }

  private key(id: number): string {
    return `${this.source} cin7-record ${id}`;
  }
}
