import type { z } from 'zod';
import type { CallContext } from '../../core/call';
import type { AccountFilter, ContactFilter, ListArgs, OpportunityFilter, Page, PagedEntity } from '../../core/connector';
import type { GatewayError } from '../../core/errors';
import { unsupported } from '../../core/sources';
import { mapLimit } from '../../core/mapLimit';
import type { AccountRecord, AnyRecord, ContactRecord, OpportunityRecord, StageRecord } from '../../core/records';
import { accountLoadOnly, contactLoad } from './loadOnly';
import type { FilterOp, PipelinerClient, PipelinerPage } from './client';
import {
  fromPipelinerAccount,
  fromPipelinerContact,
  fromPipelinerOpportunity,
  PIPELINER_STATUS_CODE,
  relatedOfAccount,
  relatedOfContact,
  relatedOfOpportunity,
  toPipelinerDateTime,
} from './map';
import type { PipelinerReference } from './reference';
import {
  pipelinerAccount,
  pipelinerAccountContactRow,
  pipelinerAccountOpptyRow,
  pipelinerContact,
  pipelinerOpportunity,
  type PipelinerContact,
  type PipelinerOpportunity,
} from './wire';

/** Newest first; `created` never changes, so cursors stay valid while records are edited. */
const ORDER = '-created';

/** Relations to expand for the unified fields a client selected (vendor notes §4 `expand`). */
export function contactExpand(include: ReadonlySet<string>): string[] {
  const out: string[] = [];
  if (include.has('primaryAccount')) out.push('primary_account');
  if (include.has('owner')) out.push('owner');
  if (include.has('accounts')) out.push('account_relations.account');
  return out;
}

export function opportunityExpand(include: ReadonlySet<string>): string[] {
  const out: string[] = [];
  if (include.has('account')) out.push('primary_account');
  if (include.has('primaryContact')) out.push('primary_contact');
  if (include.has('contacts')) out.push('contact_relations.contact');
  if (include.has('owner')) out.push('owner');
  if (include.has('stage') || include.has('pipeline') || include.has('probability')) out.push('step');
  return out;
}

export function accountExpand(include: ReadonlySet<string>): string[] {
  return include.has('owner') ? ['owner'] : [];
}

/**
 * Everything a single-record read expands: one request answers every relation, and the
 * related records that come along are primed into the operation's loaders.
 */
export const FULL_CONTACT_EXPAND = ['account_relations.account', 'owner', 'primary_account'];
export const FULL_OPPORTUNITY_EXPAND = ['contact_relations.contact', 'owner', 'primary_account', 'primary_contact', 'step'];

/** Prefixes every expand path, for expanding inside a relation row (`contact.owner`). */
function under(prefix: string, paths: string[]): string[] {
  return [prefix, ...paths.map((p) => `${prefix}.${p}`)];
}

export class PipelinerReads {
  constructor(
    private readonly source: string,
    private readonly client: PipelinerClient,
    private readonly reference: PipelinerReference,
    /** GETs in flight at once for reads by id (`options.readConcurrency`). */
    private readonly concurrency: number,
  ) {}

  /**
   * Contacts, newest first. By account: the account's `ContactAccountRelations` rows with the
   * contact expanded (primary and secondary links alike) — Pipeliner cannot combine that with
   * other contact filters. E-mail matches `email1` (case-insensitive), name is a
   * case-insensitive part of `formatted_name`.
   */
  async listContacts(args: ListArgs<ContactFilter>, call: CallContext): Promise<Page<ContactRecord>> {
    const { filter } = args;
    const expand = contactExpand(args.include);
    if (filter.accountId) {
      if (filter.email || filter.name || filter.updatedSince) {
        throw this.unsupported('CONTACT', 'cannot combine accountId with other contact filters');
      }
      const page = await this.client.list(
        'ContactAccountRelations',
        pipelinerAccountContactRow,
        {
          first: args.first,
          after: args.after,
          filters: [['account_id', 'eq', filter.accountId]],
          orderBy: ORDER,
          expand: under('contact', expand),
        },
        call,
      );
      const contacts = page.data.flatMap((row) => (row.contact && typeof row.contact !== 'string' ? [row.contact] : []));
      return this.contactPage(page, contacts);
    }
    const filters: Array<[string, FilterOp, string]> = [];
    if (filter.email) filters.push(['email1', 'ieq', filter.email]);
    if (filter.name) filters.push(['formatted_name', 'icontains', filter.name]);
    if (filter.updatedSince) filters.push(['modified', 'gte', toPipelinerDateTime(filter.updatedSince)]);
    const load = contactLoad(args.include);
    const page = await this.client.list(
      'Contacts',
      pipelinerContact,
      { first: args.first, after: args.after, filters, orderBy: ORDER, expand, ...(load.loadOnly ? { loadOnly: load.loadOnly } : {}) },
      call,
    );
    return this.contactPage(page, page.data, load.primaryAccount);
  }

