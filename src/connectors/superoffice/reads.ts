import type { CallContext } from '../../core/call';
import type { AccountFilter, ContactFilter, ListArgs, OpportunityFilter, Page } from '../../core/connector';
import { GatewayError } from '../../core/errors';
import type { AccountRecord, ContactRecord, OpportunityRecord } from '../../core/records';
import type { ArchivePath, SuperOfficeClient } from './client';
import { CONTACT_COLUMNS, FILTER_COLUMNS, PERSON_COLUMNS, SALE_COLUMNS } from './columns';
import { toSuperOfficeFilterTime } from './dates';
import { and, contains, eq, eqText, inIds, since } from './filter';
import { numericId, parseStageId } from './ids';
import { STATUS_CODE, fromSuperOfficeContact, fromSuperOfficePerson } from './map';
import { fromSuperOfficeContactRow, fromSuperOfficePersonRow, fromSuperOfficeSaleRow } from './mapRows';
import type { SuperOfficeReference } from './reference';
import type { ArchiveRow } from './rows';
import { superOfficeContactEntity, superOfficePersonEntity } from './wire';

/** A filter naming an id that cannot exist: the answer is an empty page, without a call. */
const NOTHING = Symbol('nothing matches');

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
    const parts: Array<string | typeof NOTHING> = [];
    if (f.email) parts.push(eqText(c.email, f.email));
    if (f.name) parts.push(contains(c.name, f.name));
    if (f.accountId) parts.push(idEq(c.accountId, f.accountId));
    if (f.updatedSince) parts.push(since(c.updated, toSuperOfficeFilterTime(f.updatedSince)));
    return this.page(PERSONS, parts, args, call);
  }

  /** Companies: by part of the name, by e-mail, by update time. */
  async listAccounts(args: ListArgs<AccountFilter>, call: CallContext): Promise<Page<AccountRecord>> {
    const f = args.filter;
    const c = FILTER_COLUMNS.contact;
    const parts: string[] = [];
    if (f.name) parts.push(contains(c.name, f.name));
    if (f.email) parts.push(eqText(c.email, f.email));
    if (f.updatedSince) parts.push(since(c.updated, toSuperOfficeFilterTime(f.updatedSince)));
    return this.page(COMPANIES, parts, args, call);
  }

  /**
   * Sales: by company, status (DB codes 1 Open, 2 Sold, 3 Lost, 4 Stalled), sale type and stage
   * (a Rating within a sale type). When the client wants stages or pipelines, the sale types
   * are read alongside the page; the resolvers then find them shared, at no extra request.
   */
  async listOpportunities(args: ListArgs<OpportunityFilter>, call: CallContext): Promise<Page<OpportunityRecord>> {
    const f = args.filter;
    const c = FILTER_COLUMNS.sale;
    const parts: Array<string | typeof NOTHING> = [];
    if (f.accountId) parts.push(idEq(c.accountId, f.accountId));
    if (f.status) parts.push(eq(c.status, STATUS_CODE[f.status]));
    if (f.pipelineId) parts.push(idEq(c.saleType, f.pipelineId));
    if (f.stageId) {
      const stage = parseStageId(f.stageId);
      const conflicting = stage && f.pipelineId && String(stage.saleTypeId) !== f.pipelineId;
      if (!stage || conflicting) parts.push(NOTHING);
      else parts.push(eq(c.saleType, stage.saleTypeId), eq(c.stage, stage.ratingId));
    }
    if (f.updatedSince) parts.push(since(c.updated, toSuperOfficeFilterTime(f.updatedSince)));
    if (!parts.includes(NOTHING) && (args.include.has('stage') || args.include.has('pipeline'))) {
      // Latency only: the same GET the stage resolver makes, started early and shared.
      void this.reference.pipelines(call).catch(() => undefined);
    }
    return this.page(SALES, [...new Set(parts)], args, call);
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

  /** Sales by id, aligned with `ids`: always the archive, which carries the vendor's base amount. */
  async getOpportunities(ids: readonly string[], call: CallContext): Promise<Array<OpportunityRecord | null>> {
    return this.byIds(SALES, ids, call);
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
   * link, when a tenant sends one, counts too).
   */
  private async page<T>(
    list: ArchiveList<T>,
    parts: Array<string | typeof NOTHING>,
    args: ListArgs<unknown>,
    call: CallContext,
  ): Promise<Page<T>> {
    const empty: Page<T> = { records: [], next: null, totalCount: 0, related: [] };
    if (parts.includes(NOTHING)) return empty;
    const skip = this.skipOf(args.after);
    const filter = and(parts.filter((p): p is string => p !== NOTHING));
    const { rows, nextLink } = await this.client.archive(
      list.path,
      { select: list.select, filter, orderBy: list.idColumn, top: args.first + 1, skip },
      call,
    );
    const records = rows.slice(0, args.first).map((r) => list.fromRow(this.source, r));
    const more = rows.length > args.first || (nextLink && rows.length > 0);
    return { records, next: more ? String(skip + records.length) : null, totalCount: null, related: [] };
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

/** `col eq n` for a remote id, or NOTHING when the id cannot be a SuperOffice id. */
function idEq(column: string, id: string): string | typeof NOTHING {
  const n = numericId(id);
  return n === null ? NOTHING : eq(column, n);
}
