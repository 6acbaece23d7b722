import type { CallContext } from '../../core/call';
import type { AccountFilter, ContactFilter, ListArgs, Page } from '../../core/connector';
import { mapLimit } from '../../core/mapLimit';
import type { AccountRecord, ContactRecord } from '../../core/records';
import { SEARCH_TOP, type LogiSenseClient, type PageOf } from './client';
import type { LogiSenseSourceConfig } from './config';
import { decodeOffset, decodePage, decodeWalk, encodeOffset, encodePage, encodeWalk } from './cursor';
import { unsupported } from './errors';
import { displayName, fromLogiSenseAccount, fromLogiSenseContact, pointValues } from './map';
import {
  logisenseAccount,
  logisenseContact,
  type LogiSenseAccount,
  type LogiSenseAccountDetail,
  type LogiSenseContact,
} from './wire';

/** A contact with the accounts it was found under, in account order. */
interface Linked {
  contact: LogiSenseContact;
  accounts: string[];
}

/**
 * Reads. A v6 Contact has no account key and no Search (seed 004), so the account side is the
 * only way to a contact's account: `Account/Paged/Detail` carries each account with its
 * contacts and their contact points, and `Account/{id}/Detail` one account's. Contacts are
 * listed by walking those pages (identity order, the only order the paged routes have), and
 * the e-mail and name filters are applied to the walked rows (vendor notes §4: "page through
 * and filter locally, or read contacts from the Account side").
 */
export class LogiSenseReads {
  private readonly source: string;

  constructor(
    private readonly config: LogiSenseSourceConfig,
    private readonly client: LogiSenseClient,
  ) {
    this.source = config.id;
  }

  /**
   * Accounts by id: one `GET Account/{id}/Detail` each, `readConcurrency` at a time (no batch
   * read, notes §4). Detail rather than the plain route because a later read of the account's
   * contacts in the same operation is then the same GET and costs nothing.
   */
  async getAccounts(ids: readonly string[], call: CallContext): Promise<Array<AccountRecord | null>> {
    const rows = await mapLimit(ids, this.config.options.readConcurrency, (id) =>
      this.client.getOne('Account/{id}/Detail', id, logisenseAccount, call),
    );
    return rows.map((a) => (a ? fromLogiSenseAccount(this.source, a) : null));
  }

  /**
   * Contacts by id, with their account links. First page of the account walk (which answers
   * every contact of the first `accountPageSize` accounts at once); then one
   * `GET Contact/{id}/Detail` each for the ids not found there (a missing id costs no scan);
   * then further walk pages, at most `maxScanPages` in all, for those that exist, to find their
   * account. A contact found under no account read keeps an empty link list. The accounts
   * found come along and are primed into the operation's loaders (`call.prime`).
   */
  async getContacts(ids: readonly string[], call: CallContext): Promise<Array<ContactRecord | null>> {
    const wanted = new Set(ids.filter((id) => /^\d{1,10}$/.test(id)));
    const found = new Map<string, Linked>();
    const size = this.config.options.accountPageSize;
    let page = 1;
    let last = wanted.size === 0;
    const scan = async (): Promise<void> => {
      const answer = await this.client.accountDetailPage({ number: page, size }, call);
      const accounts = new Map(answer.items.map((d) => [String(d.account.identity), d.account]));
      for (const entry of linksOf(answer.items)) {
        const id = String(entry.contact.identity);
        if (!wanted.has(id)) continue;
        const known = found.get(id);
        if (known) known.accounts.push(...entry.accounts.filter((a) => !known.accounts.includes(a)));
        else found.set(id, entry);
        // The accounts came along: loading them later in this operation costs nothing.
        for (const a of entry.accounts) {
          const account = accounts.get(a);
          if (account) call.prime?.(fromLogiSenseAccount(this.source, account));
        }
      }
      last = isLastPage(answer, page, size);
      page += 1;
    };
    if (!last) await scan();
    const missing = [...wanted].filter((id) => !found.has(id));
    const singles = await mapLimit(missing, this.config.options.readConcurrency, (id) =>
      this.client.getOne('Contact/{id}/Detail', id, logisenseContact, call),
    );
    const single = new Map(missing.map((id, i) => [id, singles[i] ?? null]));
    const unlinked = () => missing.some((id) => single.get(id) && !found.has(id));
    while (unlinked() && !last && page <= this.config.options.maxScanPages) await scan();
    return ids.map((id) => {
      const hit = found.get(id);
      if (hit) return fromLogiSenseContact(this.source, hit.contact, hit.accounts);
      const alone = single.get(id);
      return alone ? fromLogiSenseContact(this.source, alone, []) : null;
    });
  }

  /** Contacts of one account (`accountId`), or of every account by walking the account pages. */
  async listContacts(args: ListArgs<ContactFilter>, call: CallContext): Promise<Page<ContactRecord>> {
    if (args.filter.updatedSince)
      throw unsupported(this.source, 'cannot filter contacts by updatedSince: v6 contacts carry no dates');
    const match = contactMatcher(args.filter);
    return args.filter.accountId
      ? this.contactsOfAccount(args.filter.accountId, match, args, call)
      : this.walkContacts(match, args, call);
  }

