import type { z } from 'zod';
import type { CallContext, VendorCallEvent } from '../../core/call';
import type { PlannedRequest } from '../../core/connector';
import { GatewayError } from '../../core/errors';
import { HttpClient, type HttpResponse } from '../../http/HttpClient';
import type { SuperOfficeSourceConfig } from './config';
import { SUPEROFFICE_TIME_ZONE } from './dates';
import type { FieldMap } from '../kit/fieldMap';
import { superOfficeFailure, unexpectedAnswer } from './errors';
import { ArchiveRow } from './rows';
import { superOfficeArchivePage, superOfficeArchiveRow } from './wire';

/** The archive lists behind `GET /{Entity}` (vendor notes §3): SimpleContact, Person, FindSale, AllUsers. */
export type ArchivePath = '/Contact' | '/Person' | '/Sale' | '/User' | '/SaleStakeholder';

export interface ArchiveQuery {
  select: readonly string[];
  filter?: string | undefined;
  orderBy?: string;
  top: number;
  skip?: number;
}

export interface ArchivePage {
  rows: ArchiveRow[];
  /** `odata.nextLink` was set: more rows follow (every published sample has it null, open question 1). */
  nextLink: boolean;
}

/** The REST entities crmgraph reads by id and creates: a company, a person, a sale. */
export type EntityName = 'Contact' | 'Person' | 'Sale';

/** One create as a draft plans it and `create` sends it. */
export interface CreateRequest {
  entity: EntityName;
  body: Record<string, unknown>;
}

/** The vendor request a create sends, as a dry run shows it: its path is below the tenant's API base. */
export function plannedRequest(request: CreateRequest): PlannedRequest {
  return { method: 'POST', path: `/${request.entity}`, body: request.body };
}

/**
 * What a confirmed save answered: the saved entity, or — when its answer cannot be read — the
 * id the answer names (null if none) and why it could not be read.
 */
export type SaveAnswer<T> =
  { kind: 'saved'; entity: T } | { kind: 'unreadable'; id: number | null; problem: GatewayError };

/** One JSON Patch operation (RFC 6902) as the WebAPI takes it (Swagger `JsonPatch`). */
export interface PatchOperation {
  op: 'replace';
  path: string;
  value: unknown;
}

/** One update or delete as a draft plans it and `patch` / `remove` send it. */
export interface EntityWrite {
  entity: EntityName;
  id: number;
  /** `If-Unmodified-Since` when the caller gave a version (empty otherwise). */
  precondition: Record<string, string>;
}

/** The JSON Patch media type: operations, never a merge patch (where an object is appended to an array). */
export const JSON_PATCH = 'application/json-patch+json';

/** The PATCH an update sends, as a dry run shows it. */
export function plannedPatch(write: EntityWrite, ops: readonly PatchOperation[]): PlannedRequest {
  return {
    method: 'PATCH',
    path: `/${write.entity}/${write.id}`,
    body: ops,
    headers: { 'Content-Type': JSON_PATCH, ...write.precondition },
  };
}

/** The DELETE a delete sends, as a dry run shows it. */
export function plannedDelete(write: EntityWrite): PlannedRequest {
  const headers = write.precondition;
  return { method: 'DELETE', path: `/${write.entity}/${write.id}`, body: null, ...(Object.keys(headers).length > 0 ? { headers } : {}) };
}

/**
 * What an update or delete was answered, beyond a refusal (thrown): done (with the saved
 * entity for a PATCH, or what made it unreadable), `stale` (412: the record changed after the
 * `If-Unmodified-Since`), `missing` (404 SoNotFoundException: no such record any more).
 */
export type WriteAnswer<T> = SaveAnswer<T> | { kind: 'stale' } | { kind: 'missing' };

/** The property holding the id of each entity, in answers and in the entity built from what was sent. */
export const ID_PROPERTY: Record<EntityName, string> = { Contact: 'ContactId', Person: 'PersonId', Sale: 'SaleId' };

/** The id in a save's answer that failed to parse as a whole, when it has one. */
function savedId(entity: EntityName, body: unknown): number | null {
  const id =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[ID_PROPERTY[entity]] : undefined;
  return Number.isInteger(id) && (id as number) > 0 ? (id as number) : null;
}

/**
 * HTTP calls to one SuperOffice tenant (`{baseUrl}/{tenant}/api/v1`). Every answer is parsed
 * here; callers get typed values or typed errors. Every call carries `SO-TimeZone` (UTC with
 * offsets) and `SO-Language`, so dates and list names arrive in one known form (vendor notes §1).
 */
export class SuperOfficeClient {
  private readonly http: HttpClient;
  private readonly headers: Record<string, string>;

