import type { z } from 'zod';
import type { CallContext, VendorCallEvent } from '../../core/call';
import { GatewayError, toGatewayError } from '../../core/errors';
import { HttpClient, type HttpResponse } from '../../http/HttpClient';
import type { VendorBudget } from '../../http/VendorBudget';
import type { Cin7SourceConfig } from './config';
import { cin7Failure, routeMissing, unexpectedAnswer, writeOutcomeUnknown } from './errors';
import { MAX_QUERY_STRING } from './where';
import { cin7OmniBatchResultItem, cin7OmniErrorMessage } from './wire';

/** The vendor's "no such record" body (vendor notes §5: 404 "Resource not found"), as a string or `{Message}`. */
function isResourceNotFound(body: unknown): boolean {
  return /^resource not found\.?$/i.test(cin7OmniErrorMessage(body) ?? '');
}

/** Most rows per list request (vendor notes §2: `rows` max 250; more answers 400). */
export const CIN7_MAX_ROWS = 250;
/** `page` is a .NET `int` (vendor notes §2: 1-based). */
const MAX_INT = 2_147_483_647;
/** Most records per POST/PUT (vendor notes §2: "Batch limit is 250."). */
export const CIN7_BATCH_LIMIT = 250;

export type Cin7Resource = 'Contacts' | 'Quotes' | 'Users';

/**
 * What the vendor answered for one record of a POST/PUT: written (its record id), refused
 * (the vendor's reasons, for the caller to place on input fields), or a source fault —
 * SOURCE_OUTCOME_UNKNOWN where the record may have been written.
 */
export type Cin7WriteAnswer = { id: number } | { refused: readonly string[] } | GatewayError;

/**
 * What the vendor answered for `DELETE /v1/Contacts/{id}`: removed, no such record (404
 * "Resource not found", or a failed result naming it), refused with the vendor's reasons, or a
 * source fault — SOURCE_OUTCOME_UNKNOWN where the record may have been removed.
 */
export type Cin7DeleteAnswer = { deleted: true } | { notFound: true } | { refused: readonly string[] } | GatewayError;

export interface Cin7ListParams {
  /** A rendered `where` (see where.ts), or null for none. */
  where: string | null;
  /** Always pinned: the default sort is undocumented (vendor notes §3). */
  order: string;
  rows: number;
  page?: number;
}

/**
 * HTTP calls to one Cin7 Omni account (`{baseUrl}/v1/{Resource}`, HTTP Basic with API
 * Username and API Key, vendor notes §1), paced to the key's budget. Parses every answer at
 * this boundary; callers get typed rows or typed errors.
 */
export class Cin7Client {
  private readonly http: HttpClient;
  private closing: Promise<void> | null = null;
  /** `budget`: the key's rate budget (pacing.ts), or null for none. */
  constructor(
    private readonly config: Cin7SourceConfig,
    observeFn: ((event: VendorCallEvent) => void) | undefined,
    budget: VendorBudget | null,
  ) {
    const basic = Buffer.from(`${config.credentials.username}:${config.credentials.apiKey}`).toString('base64');
    this.http = new HttpClient({
      source: config.id,
      vendor: 'CIN7_OMNI',
      baseUrl: config.baseUrl,
      timeoutMs: config.timeoutMs,
      maxRetries: config.maxRetries,
      retryBaseMs: config.retryBaseMs,
      connections: config.connections,
      authHeadersFn: () => ({ authorization: `Basic ${basic}` }),
      // Every attempt waits for its turn in the key's budget (vendor notes §5, §7.3), counted
      // until that attempt's answer is back.
      ...(budget ? { budget } : {}),
      ...(observeFn ? { observeFn } : {}),
    });
  }

  /** One page of `GET /v1/{resource}?where=&order=&page=&rows=` (vendor notes §2, §3): a bare array. */
  async list<T>(resource: Cin7Resource, schema: z.ZodType<T>, params: Cin7ListParams, call: CallContext): Promise<T[]> {
    if (!Number.isInteger(params.rows) || params.rows < 1 || params.rows > CIN7_MAX_ROWS) {
      // Never sent: the vendor answers 400 "The rows argument cannot be greater than 250.".
      throw new GatewayError('BAD_USER_INPUT', `Cin7 Omni returns 1 to ${CIN7_MAX_ROWS} rows per request, asked for ${params.rows}`, {
        source: this.config.id,
        vendor: 'CIN7_OMNI',
      });
    }
    const page = params.page ?? 1;
    if (!Number.isInteger(page) || page < 1 || page > MAX_INT) {
      // Never sent: the vendor answers 400 "The page number is out of range; …" (vendor notes §2).
      throw new GatewayError('BAD_USER_INPUT', `Cin7 Omni pages are numbered from 1, asked for page ${page}`, { source: this.config.id, vendor: 'CIN7_OMNI' });
    }
    const query = new URLSearchParams();
    if (params.where) query.set('where', params.where);
    query.set('order', params.order);
    query.set('page', String(page));
    query.set('rows', String(params.rows));
    const length = query.toString().length;
    if (length > MAX_QUERY_STRING) {
      // Never sent: the vendor's web server refuses it (404.15), which would read as a wrong base URL.
      throw new GatewayError('BAD_USER_INPUT', `The filter is too long for Cin7 Omni: its query would be ${length} characters, the vendor takes ${MAX_QUERY_STRING}`, {
        source: this.config.id,
        vendor: 'CIN7_OMNI',
      });
    }
    const what = `the ${resource} list`;
    const res = await this.http.request({ method: 'GET', path: `/v1/${resource}`, query }, call);
    if (res.status === 404) throw routeMissing(this.config.id, `GET /v1/${resource}`, res.status, res.body);
    if (res.status !== 200) throw cin7Failure(this.config.id, what, res.status, res.body);
    if (!Array.isArray(res.body)) throw unexpectedAnswer(this.config.id, what);
    return res.body.map((row) => this.parse(schema, row, what));
  }