  /**
   * Accounts in identity order: `GET Account/Paged`, or `POST Account/Search` with `name`
   * contains / `lastUpdate` gtEq when filtered (text matches ignore case [inferred], notes §4).
   * Search serves at most its `top` (10000) matches.
   */
  async listAccounts(args: ListArgs<AccountFilter>, call: CallContext): Promise<Page<AccountRecord>> {
    const { name, email, updatedSince } = args.filter;
    if (email)
      throw unsupported(this.source, 'cannot filter accounts by email: v6 accounts have no e-mail of their own');
    const state = decodePage(args.after, args.first);
    const page = { number: state.page, size: state.size };
    const filtered = Boolean(name || updatedSince);
    let answer: PageOf<LogiSenseAccount>;
    if (!filtered) {
      answer = await this.client.getPage('Account/Paged', page, logisenseAccount, call);
    } else {
      const search: Array<Record<string, unknown>> = [];
      if (name) search.push({ name: 'name', operator: 'contains', value: name });
      if (updatedSince)
        search.push({ name: 'lastUpdate', operator: 'gtEq', value: new Date(updatedSince).toISOString() });
      const query = {
        top: SEARCH_TOP,
        search,
        orderBy: [{ name: 'identity', direction: 'asc' }],
        pagination: { pageNumber: page.number, pageSize: page.size },
      };
      answer = await this.client.search('Account', query, logisenseAccount, call);
    }
    const total = answer.totalCount;
    const reachable = total === null ? null : filtered ? Math.min(total, SEARCH_TOP) : total;
    const more = reachable === null ? answer.items.length === page.size : page.number * page.size < reachable;
    return {
      records: answer.items.map((a) => fromLogiSenseAccount(this.source, a)),
      next: more ? encodePage({ size: page.size, page: page.number + 1 }) : null,
      totalCount: total,
      related: [],
    };
  }

  /** One `GET Account/{id}/Detail` answers all of an account's contacts; paging is an offset into them. */
  private async contactsOfAccount(
    accountId: string,
    match: (c: LogiSenseContact) => boolean,
    args: ListArgs<ContactFilter>,
    call: CallContext,
  ): Promise<Page<ContactRecord>> {
    const offset = decodeOffset(args.after);
    const detail = await this.client.accountDetail(accountId, call);
    if (!detail) return { records: [], next: null, totalCount: 0, related: [] };
    const matches = detail.contacts.filter(match);
    const rows = matches.slice(offset, offset + args.first);
    const end = offset + rows.length;
    const id = String(detail.account.identity);
    return {
      records: rows.map((c) => fromLogiSenseContact(this.source, c, [id])),
      next: end < matches.length ? encodeOffset(end) : null,
      totalCount: matches.length,
      related: [fromLogiSenseAccount(this.source, detail.account)],
    };
  }

  /**
   * Walks `Account/Paged/Detail` from the cursor's page until `first` contacts match, the
   * accounts run out, or `maxScanPages` pages were read (then the page is short and the cursor
   * goes on from there). The accounts of the contacts served come along as `related`.
   */
  private async walkContacts(
    match: (c: LogiSenseContact) => boolean,
    args: ListArgs<ContactFilter>,
    call: CallContext,
  ): Promise<Page<ContactRecord>> {
    const start = decodeWalk(args.after, this.config.options.accountPageSize);
    const { size } = start;
    let { page, offset } = start;
    const records: ContactRecord[] = [];
    const related = new Map<string, AccountRecord>();
    const done = (next: string | null): Page<ContactRecord> => ({
      records,
      next,
      totalCount: null,
      related: [...related.values()],
    });
    for (let read = 1; ; read += 1) {
      const answer = await this.client.accountDetailPage({ number: page, size }, call);
      const accounts = new Map(answer.items.map((d) => [String(d.account.identity), d.account]));
      const entries = linksOf(answer.items).filter((e) => match(e.contact));
      const taken = entries.slice(offset, offset + (args.first - records.length));
      for (const e of taken) {
        records.push(fromLogiSenseContact(this.source, e.contact, e.accounts));
        for (const a of e.accounts) {
          const account = accounts.get(a);
          if (account && !related.has(a)) related.set(a, fromLogiSenseAccount(this.source, account));
        }
      }
      const served = offset + taken.length;
      if (served < entries.length) return done(encodeWalk({ size, page, offset: served }));
      if (isLastPage(answer, page, size)) return done(null);
      page += 1;
      offset = 0;
      if (records.length >= args.first || read >= this.config.options.maxScanPages)
        return done(encodeWalk({ size, page, offset }));
    }
  }
}

/** Contacts of a page of account details, each once, with every account of the page it is under. */
function linksOf(details: readonly LogiSenseAccountDetail[]): Linked[] {
  const byId = new Map<number, Linked>();
  for (const d of details) {
    const account = String(d.account.identity);
    for (const contact of d.contacts) {
      const known = byId.get(contact.identity);
      if (!known) byId.set(contact.identity, { contact, accounts: [account] });
      else if (!known.accounts.includes(account)) known.accounts.push(account);
    }
  }
  return [...byId.values()];
}

/** E-mail: exact, ignoring case, on any e-mail point. Name: part of "first last", ignoring case. */
function contactMatcher(filter: ContactFilter): (c: LogiSenseContact) => boolean {
  const email = filter.email?.trim().toLowerCase();
  const name = filter.name?.trim().toLowerCase();
  return (c) =>
    (!email || pointValues(c.details?.contactPoints ?? [], 'email').some((v) => v.trim().toLowerCase() === email)) &&
    (!name || displayName(c).toLowerCase().includes(name));
}

function isLastPage(answer: PageOf<unknown>, page: number, size: number): boolean {
  if (answer.items.length < size) return true;
  return answer.totalCount !== null && answer.totalCount > 0 && page * size >= answer.totalCount;
}