  constructor(
    private readonly config: SuperOfficeSourceConfig,
    observeFn?: (event: VendorCallEvent) => void,
  ) {
    const c = config.credentials;
    // Vendor notes §1: `Bearer <token>` or `SOTicket <ticket>` + `SO-AppToken` (the ticket is already base64).
    const auth: Record<string, string> =
      c.scheme === 'bearer' ? { authorization: `Bearer ${c.accessToken}` } : { authorization: `SOTicket ${c.ticket}` };
    if (c.appToken) auth['so-apptoken'] = c.appToken;
    this.headers = { 'so-timezone': SUPEROFFICE_TIME_ZONE, 'so-language': config.options.language };
    this.http = new HttpClient({
      source: config.id,
      vendor: 'SUPEROFFICE',
      baseUrl: `${config.baseUrl.replace(/\/$/, '')}/${config.tenant}/api/v1`,
      timeoutMs: config.timeoutMs,
      maxRetries: config.maxRetries,
      retryBaseMs: config.retryBaseMs,
      connections: config.connections,
      authHeadersFn: () => auth,
      ...(observeFn ? { observeFn } : {}),
    });
  }

  /**
   * One page of an archive list, `$mode=full` so list and associate columns carry their ids
   * (vendor notes §3). Query options as the Swagger names them (`$orderBy`).
   */
  async archive(path: ArchivePath, q: ArchiveQuery, call: CallContext): Promise<ArchivePage> {
    const query = new URLSearchParams();
    query.set('$select', q.select.join(','));
    if (q.filter) query.set('$filter', q.filter);
    if (q.orderBy) query.set('$orderBy', q.orderBy);
    query.set('$top', String(q.top));
    if (q.skip) query.set('$skip', String(q.skip));
    query.set('$mode', 'full');
    const what = `the ${path.slice(1)} list`;
    const res = await this.get(path, query, call);
    if (res.status !== 200) throw superOfficeFailure(this.config.id, what, res.status, res.body);
    const page = superOfficeArchivePage.safeParse(res.body);
    if (!page.success) throw unexpectedAnswer(this.config.id, what, page.error);
    const rows = page.data.value.map((row) => new ArchiveRow(this.parse(superOfficeArchiveRow, row, what)));
    return { rows, nextLink: Boolean(page.data['odata.nextLink']) };
  }

  /**
   * `GET /{Entity}/{id}`; null when SuperOffice says the record does not exist (404 with
   * `SoNotFoundException`, vendor notes §3). Any other 404 — the web framework's "No HTTP
   * resource", a web server's page — means the source points at the wrong place: a typed error
   * naming its configuration, never a silent null.
   */
  async entity<T>(entity: EntityName, id: number, schema: z.ZodType<T>, call: CallContext): Promise<T | null> {
    const res = await this.get(`/${entity}/${id}`, new URLSearchParams(), call);
    if (res.status === 404 && isUnknownRecord(res.body)) return null;
    if (res.status === 404) throw misconfigured(this.config.id, `reading ${entity} ${id}`, res.body);
    if (res.status !== 200) throw superOfficeFailure(this.config.id, `reading ${entity} ${id}`, res.status, res.body);
    return this.parse(schema, res.body, `reading ${entity} ${id}`);
  }

  /** A reference list or carrier read with GET (`List/…/Items`, `MDOList/…`, `User/currentAssociate`, `Sale/default`). */
  async read<T>(path: string, schema: z.ZodType<T>, call: CallContext, query = new URLSearchParams()): Promise<T> {
    const res = await this.get(path, query, call);
    if (res.status !== 200) throw superOfficeFailure(this.config.id, `reading ${path}`, res.status, res.body);
    return this.parse(schema, res.body, `reading ${path}`);
  }

  /** Like `read`, but null when the tenant does not serve `path` (404), for optional endpoints. */
  async readOptional<T>(
    path: string,
    schema: z.ZodType<T>,
    call: CallContext,
    query = new URLSearchParams(),
  ): Promise<T | null> {
    const res = await this.get(path, query, call);
    if (res.status === 404) return null;
    if (res.status !== 200) throw superOfficeFailure(this.config.id, `reading ${path}`, res.status, res.body);
    return this.parse(schema, res.body, `reading ${path}`);
  }

  /**
   * `POST /Agents/List/GetBaseCurrency` (the REST API has none, vendor notes §2 "Currency"): a
   * read over POST, so safe to retry and to share within the operation like a GET.
   */
  baseCurrency<T>(schema: z.ZodType<T>, call: CallContext): Promise<T> {
    return call.sharedReads.once(this.config.id, 'POST /Agents/List/GetBaseCurrency', async () => {
      const res = await this.http.request(
        { method: 'POST', path: '/Agents/List/GetBaseCurrency', json: {}, headers: this.headers, idempotent: true },
        call,
      );
      if (res.status !== 200)
        throw superOfficeFailure(this.config.id, 'reading the base currency', res.status, res.body);
      return this.parse(schema, res.body, 'reading the base currency');
    });
  }

