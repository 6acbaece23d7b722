import type { CallContext } from '../../core/call';
import type { AccountFilter, ContactFilter, ListArgs, OpportunityFilter, Page } from '../../core/connector';
import { GatewayError } from '../../core/errors';
import type { AccountRecord, ContactRecord, OpportunityRecord, UserRecord } from '../../core/records';
import { CIN7_MAX_ROWS, type Cin7Client } from './client';
import type { Cin7SourceConfig } from './config';
import { decodeState, encodeState, keyset, NEWEST_FIRST, type ListState } from './cursor';
import { parseContactId, parseIntId } from './ids';
import { fromCin7Account, fromCin7MainPerson, fromCin7Quote, fromCin7SecondaryContact, fromCin7User, personsOf, quoteStatus } from './map';
import type { Cin7RecordCache } from './recordCache';
import { and, atom, containsPattern, dateLiteral, EARLIEST_DATE_MS, idChunks, idIn, MATCH_ALL, or, quoted, render, type Where } from './where';
import { cin7OmniContact, cin7OmniQuote, cin7OmniUser, type Cin7OmniContact } from './wire';

/**
 * Reads: records by id in batches (`where=id IN (…)&rows=250`, vendor notes §2 "Batch read"),
 * lists with filters the vendor applies (`where`, vendor notes §3), newest first with keyset
 * paging (cursor.ts), and the records each page brings along handed to the loaders.
 */
export class Cin7Reads {
  constructor(
    private readonly config: Cin7SourceConfig,
    private readonly client: Cin7Client,
    private readonly cache: Cin7RecordCache,
  ) {}

  /**
   * Records just written, read back to answer with what the vendor stored. A write already
   * happened, so a failed read answers nothing (every record is then answered as sent) instead
   * of failing what was confirmed.
   */
  async readBack(ids: readonly number[], call: CallContext): Promise<Map<number, Cin7OmniContact | null>> {
    if (ids.length === 0) return new Map();
    try {
      return await this.records(ids, call);
    } catch {
      return new Map();
    }
  }

  /**
   * Contact records by id: from this operation's cache, the rest 250 per request (fewer when
   * long ids would make the query string too long, where.ts). Every id
   * asked is in the answer (null = no such record); a failed request rejects.
   */
  async records(ids: readonly number[], call: CallContext): Promise<Map<number, Cin7OmniContact | null>> {
    const out = new Map<number, Cin7OmniContact | null>();
    const waits: Array<Promise<unknown>> = [];
    const missing: number[] = [];
    for (const id of new Set(ids)) {
      const known = this.cache.get(call, id);
      if (known) waits.push(known.then((r) => out.set(id, r)));
      else missing.push(id);
    }
    for (const chunk of idChunks(missing, CIN7_MAX_ROWS)) {
      const fetched = this.client
        .list('Contacts', cin7OmniContact, { where: render(idIn(chunk)), order: 'id ASC', rows: CIN7_MAX_ROWS }, call)
        .then((rows) => new Map(rows.map((r) => [r.id, r])));
      for (const id of chunk) waits.push(this.cache.once(call, id, () => fetched.then((m) => m.get(id) ?? null)).then((r) => out.set(id, r)));
    }
    await Promise.all(waits);
    return out;
  }

  /** Contacts by remote id (ids.ts), aligned with `ids`; their account (the same record) is primed. */
  async getContacts(ids: readonly string[], call: CallContext): Promise<Array<ContactRecord | null>> {
    const refs = ids.map(parseContactId);
    const records = await this.records(refs.flatMap((r) => (r ? [r.recordId] : [])), call);
    const primed = new Set<number>();
    return refs.map((ref) => {
      const record = ref ? records.get(ref.recordId) : null;
      if (!ref || !record) return null;
      if (!primed.has(record.id)) {
        primed.add(record.id);
        call.prime?.(fromCin7Account(this.config.id, record));
      }
      if (ref.secondaryId === null) return fromCin7MainPerson(this.config.id, record);
      const sc = (record.secondaryContacts ?? []).find((s) => s.id === ref.secondaryId);
      return sc ? fromCin7SecondaryContact(this.config.id, record, sc) : null;
    });
  }

  async getAccounts(ids: readonly string[], call: CallContext): Promise<Array<AccountRecord | null>> {
    const parsed = ids.map(parseIntId);
    const records = await this.records(parsed.filter((id): id is number => id !== null), call);
    return parsed.map((id) => {
      const record = id === null ? null : records.get(id);
      return record ? fromCin7Account(this.config.id, record) : null;
    });
  }

