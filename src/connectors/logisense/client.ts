import type { z } from 'zod';
import type { CallContext, VendorCallEvent } from '../../core/call';
import { GatewayError } from '../../core/errors';
import type { VendorBudget } from '../../http/VendorBudget';
import { HttpClient, type HttpRequest, type HttpResponse } from '../../http/HttpClient';
import { LogiSenseTokens, type IssuedToken } from './auth';
import type { LogiSenseSourceConfig } from './config';
import {
  isUnknownRecord,
  loginFailure,
  logisenseWriteFailure,
  rejected,
  routeNotFound,
  unconfirmedWrite,
  unexpectedAnswer,
  type FieldMap,
} from './errors';
import {
  logisenseAccount,
  logisenseContact,
  logisenseList,
  logisensePaged,
  logisenseSingle,
  logisenseToken,
  logisenseWriteAnswer,
  type LogiSenseAccountDetail,
  type LogiSenseWriteItem,
} from './wire';

/** The API version, pinned in one place (vendor notes §7). */
const RESOURCE = '/ResourceServer/api/v6';
/** The versioned token endpoint (notes §1.1; the docs put the API version in the path). */
const LOGIN = '/AuthorizationServer/api/v6/Access/Login';
/** Ids are `{id:int}` route values (notes §6): a .NET int, so a larger one matches no route. */
const MAX_ID = 2_147_483_647;
/** Search's `top` bound (notes §4): 1..10000, 0 ("all") refused. */
export const SEARCH_TOP = 10_000;

/** A write as a create or update sends it and a dry run answers it: `path` below the resource root, e.g. `/Account/10003`. */
export interface WriteRequest {
  method: 'POST' | 'PATCH';
  path: string;
  body: Record<string, unknown>;
  /** Headers that change what the vendor writes (`UpdateRequest`, notes §1.3); never credentials. */
  headers?: Record<string, string>;
}

export interface PageOf<T> {
  items: T[];
  /** Null when the vendor left it out. */
  totalCount: number | null;
}

/**
 * HTTP calls to one LogiSense tenant: the token login and the v6 resource routes. Every answer
 * is parsed here; callers get typed values or typed errors. A call refused with 401 drops the
 * token, logs in again (once, shared with concurrent callers) and is sent once more — safe
 * even for writes, as a 401 is answered before the request is processed.
 */
export class LogiSenseClient {
  private readonly http: HttpClient;
  private readonly tokens: LogiSenseTokens;
  private readonly source: string;

  constructor(
    private readonly config: LogiSenseSourceConfig,
    observeFn?: (event: VendorCallEvent) => void,
    now: () => number = Date.now,
    /** The credentials' rate budget, when the source sets limits (`options.rateLimits`). */
    budget?: VendorBudget | null,
  ) {
    this.source = config.id;
    this.http = new HttpClient({
      source: config.id,
      vendor: 'LOGISENSE',
      baseUrl: config.baseUrl,
      timeoutMs: config.timeoutMs,
      maxRetries: config.maxRetries,
      retryBaseMs: config.retryBaseMs,
      connections: config.connections,
      // The token goes on each request instead (see `send`): on a 401 we must know which one failed.
      authHeadersFn: () => ({}),
      ...(observeFn ? { observeFn } : {}),
      ...(budget ? { budget } : {}),
    });
    this.tokens = new LogiSenseTokens((call) => this.login(call), now);
  }

  /**
   * `GET {path}` of one object (`X/{id}`, `X/{id}/Detail`); null for an id no record can have
   * (not sent) and for the vendor's own 404 of an unknown record. Any other 404 is the
   * source's configuration (`routeNotFound`), never a silent null.
   */
  async getOne<T>(path: string, id: string, schema: z.ZodType<T>, call: CallContext): Promise<T | null> {
    if (!/^\d{1,10}$/.test(id) || Number(id) > MAX_ID) return null;
    const route = path.replace('{id}', id);
    const what = `reading ${route}`;
    const res = await this.send({ method: 'GET', path: `${RESOURCE}/${route}` }, call);
    if (isUnknownRecord(res.status, res.body)) return null;
    if (res.status === 404) throw routeNotFound(this.source, `GET ${route}`, res.status, res.body);
    if (res.status !== 200) throw rejected(this.source, what, res.status, res.body);
    const envelope = this.parse(logisenseSingle, res.body, what);
    const instance = envelope.instance !== undefined ? envelope.instance : envelope.items?.[0];
    return instance === undefined ? null : this.parse(schema, instance, what);
  }