  async listAccounts(args: ListArgs<AccountFilter>, call: CallContext): Promise<Page<AccountRecord>> {
    const { filter } = args;
    const filters: Array<[string, FilterOp, string]> = [];
    if (filter.name) filters.push(['name', 'icontains', filter.name]);
    if (filter.email) filters.push(['email1', 'ieq', filter.email]);
    if (filter.updatedSince) filters.push(['modified', 'gte', toPipelinerDateTime(filter.updatedSince)]);
    const loadOnly = accountLoadOnly(args.include);
    const page = await this.client.list(
      'Accounts',
      pipelinerAccount,
      { first: args.first, after: args.after, filters, orderBy: ORDER, expand: accountExpand(args.include), ...(loadOnly ? { loadOnly } : {}) },
      call,
    );
    return {
      records: page.data.map((a) => fromPipelinerAccount(this.source, a)),
      next: page.hasNextPage ? page.endCursor : null,
      totalCount: page.total,
      related: page.data.flatMap((a) => relatedOfAccount(this.source, a)),
    };
  }

  /**
   * Opportunities, newest first. By account: the account's `LeadOpptyAccountRelations` rows
   * with `oppty` expanded (leads skipped), alone. Status filters `status` (1 Open, 2 Lost,
   * 3 Won); stage filters `step_id`. Pipeliner has no pipeline field to filter on.
   */
  async listOpportunities(args: ListArgs<OpportunityFilter>, call: CallContext): Promise<Page<OpportunityRecord>> {
    const { filter } = args;
    const expand = opportunityExpand(args.include);
    if (filter.status === 'STALLED') throw this.unsupported('OPPORTUNITY', 'Pipeliner has no stalled status (only Open, Won, Lost)');
    if (filter.accountId) {
      if (filter.status || filter.stageId || filter.pipelineId || filter.updatedSince) {
        throw this.unsupported('OPPORTUNITY', 'cannot combine accountId with other opportunity filters');
      }
      const [page, lookups] = await Promise.all([
        this.client.list(
          'LeadOpptyAccountRelations',
          pipelinerAccountOpptyRow,
          {
            first: args.first,
            after: args.after,
            filters: [['account_id', 'eq', filter.accountId]],
            orderBy: ORDER,
            expand: under('oppty', expand),
          },
          call,
        ),
        this.lookups(call),
      ]);
      const opportunities = page.data.flatMap((row) => (row.oppty && typeof row.oppty !== 'string' ? [row.oppty] : []));
      return this.opportunityPage(page, opportunities, lookups);
    }
    const filters: Array<[string, FilterOp, string]> = [];
    if (filter.status) filters.push(['status', 'eq', String(PIPELINER_STATUS_CODE[filter.status])]);
    if (filter.stageId) filters.push(['step_id', 'eq', filter.stageId]);
    if (filter.updatedSince) filters.push(['modified', 'gte', toPipelinerDateTime(filter.updatedSince)]);
    const [page, lookups] = await Promise.all([
      this.client.list(
        'Opportunities',
        pipelinerOpportunity,
        { first: args.first, after: args.after, filters, orderBy: ORDER, expand },
        call,
      ),
      this.lookups(call),
    ]);
    return this.opportunityPage(page, page.data, lookups);
  }

  /** Contacts by id: one GET each (Pipeliner has no batch read), `concurrency` at a time. */
  async getContacts(ids: readonly string[], call: CallContext): Promise<Array<ContactRecord | null>> {
    const rows = await mapLimit(ids, this.concurrency, (id) => this.client.get('Contacts', pipelinerContact, id, FULL_CONTACT_EXPAND, call));
    for (const c of rows) if (c) relatedOfContact(this.source, c).forEach((r) => call.prime?.(r));
    return rows.map((c) => (c ? fromPipelinerContact(this.source, c) : null));
  }