  /**
   * `POST` (create) or `PUT` (update) `/v1/{resource}` with an array of at most 250 records
   * (vendor notes §2). HTTP 200 carries one BatchResultItem per record, some possibly failed,
   * matched to `bodies` by each item's `index`. The answer is per record and never thrown: a
   * failed request answers its fault for each record. Never retried (writes are not idempotent).
   */
  async write(method: 'POST' | 'PUT', resource: 'Contacts', bodies: ReadonlyArray<Record<string, unknown>>, call: CallContext): Promise<Cin7WriteAnswer[]> {
    if (bodies.length === 0) return [];
    if (bodies.length > CIN7_BATCH_LIMIT) throw new Error(`write of ${bodies.length} records: callers chunk by ${CIN7_BATCH_LIMIT}`);
    const what = `the ${resource} ${method === 'POST' ? 'create' : 'update'}`;
    let res: HttpResponse;
    try {
      res = await this.http.request({ method, path: `/v1/${resource}`, json: bodies }, call);
    } catch (err) {
      return bodies.map(() => toGatewayError(err));
    }
    // Anything but 200 applied nothing (vendor notes §2: a malformed body or batch limit is refused whole).
    if (res.status === 404) return bodies.map(() => routeMissing(this.config.id, `${method} /v1/${resource}`, res.status, res.body));
    if (res.status !== 200) return bodies.map(() => cin7Failure(this.config.id, what, res.status, res.body));
    const aligned = new Array<Cin7WriteAnswer | undefined>(bodies.length);
    for (const raw of Array.isArray(res.body) ? res.body : []) {
      const item = cin7OmniBatchResultItem.safeParse(raw);
      if (!item.success || item.data.index < 0 || item.data.index >= bodies.length) continue;
      const { success, id, errors } = item.data;
      aligned[item.data.index] = !success
        ? { refused: errors ?? [] }
        : id
          ? { id }
          : writeOutcomeUnknown(this.config.id, 'confirmed this item without an id; it may exist, check before retrying');
    }
    const unanswered = writeOutcomeUnknown(this.config.id, 'answered no result for this item; it may or may not have been written');
    return Array.from(aligned, (a) => a ?? unanswered);
  }

  /**
   * `DELETE /v1/Contacts/{id}` (vendor notes §2): 200 with one result object (not an array).
   * An unknown id answers 404 "Resource not found" (spec, vendor notes §5) or, on some
   * accounts, a failed result (vendor notes §9 q8); both are "no such record". A 404 with any
   * other body is a missing route (a wrong `baseUrl`). Never retried; never thrown.
   */
  async remove(id: number, call: CallContext): Promise<Cin7DeleteAnswer> {
    const operation = `DELETE /v1/Contacts/${id}`;
    let res: HttpResponse;
    try {
      res = await this.http.request({ method: 'DELETE', path: `/v1/Contacts/${id}` }, call);
    } catch (err) {
      return toGatewayError(err);
    }
    if (res.status === 404) {
      return isResourceNotFound(res.body) ? { notFound: true } : routeMissing(this.config.id, operation, res.status, res.body);
    }
    if (res.status !== 200) return cin7Failure(this.config.id, 'the Contacts delete', res.status, res.body);
    const item = cin7OmniBatchResultItem.safeParse(Array.isArray(res.body) ? res.body[0] : res.body);
    if (!item.success) return writeOutcomeUnknown(this.config.id, `answered the delete of record ${id} in a shape we do not know; it may or may not be gone`);
    if (item.data.success) return { deleted: true };
    const errors = item.data.errors ?? [];
    return errors.some((e) => /not (be )?found/i.test(e)) ? { notFound: true } : { refused: errors };
  }

  /** Releases the connection pool; safe to call more than once (a connector may sit in several gateways). */
  close(): Promise<void> {
    this.closing ??= this.http.close();
    return this.closing;
  }

  private parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw unexpectedAnswer(this.config.id, what, parsed.error);
    return parsed.data;
  }
}