  /** `GET {entity}`: every row (reference tables). */
  async getAll<T>(entity: string, schema: z.ZodType<T>, call: CallContext): Promise<T[]> {
    const res = await this.send({ method: 'GET', path: `${RESOURCE}/${entity}` }, call);
    if (res.status === 404) throw routeNotFound(this.source, `GET ${entity}`, res.status, res.body);
    if (res.status !== 200) throw rejected(this.source, `listing ${entity}`, res.status, res.body);
    return this.parse(logisenseList, res.body, `listing ${entity}`).items.map((row) =>
      this.parse(schema, row, `listing ${entity}`),
    );
  }

  /**
   * `GET {path}` of a `/Paged` route: the page goes in the JSON `Pagination` header (notes §4).
   * It is repeated in the query string, which the vendor does not read, because the per-operation
   * GET sharing keys on path and query only: without it, page 2 would be served page 1's answer.
   */
  async getPage<T>(
    path: string,
    page: { number: number; size: number },
    schema: z.ZodType<T>,
    call: CallContext,
  ): Promise<PageOf<T>> {
    // The page travels in the `Pagination` header only (vendor notes §4); the HTTP client's
    // sharing of identical GETs keys on headers too, so pages are never confused.
    const headers = { pagination: JSON.stringify({ pageNumber: page.number, pageSize: page.size }) };
    const res = await this.send({ method: 'GET', path: `${RESOURCE}/${path}`, headers }, call);
    if (res.status === 404) throw routeNotFound(this.source, `GET ${path}`, res.status, res.body);
    if (res.status !== 200) throw rejected(this.source, `listing ${path}`, res.status, res.body);
    const envelope = this.parse(logisensePaged, res.body, `listing ${path}`);
    const list = envelope.pagedResults ?? { items: envelope.items ?? [], totalCount: envelope.totalCount };
    return {
      items: list.items.map((row) => this.parse(schema, row, `listing ${path}`)),
      totalCount: list.totalCount ?? null,
    };
  }

  /** `POST {entity}/Search` (notes §4); a read, so retried like one. */
  async search<T>(
    entity: string,
    query: Record<string, unknown>,
    schema: z.ZodType<T>,
    call: CallContext,
  ): Promise<PageOf<T>> {
    const what = `the ${entity} search`;
    const res = await this.send(
      { method: 'POST', path: `${RESOURCE}/${entity}/Search`, json: { query }, idempotent: true },
      call,
    );
    if (res.status === 404) throw routeNotFound(this.source, `POST ${entity}/Search`, res.status, res.body);
    if (res.status !== 200) throw rejected(this.source, what, res.status, res.body);
    const list = this.parse(logisenseList, res.body, what);
    return { items: list.items.map((row) => this.parse(schema, row, what)), totalCount: list.totalCount ?? null };
  }

  /** `GET Account/{id}/Detail` with its contacts (under the configured child key) parsed. */
  async accountDetail(id: string, call: CallContext): Promise<LogiSenseAccountDetail | null> {
    const account = await this.getOne('Account/{id}/Detail', id, logisenseAccount, call);
    return account ? { account, contacts: this.contactsOf(account, 'reading an account') } : null;
  }

  /** One page of `GET Account/Paged/Detail`: accounts with their contacts and contact points. */
  async accountDetailPage(
    page: { number: number; size: number },
    call: CallContext,
  ): Promise<PageOf<LogiSenseAccountDetail>> {
    const answer = await this.getPage('Account/Paged/Detail', page, logisenseAccount, call);
    return {
      items: answer.items.map((account) => ({ account, contacts: this.contactsOf(account, 'listing accounts') })),
      totalCount: answer.totalCount,
    };
  }

