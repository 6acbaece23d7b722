import type { CallContext } from '../../core/call';
import type { Cin7OmniContact } from './wire';

/**
 * Contact records already read in this operation, by id. Accounts, their contacts and the
 * contacts' accounts are all views of one record (vendor notes §4), so a record read once —
 * by a list, a batch read or a create's read-back — answers the others without another
 * request: "20 accounts with their contacts" is one request, not 21.
 *
 * Kept in the operation's shared reads under this source, like the HTTP client's own GETs: a
 * write through the client forgets them all, so nothing read before a write is served after it.
 */
export class Cin7RecordCache {
  constructor(private readonly source: string) {}

  get(call: CallContext, id: number): Promise<Cin7OmniContact | null> | undefined {
    return call.sharedReads.get<Cin7OmniContact | null>(this.source, key(id));
  }

  /** Remembers what a read answered for `id`: the record, or null for "no such record". */
  put(call: CallContext, id: number, record: Cin7OmniContact | null): void {
    call.sharedReads.put(this.source, key(id), record);
  }

  /** The answer for `id` of a read under way, shared with concurrent askers; a failed one is forgotten. */
  once(call: CallContext, id: number, read: () => Promise<Cin7OmniContact | null>): Promise<Cin7OmniContact | null> {
    return call.sharedReads.once(this.source, key(id), read);
  }
}

const key = (id: number): string => `record ${id}`;
