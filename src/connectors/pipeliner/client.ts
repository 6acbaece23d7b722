import type { z } from 'zod';
import type { CallContext, VendorCallEvent } from '../../core/call';
import type { PlannedRequest } from '../../core/connector';
import type { InputRejected } from '../../core/errors';
import type { VendorBudget } from '../../http/VendorBudget';
import { HttpClient } from '../../http/HttpClient';
import type { PipelinerSourceConfig } from './config';
import type { FieldMap } from '../kit/fieldMap';
import { notFoundKind, pipelinerFailure, pipelinerItemRejection, unexpectedAnswer, writtenUnread } from './errors';
import { pipelinerError, pipelinerItemEnvelope, pipelinerListEnvelope } from './wire';

/** Most rows Pipeliner returns per request (vendor notes §4: `first` max 100). */
export const PIPELINER_MAX_PAGE = 100;

/** The answer for a record the vendor does not hold (a 404 about the record, not the space or route). */
export const NOT_FOUND = 'NOT_FOUND' as const;

/** Every entity route sits under `/entities`, which is part of this client's base URL. */
const ENTITIES = '/entities';

export type FilterOp =
  | 'eq'
  | 'ieq'
  | 'not-eq'
  | 'contains'
  | 'icontains'
  | 'starts'
  | 'istarts'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'null'
  | 'not-null';

export interface PipelinerListParams {
  first: number;
  after?: string | null;
  filters?: Array<[field: string, op: FilterOp, value: string]>;
  orderBy?: string;
  expand?: readonly string[];
  loadOnly?: readonly string[];
}

export interface PipelinerPage<T> {
  data: T[];
  endCursor: string | null;
  hasNextPage: boolean;
  total: number | null;
}

/**
 * HTTP calls to one Pipeliner space (`…/api/v100/rest/spaces/{space}/entities/…`, Basic auth).
 * Parses every answer at this boundary; callers get typed records or typed errors.
 */
export class PipelinerClient {
  private readonly http: HttpClient;

  constructor(
    private readonly config: PipelinerSourceConfig,
    observeFn?: (event: VendorCallEvent) => void,
    /** The credentials' rate budget, when the source sets limits (`options.rateLimits`). */
    budget?: VendorBudget | null,
  ) {
    const basic = Buffer.from(`${config.credentials.username}:${config.credentials.password}`).toString('base64');
    this.http = new HttpClient({
      source: config.id,
      vendor: 'PIPELINER',
      baseUrl: `${config.baseUrl.replace(/\/$/, '')}/api/v100/rest/spaces/${config.spaceId}${ENTITIES}`,
      timeoutMs: config.timeoutMs,
      maxRetries: config.maxRetries,
      retryBaseMs: config.retryBaseMs,
      connections: config.connections,
      authHeadersFn: () => ({ authorization: `Basic ${basic}` }),
      ...(observeFn ? { observeFn } : {}),
      ...(budget ? { budget } : {}),
    });
  }

  /** One page of `GET /entities/{plural}` (vendor notes §4). */
  async list<T>(plural: string, schema: z.ZodType<T>, params: PipelinerListParams, call: CallContext): Promise<PipelinerPage<T>> {
    const query = new URLSearchParams();
    query.set('first', String(params.first));
    if (params.after) query.set('after', params.after);
    for (const [field, op, value] of params.filters ?? []) {
      query.set(`filter[${field}]`, value);
      query.set(`filter-op[${field}]`, op);
    }
    if (params.orderBy) query.set('order-by', params.orderBy);
    if (params.expand?.length) query.set('expand', [...params.expand].sort().join(','));
    if (params.loadOnly?.length) query.set('load-only', params.loadOnly.join(','));
    const res = await this.http.request({ method: 'GET', path: `/${plural}`, query }, call);
    if (res.status !== 200) throw this.failure(`listing ${plural}`, res.status, res.body, {});
    const envelope = pipelinerListEnvelope.safeParse(res.body);
    if (!envelope.success) throw unexpectedAnswer(this.config.id, 'PIPELINER', `listing ${plural}`, envelope.error);
    const data = envelope.data.data.map((row) => this.parse(schema, row, `listing ${plural}`));
    const info = envelope.data.page_info;
    return {
      data,
      endCursor: info?.end_cursor ?? null,
      hasNextPage: Boolean(info?.has_next_page) && Boolean(info?.end_cursor),
      total: envelope.data.total ?? null,
    };
  }