  /** Quotes by id: `GET /v1/Quotes?where=id IN (…)`, 250 per request. */
  async getOpportunities(ids: readonly string[], call: CallContext): Promise<Array<OpportunityRecord | null>> {
    const parsed = ids.map(parseIntId);
    const wanted = [...new Set(parsed.filter((id): id is number => id !== null))];
    const found = new Map<number, OpportunityRecord>();
    for (const chunk of idChunks(wanted, CIN7_MAX_ROWS)) {
      const rows = await this.client.list('Quotes', cin7OmniQuote, { where: render(idIn(chunk)), order: 'id ASC', rows: CIN7_MAX_ROWS }, call);
      for (const q of rows) found.set(q.id, this.toOpportunity(q));
    }
    return parsed.map((id) => (id === null ? null : (found.get(id) ?? null)));
  }

  /** Every user (sales person), 250 per request until a short page (vendor notes §2 paging). */
  async users(call: CallContext): Promise<UserRecord[]> {
    const out: UserRecord[] = [];
    for (let page = 1; ; page += 1) {
      const rows = await this.client.list('Users', cin7OmniUser, { where: null, order: 'id ASC', rows: CIN7_MAX_ROWS, page }, call);
      out.push(...rows.map((u) => fromCin7User(this.config.id, u)));
      if (rows.length < CIN7_MAX_ROWS) return out;
    }
  }

  /**
   * Contacts, newest record first, each record's own person before its secondary contacts.
   * - `accountId`: that one record (cached or one request); other filters checked locally.
   * - `email` / `name` with `contactSearch: 'scan'`: records 250 a request, every person
   *   matched locally (secondary contacts cannot be filtered by the vendor, vendor notes §3), at
   *   most `maxScanPages` requests; a short page then carries a cursor that goes on.
   * - otherwise one request of `first` records: `updatedSince` → `modifiedDate>=`; with
   *   `mainPerson` search, e-mail and name match the record's own person in the `where` and
   *   are checked exactly here.
   */
  async listContacts(args: ListArgs<ContactFilter>, call: CallContext): Promise<Page<ContactRecord>> {
    const { filter } = args;
    const state = decodeState(args.after);
    const since = this.since(filter.updatedSince);
    const matches = personMatcher(filter);
    if (filter.accountId !== undefined) {
      const id = parseIntId(filter.accountId);
      if (id === null || state !== null) return emptyPage();
      const record = (await this.records([id], call)).get(id) ?? null;
      const persons = record && changedSince(record, filter.updatedSince) ? personsOf(this.config.id, record).filter(matches) : [];
      return { records: persons, next: null, totalCount: persons.length, related: record ? [fromCin7Account(this.config.id, record)] : [] };
    }
    const searching = filter.email !== undefined || filter.name !== undefined;
    if (searching && this.config.options.contactSearch === 'scan') return this.scanContacts(args.first, state, since, matches, call);
    const where = searching ? and(since, keyset(state), mainPersonWhere(filter)) : and(since, keyset(state));
    const rows = await this.listRecords(where, args.first, call);
    const peopleOf = (r: Cin7OmniContact): ContactRecord[] => {
      if (!searching) return personsOf(this.config.id, r);
      const main = fromCin7MainPerson(this.config.id, r);
      return main && matches(main) ? [main] : [];
    };
    const taken = this.take(rows, peopleOf, state, args.first, rows.length === args.first);
    return { records: taken.people, next: taken.next && encodeState(taken.next), totalCount: null, related: taken.related };
  }

  /**
   * Accounts, newest first. `name` is a part of the company (or, for a private individual
   * without company, of the person's name), `email` the record's e-mail; both in the `where`,
   * and checked exactly here where wildcards had to be blurred (where.ts).
   */
  async listAccounts(args: ListArgs<AccountFilter>, call: CallContext): Promise<Page<AccountRecord>> {
    const { filter } = args;
    const state = decodeState(args.after);
    const where = and(
      this.since(filter.updatedSince),
      keyset(state),
      filter.name !== undefined ? accountNameWhere(filter.name) : MATCH_ALL,
      filter.email !== undefined ? atom(`email = ${quoted(filter.email.trim())}`) : MATCH_ALL,
    );
    const rows = await this.listRecords(where, args.first, call);
    const name = filter.name?.trim().toLowerCase();
    const email = filter.email?.trim().toLowerCase();
    const records = rows
      .map((r) => fromCin7Account(this.config.id, r))
      .filter((a) => (name === undefined || a.name.toLowerCase().includes(name)) && (email === undefined || a.emails.some((e) => e.toLowerCase() === email)));
    return { records, next: rows.length === args.first ? encodeState({ recordId: last(rows).id, skip: null }) : null, totalCount: null, related: [] };
  }