  async getAccounts(ids: readonly string[], call: CallContext): Promise<Array<AccountRecord | null>> {
    const rows = await mapLimit(ids, this.concurrency, (id) => this.client.get('Accounts', pipelinerAccount, id, ['owner'], call));
    for (const a of rows) if (a) relatedOfAccount(this.source, a).forEach((r) => call.prime?.(r));
    return rows.map((a) => (a ? fromPipelinerAccount(this.source, a) : null));
  }

  async getOpportunities(ids: readonly string[], call: CallContext): Promise<Array<OpportunityRecord | null>> {
    const [rows, lookups] = await Promise.all([
      mapLimit(ids, this.concurrency, (id) => this.client.get('Opportunities', pipelinerOpportunity, id, FULL_OPPORTUNITY_EXPAND, call)),
      this.lookups(call),
    ]);
    for (const o of rows) if (o) relatedOfOpportunity(this.source, o).forEach((r) => call.prime?.(r));
    return rows.map((o) => (o ? this.toOpportunity(o, lookups) : null));
  }

  /**
   * Records just created, found among the newest (`order-by=-created`, 100 a page): a batch
   * of n costs about n/100 requests instead of n reads by id. Anything not found in the first
   * pages (others writing at the same moment) is read by id. Aligned with `ids`.
   */
  async newest<W extends { id: string }, T>(
    plural: 'Contacts' | 'Accounts',
    schema: z.ZodType<W>,
    ids: readonly string[],
    map: (row: W) => T,
    byId: (missing: string[]) => Promise<Array<T | null>>,
    call: CallContext,
  ): Promise<Array<T | null>> {
    const wanted = new Set(ids);
    const found = new Map<string, T>();
    let after: string | null = null;
    for (let page = 0; page <= Math.ceil(ids.length / 100) && found.size < wanted.size; page += 1) {
      const rows: PipelinerPage<W> = await this.client.list(plural, schema, { first: 100, after, orderBy: ORDER }, call);
      for (const row of rows.data) if (wanted.has(row.id)) found.set(row.id, map(row));
      if (!rows.hasNextPage) break;
      after = rows.endCursor;
    }
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) (await byId(missing)).forEach((r, i) => r && found.set(missing[i]!, r));
    return ids.map((id) => found.get(id) ?? null);
  }

  /** Currency codes and stages by id: reference data read once per operation. */
  async lookups(call: CallContext): Promise<Lookups> {
    const [currencies, stages] = await Promise.all([this.reference.currencies(call), this.reference.stages(call)]);
    return { codes: new Map(currencies.map((c) => [c.remoteId, c.code])), stages };
  }

  toOpportunity(wire: PipelinerOpportunity, lookups: Lookups): OpportunityRecord {
    return fromPipelinerOpportunity(
      this.source,
      wire,
      (id) => lookups.codes.get(id) ?? null,
      (id) => lookups.stages.get(id) ?? null,
    );
  }

  /** A page of contacts; `partialAccounts` = the fields their primary accounts were loaded with, when only some. */
  private contactPage(page: PipelinerPage<unknown>, contacts: PipelinerContact[], partialAccounts?: ReadonlySet<string>): Page<ContactRecord> {
    const related = contacts.flatMap((c) => relatedOfContact(this.source, c));
    return {
      records: contacts.map((c) => fromPipelinerContact(this.source, c)),
      next: page.hasNextPage ? page.endCursor : null,
      totalCount: page.total,
      // Only the primary account is expanded then (`contactLoad`), so every account here is one.
      related: partialAccounts ? related.map((r) => (r.entity === 'ACCOUNT' ? Object.assign(r, { loaded: partialAccounts }) : r)) : related,
    };
  }

  private opportunityPage(
    page: PipelinerPage<unknown>,
    opportunities: PipelinerOpportunity[],
    lookups: Lookups,
  ): Page<OpportunityRecord> {
    const related: AnyRecord[] = opportunities.flatMap((o) => relatedOfOpportunity(this.source, o));
    return {
      records: opportunities.map((o) => this.toOpportunity(o, lookups)),
      next: page.hasNextPage ? page.endCursor : null,
      totalCount: page.total,
      related,
    };
  }

  private unsupported(entity: PagedEntity, why: string): GatewayError {
    return unsupported({ id: this.source, vendor: 'PIPELINER' }, entity, 'LIST', why);
  }
}

export interface Lookups {
  codes: Map<string, string>;
  stages: Map<string, StageRecord>;
}