  /**
   * Sends a create a draft planned (`POST /{Entity}`: 200 + the saved entity; the spec lists no
   * 201, both accepted). Never retried. A refused save throws `InputRejected` with fields mapped
   * through `fields`, any other fault a GatewayError. A save the vendor confirmed is never
   * turned into an error: when its answer cannot be read, what can be read of it (the id) is
   * answered with the reason.
   */
  async create<T>(
    request: CreateRequest,
    schema: z.ZodType<T>,
    fields: FieldMap,
    call: CallContext,
  ): Promise<SaveAnswer<T>> {
    const what = `the ${request.entity} create`;
    const { method, path } = plannedRequest(request);
    const res = await this.http.request({ method, path, json: request.body, headers: this.headers }, call);
    if (res.status !== 200 && res.status !== 201)
      throw superOfficeFailure(this.config.id, what, res.status, res.body, fields);
    const parsed = schema.safeParse(res.body);
    if (parsed.success) return { kind: 'saved', entity: parsed.data };
    return {
      kind: 'unreadable',
      id: savedId(request.entity, res.body),
      problem: unexpectedAnswer(this.config.id, what, parsed.error),
    };
  }

  /**
   * Sends an update a draft planned: `PATCH /{Entity}/{id}` with JSON Patch operations and the
   * precondition, never retried (200 + the saved entity; 404, 409 failed `test`, 412 in the
   * Swagger). A refused save throws `InputRejected` mapped through `fields`.
   */
  async patch<T>(
    write: EntityWrite,
    ops: readonly PatchOperation[],
    schema: z.ZodType<T>,
    fields: FieldMap,
    call: CallContext,
  ): Promise<WriteAnswer<T>> {
    const what = `the ${write.entity} ${write.id} update`;
    const planned = plannedPatch(write, ops);
    const headers = { ...this.headers, ...lowerCased(planned.headers ?? {}) };
    const res = await this.http.request({ method: 'PATCH', path: planned.path, json: ops, headers }, call);
    const outcome = this.writeOutcome(res, what, fields);
    if (outcome) return outcome;
    const parsed = schema.safeParse(res.body);
    if (parsed.success) return { kind: 'saved', entity: parsed.data };
    return { kind: 'unreadable', id: write.id, problem: unexpectedAnswer(this.config.id, what, parsed.error) };
  }

  /** Sends a delete a draft planned: `DELETE /{Entity}/{id}` → 204 (Swagger), never retried. */
  async remove(write: EntityWrite, call: CallContext): Promise<WriteAnswer<null>> {
    const what = `the ${write.entity} ${write.id} delete`;
    const planned = plannedDelete(write);
    const headers = { ...this.headers, ...lowerCased(planned.headers ?? {}) };
    const res = await this.http.request({ method: 'DELETE', path: planned.path, headers }, call);
    return this.writeOutcome(res, what) ?? { kind: 'saved', entity: null };
  }

  /** 412 and a record's 404 as answers; any other refusal thrown; null for a success. */
  private writeOutcome(res: HttpResponse, what: string, fields?: FieldMap): { kind: 'stale' } | { kind: 'missing' } | null {
    if (res.status === 412) return { kind: 'stale' };
    if (res.status === 404 && isUnknownRecord(res.body)) return { kind: 'missing' };
    if (res.status === 404) throw misconfigured(this.config.id, what, res.body);
    if (res.status < 200 || res.status > 299) throw superOfficeFailure(this.config.id, what, res.status, res.body, fields);
    return null;
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private get(path: string, query: URLSearchParams, call: CallContext): Promise<HttpResponse> {
    return this.http.request({ method: 'GET', path, query, headers: this.headers }, call);
  }

  private parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw unexpectedAnswer(this.config.id, what, parsed.error);
    return parsed.data;
  }
}

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

function isUnknownRecord(body: unknown): boolean {
  return (body as { ErrorType?: unknown } | null)?.ErrorType === 'SoNotFoundException';
}

function misconfigured(source: string, operation: string, body: unknown): GatewayError {
  const vendorCode = (body as { ErrorType?: unknown } | null)?.ErrorType;
  return new GatewayError(
    'SOURCE_REJECTED',
    `Source "${source}" is misconfigured: ${operation} reached no SuperOffice route (HTTP 404); check its baseUrl and tenant`,
    { source, vendor: 'SUPEROFFICE', httpStatus: 404, vendorCode: typeof vendorCode === 'string' ? vendorCode : 'ROUTE_NOT_FOUND' },
  );
}