  /**
   * A create (`POST`) or patch (`PATCH`, creates and updates) of `request` (its path below the resource root): 200
   * with `results.items` (notes §3). Never retried (HttpClient's rule for writes); 400 →
   * `InputRejected` mapped through `fields`; the vendor's 404 of an unknown record →
   * `onNotFound()`, any other 404 → `routeNotFound` (the configuration); anything else →
   * SOURCE_REJECTED (SOURCE_OUTCOME_UNKNOWN from HttpClient when it broke after sending); a 200
   * we cannot read → SOURCE_OUTCOME_UNKNOWN, as it was written.
   */
  async write(
    request: WriteRequest,
    what: { operation: string; fields: FieldMap; onNotFound?: () => Error },
    call: CallContext,
  ): Promise<LogiSenseWriteItem[]> {
    const res = await this.send(
      {
        method: request.method,
        path: `${RESOURCE}${request.path}`,
        json: request.body,
        ...(request.headers ? { headers: request.headers } : {}),
      },
      call,
    );
    if (isUnknownRecord(res.status, res.body) && what.onNotFound) throw what.onNotFound();
    if (res.status === 404) throw routeNotFound(this.source, `${request.method} ${request.path.slice(1)}`, res.status, res.body);
    if (res.status !== 200) throw logisenseWriteFailure(this.source, what.operation, res.status, res.body, what.fields);
    const parsed = logisenseWriteAnswer.safeParse(res.body);
    if (!parsed.success) throw unconfirmedWrite(this.source, `the ${what.operation}`, parsed.error);
    return parsed.data.results.items;
  }

  /** The id of the record a write item names; none (no item, no id): SOURCE_OUTCOME_UNKNOWN, as it was written. */
  confirmedId(item: LogiSenseWriteItem | undefined, what: string): number {
    const id = item?.identity ?? identityOf(item?.instance);
    if (id == null) throw unconfirmedWrite(this.source, what);
    return id;
  }

  /**
   * A write item's object (the wrapped `instance`, notes §3, or the bare item, seed 004) as
   * `schema` reads it, or null when it is not what we expect: the vendor confirmed the write,
   * so the caller answers what it sent instead of an error.
   */
  writtenObject<T>(item: LogiSenseWriteItem | undefined, schema: z.ZodType<T>): T | null {
    if (!item) return null;
    const parsed = schema.safeParse(item.instance !== undefined ? item.instance : item);
    return parsed.success ? parsed.data : null;
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private async send(req: HttpRequest, call: CallContext): Promise<HttpResponse> {
    const token = await this.tokens.token(call);
    try {
      return await this.http.request(withToken(req, token), call);
    } catch (err) {
      if (!(err instanceof GatewayError && err.code === 'SOURCE_AUTH_FAILED' && err.detail.httpStatus === 401))
        throw err;
      this.tokens.invalidate(token);
      return this.http.request(withToken(req, await this.tokens.token(call)), call);
    }
  }

  /** The token request (notes §1.2): a form POST with `grant_type=password`. */
  private async login(call: CallContext): Promise<IssuedToken> {
    const c = this.config.credentials;
    const form: Record<string, string> =
      c.clientSecret !== undefined
        ? { grant_type: 'password', client_id: c.clientId, client_secret: c.clientSecret }
        : { grant_type: 'password', client_id: c.clientId, username: c.username ?? '', password: c.password ?? '' };
    // A login writes nothing, so it may be retried on 429/5xx like a read.
    const res = await this.http.request({ method: 'POST', path: LOGIN, form, anonymous: true, idempotent: true }, call);
    // No token endpoint where the source points: its baseUrl, not its credentials, is wrong.
    if (res.status === 404) throw routeNotFound(this.source, 'the login (POST Access/Login)', res.status, res.body);
    if (res.status !== 200) throw loginFailure(this.source, res.status, res.body);
    const token = this.parse(logisenseToken, res.body, 'the login');
    const seconds = Number(token.expires_in ?? NaN);
    // 1800 s is both the documented value and the maximum (notes §1.2).
    const lifetimeMs = (Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 1800) : 1800) * 1000;
    return { accessToken: token.access_token, lifetimeMs };
  }

  private contactsOf(account: z.infer<typeof logisenseAccount>, what: string) {
    const raw = account.details?.[this.config.options.patch.accountContactsKey];
    if (raw == null) return [];
    if (!Array.isArray(raw)) throw unexpectedAnswer(this.source, what);
    return raw.map((c) => this.parse(logisenseContact, c, what));
  }

  private parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw unexpectedAnswer(this.source, what, parsed.error);
    return parsed.data;
  }
}

function identityOf(object: unknown): number | undefined {
  const id = (object as { identity?: unknown } | undefined)?.identity;
  return typeof id === 'number' && Number.isInteger(id) ? id : undefined;
}

function withToken(req: HttpRequest, token: string): HttpRequest {
  // Always with the `Bearer ` prefix (notes §1.3, §9 q7).
  return { ...req, headers: { ...req.headers, authorization: `Bearer ${token}` } };
}