  /**
   * Quotes, newest first: `accountId` → `memberId=`, `updatedSince` → `modifiedDate>=`,
   * `status` as mapped in map.ts (`quoteStatus`). WON never matches (no call is made).
   */
  async listOpportunities(args: ListArgs<OpportunityFilter>, call: CallContext): Promise<Page<OpportunityRecord>> {
    const { filter } = args;
    const state = decodeState(args.after);
    if (filter.pipelineId !== undefined || filter.stageId !== undefined) {
      throw new GatewayError('UNSUPPORTED_BY_SOURCE', `Source "${this.config.id}" (CIN7_OMNI) has no pipelines or stage records to filter quotes by`, {
        source: this.config.id,
        vendor: 'CIN7_OMNI',
      });
    }
    if (filter.status === 'WON') return emptyPage();
    let member: Where = MATCH_ALL;
    if (filter.accountId !== undefined) {
      const id = parseIntId(filter.accountId);
      if (id === null) return emptyPage();
      member = atom(`memberId = ${id}`);
    }
    const where = and(this.since(filter.updatedSince), keyset(state), member, filter.status ? statusWhere(filter.status) : MATCH_ALL);
    const rows = await this.client.list('Quotes', cin7OmniQuote, { where: render(where), order: NEWEST_FIRST, rows: args.first }, call);
    return {
      records: rows.filter((q) => !filter.status || quoteStatus(q) === filter.status).map((q) => this.toOpportunity(q)),
      next: rows.length === args.first ? encodeState({ recordId: last(rows).id, skip: null }) : null,
      totalCount: null,
      related: [],
    };
  }

  private async scanContacts(
    first: number,
    start: ListState | null,
    since: Where,
    matches: (c: ContactRecord) => boolean,
    call: CallContext,
  ): Promise<Page<ContactRecord>> {
    const people: ContactRecord[] = [];
    const related: AccountRecord[] = [];
    let state = start;
    for (let pages = 0; pages < this.config.options.maxScanPages; pages += 1) {
      const rows = await this.listRecords(and(since, keyset(state)), CIN7_MAX_ROWS, call);
      const peopleOf = (r: Cin7OmniContact) => personsOf(this.config.id, r).filter(matches);
      const taken = this.take(rows, peopleOf, state, first - people.length, rows.length === CIN7_MAX_ROWS);
      people.push(...taken.people);
      related.push(...taken.related);
      state = taken.next;
      if (!state || people.length >= first) break;
    }
    return { records: people, next: state && encodeState(state), totalCount: null, related };
  }

  /**
   * People of `rows` in order — from inside the cursor's record when the page starts there —
   * until `room` are taken, and where the next page starts. `more`: the vendor may have rows
   * after these (the page was full). The accounts of the records used come along for the loaders.
   */
  private take(
    rows: Cin7OmniContact[],
    peopleOf: (r: Cin7OmniContact) => ContactRecord[],
    state: ListState | null,
    room: number,
    more: boolean,
  ): { people: ContactRecord[]; related: AccountRecord[]; next: ListState | null } {
    const people: ContactRecord[] = [];
    const related: AccountRecord[] = [];
    for (const [i, r] of rows.entries()) {
      const skip = state?.skip != null && r.id === state.recordId ? state.skip : 0;
      const mine = peopleOf(r).slice(skip);
      if (mine.length > 0) related.push(fromCin7Account(this.config.id, r));
      const left = room - people.length;
      if (mine.length > left) {
        people.push(...mine.slice(0, left));
        return { people, related, next: { recordId: r.id, skip: skip + left } };
      }
      people.push(...mine);
      if (people.length === room && (more || i < rows.length - 1)) return { people, related, next: { recordId: r.id, skip: null } };
    }
    return { people, related, next: more ? { recordId: last(rows).id, skip: null } : null };
  }