  /** Every row of a small reference list, page by page. */
  async listAll<T>(plural: string, schema: z.ZodType<T>, params: Omit<PipelinerListParams, 'first' | 'after'>, call: CallContext): Promise<T[]> {
    const rows: T[] = [];
    let after: string | null = null;
    do {
      const page: PipelinerPage<T> = await this.list(plural, schema, { ...params, first: PIPELINER_MAX_PAGE, after }, call);
      rows.push(...page.data);
      after = page.hasNextPage ? page.endCursor : null;
    } while (after);
    return rows;
  }

  /**
   * `GET /entities/{plural}/{id}`; null only when the 404 says the record is unknown. A 404
   * about the space, the entity type or the route is the source's misconfiguration, thrown.
   * `expand` applies to reads by id as well as lists: the vendor's API-parameters page gives
   * it the endpoint types List and Get (the spec declares it on lists only).
   */
  async get<T>(plural: string, schema: z.ZodType<T>, id: string, expand: readonly string[], call: CallContext): Promise<T | null> {
    const query = new URLSearchParams();
    if (expand.length) query.set('expand', [...expand].sort().join(','));
    const res = await this.http.request({ method: 'GET', path: `/${plural}/${encodeURIComponent(id)}`, query }, call);
    if (res.status === 404 && notFoundKind(res.body) === 'record') return null;
    if (res.status !== 200) throw this.failure(`reading ${plural}`, res.status, res.body, {});
    const envelope = pipelinerItemEnvelope.safeParse(res.body);
    if (!envelope.success) throw unexpectedAnswer(this.config.id, 'PIPELINER', `reading ${plural}`, envelope.error);
    return this.parse(schema, envelope.data.data, `reading ${plural}`);
  }

  /**
   * `POST /entities/{plural}`: 201 per the spec (200 accepted too, vendor notes "Uncertainties").
   * Never retried; a 422 becomes `InputRejected` with fields mapped through `fields`. A 2xx we
   * cannot read means the record was written but we cannot say which: outcome unknown.
   */
  async create<T>(plural: string, schema: z.ZodType<T>, body: Record<string, unknown>, fields: FieldMap, call: CallContext): Promise<T> {
    const request = createRequest(plural, body);
    const res = await this.http.request({ method: request.method, path: underEntities(request.path), json: body }, call);
    if (res.status !== 201 && res.status !== 200) throw this.failure(`the ${singular(plural)} create`, res.status, res.body, fields);
    const envelope = pipelinerItemEnvelope.safeParse(res.body);
    const parsed = envelope.success ? schema.safeParse(envelope.data.data) : null;
    if (!parsed?.success) throw writtenUnread(this.config.id, `the ${singular(plural)} create`, parsed?.error);
    return parsed.data;
  }

  /**
   * `POST /entities/{plural}/batch-modify?rollback-method=1`: items without `id` are created;
   * with rollback method 1 only failing items are rolled back and answered inline (vendor notes
   * §2, §5). Aligned with `bodies`: the new id, or the vendor's refusal of that item mapped
   * through `fields`. A 200 we cannot align means some items may be written: outcome unknown.
   */
  async batchCreate(
    plural: string,
    bodies: ReadonlyArray<Record<string, unknown>>,
    fields: FieldMap,
    call: CallContext,
  ): Promise<Array<{ id: string } | InputRejected>> {
    const items = await this.batchModify(plural, bodies, 'create', call);
    const operation = `the ${singular(plural)} create`;
    return items.map((item) => (typeof item === 'string' ? { id: item } : pipelinerItemRejection(operation, item, fields)));
  }

  /**
   * The same `batch-modify` for updates: every item carries the `id` of the record it changes
   * (vendor notes §2: an item with `id` updates). An item answered with the 404 Error (the
   * record is gone) is `NOT_FOUND`, so the caller can say which record is missing.
   */
  async batchUpdate(
    plural: string,
    bodies: ReadonlyArray<Record<string, unknown> & { id: string }>,
    fields: FieldMap,
    call: CallContext,
  ): Promise<Array<{ id: string } | InputRejected | typeof NOT_FOUND>> {
    const items = await this.batchModify(plural, bodies, 'update', call);
    const operation = `the ${singular(plural)} update`;
    return items.map((item) => {
      if (typeof item === 'string') return { id: item };
      return isRecordNotFound(item) ? NOT_FOUND : pipelinerItemRejection(operation, item, fields);
    });
  }

