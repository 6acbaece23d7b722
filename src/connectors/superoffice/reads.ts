import type { CallContext } from '../../core/call';
import type { AccountFilter, ContactFilter, ListArgs, OpportunityFilter, Page } from '../../core/connector';
import { GatewayError } from '../../core/errors';
import type { AccountRecord, ContactRecord, OpportunityRecord } from '../../core/records';
import type { ArchivePath, SuperOfficeClient } from './client';
import { CONTACT_COLUMNS, FILTER_COLUMNS, PERSON_COLUMNS, SALE_COLUMNS } from './columns';
import { toSuperOfficeFilterTime } from './dates';
import { and, equals, inIds, sinceDay, textCondition } from './filter';
import { numericId, parseStageId } from './ids';
import { STATUS_CODE, fromSuperOfficeContact, fromSuperOfficePerson } from './map';
import { fromSuperOfficeContactRow, fromSuperOfficePersonRow, fromSuperOfficeSaleRow } from './mapRows';
import type { SuperOfficeReference } from './reference';
import type { ArchiveRow } from './rows';
import { withStakeholders } from './stakeholders';
import { superOfficeContactEntity, superOfficePersonEntity } from './wire';

/** One archive list as lists and reads by id both use it: its path, columns, key column and row mapper. */
interface ArchiveList<T> {
  path: ArchivePath;
  select: readonly string[];
  idColumn: string;
  fromRow: (source: string, row: ArchiveRow) => T;
}

const PERSONS: ArchiveList<ContactRecord> = {
  path: '/Person',
  select: PERSON_COLUMNS,
  idColumn: FILTER_COLUMNS.person.id,
  fromRow: fromSuperOfficePersonRow,
};

const COMPANIES: ArchiveList<AccountRecord> = {
  path: '/Contact',
  select: CONTACT_COLUMNS,
  idColumn: FILTER_COLUMNS.contact.id,
  fromRow: fromSuperOfficeContactRow,
};

const SALES: ArchiveList<OpportunityRecord> = {
  path: '/Sale',
  select: SALE_COLUMNS,
  idColumn: FILTER_COLUMNS.sale.id,
  fromRow: fromSuperOfficeSaleRow,
};

/**
 * Reads through the archive lists (vendor notes §3): one `GET /Person|/Contact|/Sale` per page,
 * `$orderBy` the primary key (the docs' best practice for `$top/$skip` paging, and stable while
 * records are added), `$skip` as the paging state. Records by id come in one archive call per
 * batch — `$filter=personId in (…)` — so N related records cost one request, not N.
 */
export class SuperOfficeReads {
  constructor(
    private readonly source: string,
    private readonly client: SuperOfficeClient,
    private readonly reference: SuperOfficeReference,
  ) {}

  /** Persons: by e-mail (any of theirs, case-insensitive), by part of the full name, by company, by update time. */
  async listContacts(args: ListArgs<ContactFilter>, call: CallContext): Promise<Page<ContactRecord>> {
    const f = args.filter;
    const c = FILTER_COLUMNS.person;
    const q = new Conditions<ContactRecord>();
    if (f.email) q.text(c.email, 'is', f.email, (r) => r.emails);
    if (f.name) q.text(c.name, 'contains', f.name, (r) => [r.name]);
    if (f.accountId) q.id(c.accountId, f.accountId);
    if (f.updatedSince) q.since(c.updated, f.updatedSince);
    return this.page(PERSONS, q, args, call);
  }

  /** Companies: by part of the name, by e-mail, by update time. */
  async listAccounts(args: ListArgs<AccountFilter>, call: CallContext): Promise<Page<AccountRecord>> {
    const f = args.filter;
    const c = FILTER_COLUMNS.contact;
    const q = new Conditions<AccountRecord>();
    if (f.name) q.text(c.name, 'contains', f.name, (r) => [r.name]);
    if (f.email) q.text(c.email, 'is', f.email, (r) => r.emails);
    if (f.updatedSince) q.since(c.updated, f.updatedSince);
    return this.page(COMPANIES, q, args, call);
  }