  /** One page of Contact records, newest first, remembered for the rest of the operation. */
  private async listRecords(where: Where, rows: number, call: CallContext): Promise<Cin7OmniContact[]> {
    const found = await this.client.list('Contacts', cin7OmniContact, { where: render(where), order: NEWEST_FIRST, rows }, call);
    for (const r of found) this.cache.put(call, r.id, r);
    return found;
  }

  /**
   * `updatedSince` as `modifiedDate >= '…'`. A bound before the vendor's earliest date
   * (where.ts) is met by every record, so nothing is sent for it; one past its latest date
   * matches nothing, and is refused as input rather than sent (the vendor would fail the request).
   */
  private since(updatedSince: string | undefined): Where {
    if (updatedSince === undefined) return MATCH_ALL;
    const ms = Date.parse(updatedSince);
    if (!Number.isNaN(ms) && ms < EARLIEST_DATE_MS) return MATCH_ALL;
    const literal = dateLiteral(updatedSince);
    if (!literal) {
      throw new GatewayError('BAD_USER_INPUT', `updatedSince must be a date-time from 1753-01-01 to 9999-12-31 for Cin7 Omni: "${updatedSince.slice(0, 40)}"`, {
        source: this.config.id,
        vendor: 'CIN7_OMNI',
      });
    }
    return atom(`modifiedDate >= ${literal}`);
  }

  private toOpportunity(q: Parameters<typeof fromCin7Quote>[1]): OpportunityRecord {
    return fromCin7Quote(this.config.id, q, this.config.options.quoteStages, this.config.options.currency ?? null);
  }
}

function emptyPage<T>(): Page<T> {
  return { records: [], next: null, totalCount: 0, related: [] };
}

function last<T>(rows: T[]): T {
  return rows[rows.length - 1] as T;
}

/** The exact filter on one person: e-mail equal ignoring case, name a part of "first last" ignoring case. */
function personMatcher(filter: ContactFilter): (c: ContactRecord) => boolean {
  const email = filter.email?.trim().toLowerCase();
  const name = filter.name?.trim().toLowerCase();
  return (c) =>
    (email === undefined || c.emails.some((e) => e.toLowerCase() === email)) &&
    (name === undefined || (c.name ?? '').toLowerCase().includes(name));
}

function changedSince(record: Cin7OmniContact, updatedSince: string | undefined): boolean {
  if (updatedSince === undefined) return true;
  const modified = Date.parse(record.modifiedDate ?? '');
  return !Number.isNaN(modified) && modified >= Math.floor(Date.parse(updatedSince) / 1000) * 1000;
}

/** The longest word of a name filter: the vendor cannot search "first last" as one text. */
function longestWord(text: string): string {
  return text
    .trim()
    .split(/\s+/)
    .reduce((a, b) => (b.length > a.length ? b : a), '');
}

/** The record's own person by e-mail and (a superset of) name; exact checks follow locally. */
function mainPersonWhere(filter: ContactFilter): Where {
  const parts: Where[] = [];
  if (filter.email !== undefined) parts.push(atom(`email = ${quoted(filter.email.trim())}`));
  const word = filter.name !== undefined ? longestWord(filter.name) : '';
  if (word) {
    const p = containsPattern(word).literal;
    parts.push(or(atom(`firstName LIKE ${p}`), atom(`lastName LIKE ${p}`)));
  }
  return and(...parts);
}

/** Company contains the name; or, with no company, first or last name contains its longest word. */
function accountNameWhere(name: string): Where {
  const full = name.trim();
  if (!full) return MATCH_ALL;
  const word = containsPattern(longestWord(full)).literal;
  const byPerson = or(atom(`firstName LIKE ${word}`), atom(`lastName LIKE ${word}`));
  return or(
    atom(`company LIKE ${containsPattern(full).literal}`),
    and(atom('company IS NULL'), byPerson),
    and(atom(`company = ''`), byPerson),
  );
}

/** Quote status as mapped by `quoteStatus` (map.ts), as a `where`; NULLs match no comparison. */
function statusWhere(status: 'OPEN' | 'LOST' | 'STALLED'): Where {
  const notVoid = atom(`status <> 'Void'`);
  switch (status) {
    case 'LOST':
      return or(atom(`status = 'Void'`), atom(`stage = 'Declined'`));
    case 'STALLED':
      return and(notVoid, atom(`stage = 'On Hold'`));
    case 'OPEN':
      return and(notVoid, or(atom('stage IS NULL'), atom(`stage NOT IN ('Declined','On Hold')`)));
  }
}