  /**
   * `PATCH /entities/{plural}/{id}` with a partial body: 200 with the whole record (spec).
   * `NOT_FOUND` when the 404 says the record is unknown; a 422 becomes `InputRejected`; a 2xx
   * we cannot read was written, but we cannot say how: outcome unknown. Never retried.
   */
  async update<T>(
    plural: string,
    schema: z.ZodType<T>,
    id: string,
    body: Record<string, unknown>,
    fields: FieldMap,
    call: CallContext,
  ): Promise<T | typeof NOT_FOUND> {
    const request = updateRequest(plural, id, body);
    const res = await this.http.request({ method: 'PATCH', path: underEntities(request.path), json: body }, call);
    if (res.status === 404 && notFoundKind(res.body) === 'record') return NOT_FOUND;
    if (res.status !== 200) throw this.failure(`the ${singular(plural)} update`, res.status, res.body, fields);
    const envelope = pipelinerItemEnvelope.safeParse(res.body);
    const parsed = envelope.success ? schema.safeParse(envelope.data.data) : null;
    if (!parsed?.success) throw writtenUnread(this.config.id, `the ${singular(plural)} update`, parsed?.error);
    return parsed.data;
  }

  /**
   * `DELETE /entities/{plural}/{id}`: 200 `{success, data: id}` (spec; 204 accepted too, as a
   * production client treats it). `NOT_FOUND` when the record is unknown (already deleted).
   */
  async remove(plural: string, id: string, call: CallContext): Promise<'deleted' | typeof NOT_FOUND> {
    const request = deleteRequest(plural, id);
    const res = await this.http.request({ method: 'DELETE', path: underEntities(request.path) }, call);
    if (res.status === 404 && notFoundKind(res.body) === 'record') return NOT_FOUND;
    if (res.status !== 200 && res.status !== 204) throw this.failure(`the ${singular(plural)} delete`, res.status, res.body, {});
    return 'deleted';
  }

  /** One `batch-modify` call: the per-item answers (an id or an inline Error), aligned with `bodies`. */
  private async batchModify(
    plural: string,
    bodies: ReadonlyArray<Record<string, unknown>>,
    kind: 'create' | 'update',
    call: CallContext,
  ): Promise<unknown[]> {
    const query = new URLSearchParams({ 'rollback-method': '1' });
    const res = await this.http.request({ method: 'POST', path: `/${plural}/batch-modify`, query, json: bodies }, call);
    if (res.status !== 200) throw this.failure(`the ${singular(plural)} batch ${kind}`, res.status, res.body, {});
    const envelope = pipelinerItemEnvelope.safeParse(res.body);
    const data = envelope.success ? envelope.data.data : null;
    if (!Array.isArray(data) || data.length !== bodies.length) throw writtenUnread(this.config.id, `the ${singular(plural)} batch ${kind}`);
    return data as unknown[];
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw unexpectedAnswer(this.config.id, 'PIPELINER', what, parsed.error);
    return parsed.data;
  }

  private failure(operation: string, status: number, body: unknown, fields: FieldMap): Error {
    return pipelinerFailure(this.config.id, 'PIPELINER', operation, status, body, fields);
  }
}

/**
 * The create request for `body`, as a dry run reports it: the path is below the space's API
 * base (`…/rest/spaces/{space}`), which is how the vendor documents it.
 */
export function createRequest(plural: string, body: Record<string, unknown>): PlannedRequest {
  return { method: 'POST', path: `${ENTITIES}/${plural}`, body };
}

/** The update request a dry run reports: `PATCH /entities/{plural}/{id}` with the partial body. */
export function updateRequest(plural: string, id: string, body: Record<string, unknown>): PlannedRequest {
  return { method: 'PATCH', path: `${ENTITIES}/${plural}/${encodeURIComponent(id)}`, body };
}

/** The delete request a dry run reports; it has no body. */
export function deleteRequest(plural: string, id: string): PlannedRequest {
  return { method: 'DELETE', path: `${ENTITIES}/${plural}/${encodeURIComponent(id)}`, body: null };
}

/** An inline batch item that is the 404 Error about its record. */
function isRecordNotFound(item: unknown): boolean {
  const parsed = pipelinerError.safeParse(item);
  return parsed.success && (parsed.data.http_status === 404 || parsed.data.code === 404) && notFoundKind(item) === 'record';
}

function underEntities(path: string): string {
  return path.slice(ENTITIES.length);
}

function singular(plural: string): string {
  return plural.replace(/ies$/, 'y').replace(/s$/, '');
}