  /**
   * Sales: by company, status (DB codes 1 Open, 2 Sold, 3 Lost, 4 Stalled), sale type and stage
   * (a Rating within a sale type) — all `listAny` columns of FindSale, so `equals`; its
   * `saleTypeId` and `stageId` are not restrictable. The sale types are read alongside the
   * page (they tell which sales have stakeholders); the resolvers then find them shared.
   */
  async listOpportunities(args: ListArgs<OpportunityFilter>, call: CallContext): Promise<Page<OpportunityRecord>> {
    const f = args.filter;
    const c = FILTER_COLUMNS.sale;
    const q = new Conditions<OpportunityRecord>();
    if (f.accountId) q.id(c.accountId, f.accountId);
    if (f.status) q.add(equals(c.status, STATUS_CODE[f.status]));
    if (f.pipelineId) q.id(c.saleType, f.pipelineId);
    if (f.stageId) {
      const stage = parseStageId(f.stageId);
      const conflicting = stage && f.pipelineId && String(stage.saleTypeId) !== f.pipelineId;
      if (!stage || conflicting) q.nothing();
      else q.add(equals(c.saleType, stage.saleTypeId), equals(c.stage, stage.ratingId));
    }
    if (f.updatedSince) q.since(c.updated, f.updatedSince);
    if (!q.none) {
      // Latency only: the same GET the stakeholder check and the stage resolver make, started early and shared.
      void this.reference.pipelines(call).catch(() => undefined);
    }
    const page = await this.page(SALES, q, args, call);
    return { ...page, records: await this.withStakeholders(page.records, call) };
  }

  /** Persons by id, aligned with `ids`. One id: the entity (every e-mail and phone); more: one archive call. */
  async getContacts(ids: readonly string[], call: CallContext): Promise<Array<ContactRecord | null>> {
    return this.byIds(PERSONS, ids, call, async (id) => {
      const p = await this.client.entity('Person', id, superOfficePersonEntity, call);
      return p ? fromSuperOfficePerson(this.source, p) : null;
    });
  }

  /** Companies by id, aligned with `ids`, as `getContacts`. */
  async getAccounts(ids: readonly string[], call: CallContext): Promise<Array<AccountRecord | null>> {
    return this.byIds(COMPANIES, ids, call, async (id) => {
      const c = await this.client.entity('Contact', id, superOfficeContactEntity, call);
      return c ? fromSuperOfficeContact(this.source, c) : null;
    });
  }

  /**
   * Sales by id, aligned with `ids`: always the archive, which carries the vendor's base
   * amount; the stakeholders of those that have them in one more call.
   */
  async getOpportunities(ids: readonly string[], call: CallContext): Promise<Array<OpportunityRecord | null>> {
    const sales = await this.byIds(SALES, ids, call);
    const found = await this.withStakeholders(sales.filter((s): s is OpportunityRecord => s !== null), call);
    const byId = new Map(found.map((s) => [s.remoteId, s]));
    return sales.map((s) => (s ? (byId.get(s.remoteId) ?? s) : null));
  }

  private withStakeholders(sales: OpportunityRecord[], call: CallContext): Promise<OpportunityRecord[]> {
    return withStakeholders(sales, this.client, this.reference, call);
  }

  /** Records by id from `list`, aligned with `ids`; a lone id from `one` where given. */
  private async byIds<T extends { remoteId: string }>(
    list: ArchiveList<T>,
    ids: readonly string[],
    call: CallContext,
    one?: (id: number) => Promise<T | null>,
  ): Promise<Array<T | null>> {
    const wanted = [...new Set(ids.map(numericId).filter((n): n is number => n !== null))];
    let found: T[] = [];
    if (wanted.length === 1 && one) {
      const record = await one(wanted[0] as number);
      found = record ? [record] : [];
    } else if (wanted.length > 0) {
      const query = { select: list.select, filter: inIds(list.idColumn, wanted), top: wanted.length };
      const { rows } = await this.client.archive(list.path, query, call);
      found = rows.map((r) => list.fromRow(this.source, r));
    }
    const byId = new Map(found.map((r) => [r.remoteId, r]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /**
   * One page: `$top` one more than asked tells whether another page follows (the archive
   * reports no count and, in every published sample, no next link — open question 1; a next
   * link, when a tenant sends one, counts too). Where the vendor was asked for a wider set
   * (see `Conditions`), the rows it answers are narrowed here and the paging state counts the
   * vendor's rows, so a page may hold fewer records than asked while more follow.
   */
  private async page<T extends { updatedAt: string | null }>(list: ArchiveList<T>, q: Conditions<T>, args: ListArgs<unknown>, call: CallContext): Promise<Page<T>> {
    const empty: Page<T> = { records: [], next: null, totalCount: 0, related: [] };
    if (q.none) return empty;
    const skip = this.skipOf(args.after);
    const { rows, nextLink } = await this.client.archive(
      list.path,
      { select: list.select, filter: q.filter, orderBy: list.idColumn, top: args.first + 1, skip },
      call,
    );
    const read = rows.slice(0, args.first);
    const records = read.map((r) => list.fromRow(this.source, r)).filter((r) => q.keeps(r));
    const more = rows.length > args.first || (nextLink && rows.length > 0);
    return { records, next: more ? String(skip + read.length) : null, totalCount: null, related: [] };
  }

  private skipOf(after: string | null): number {
    if (after === null) return 0;
    if (!/^\d{1,9}$/.test(after))
      throw new GatewayError('BAD_USER_INPUT', '`after` is not a cursor from this list', {
        source: this.source,
        vendor: 'SUPEROFFICE',
      });
    return Number(after);
  }
}

/**
 * The conditions of one list call: the `$filter` parts the vendor is sent, and the checks a
 * record must pass here where the vendor could only be asked for a wider set (a text with a
 * backslash, an update instant on a day-precision column).
 */
class Conditions<R extends { updatedAt: string | null }> {
  private readonly parts: string[] = [];
  private readonly checks: Array<(record: R) => boolean> = [];
  /** A condition that no record can meet (an id SuperOffice cannot have): no call at all. */
  none = false;

  add(...parts: string[]): void {
    for (const p of parts) if (!this.parts.includes(p)) this.parts.push(p);
  }

  nothing(): void {
    this.none = true;
  }

  /** `column equals n` for a remote id, or nothing when the id cannot be a SuperOffice id. */
  id(column: string, id: string): void {
    const n = numericId(id);
    if (n === null) this.nothing();
    else this.add(equals(column, n));
  }

  /** A string condition; `values` are the record's values the vendor's column compares. */
  text(column: string, op: 'is' | 'contains', value: string, values: (record: R) => Array<string | null>): void {
    const condition = textCondition(column, op, value);
    if (condition.filter) this.add(condition.filter);
    if (condition.exact) return;
    const wanted = value.toLowerCase();
    const test = op === 'is' ? (v: string) => v === wanted : (v: string) => v.includes(wanted);
    this.checks.push((r) => values(r).some((v) => v !== null && test(v.toLowerCase())));
  }

  /** Updated at or after `iso`, to the second (the archive's precision). */
  since(column: string, iso: string): void {
    this.add(sinceDay(column, iso));
    const from = Date.parse(toSuperOfficeFilterTime(iso) + 'Z');
    this.checks.push((r) => r.updatedAt !== null && Date.parse(r.updatedAt) >= from);
  }

  get filter(): string | undefined {
    return and(this.parts);
  }

  keeps(record: R): boolean {
    return this.checks.every((check) => check(record));
  }
}
