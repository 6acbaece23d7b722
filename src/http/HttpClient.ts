import type { Span } from '@opentelemetry/api';
import { Pool, errors as undiciErrors } from 'undici';
import type { CallContext, VendorCallEvent } from '../core/call';
import { GatewayError } from '../core/errors';
import type { Vendor } from '../core/records';
import { endVendorCallSpan, startVendorCallSpan } from '../telemetry/vendorCallSpan';
import { backoffDelay, retryAfterMs } from './backoff';
import { InFlightReads } from './inFlightReads';
import type { PacedTurn } from './RatePacer';
import type { VendorBudget } from './VendorBudget';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpClientOptions {
  source: string;
  vendor: Vendor;
  /** Origin plus optional base path, e.g. `https://eu-central.api.pipelinersales.com/api/v100/rest/spaces/x`. */
  baseUrl: string;
  /** Budget of one call, retries and waits included. */
  timeoutMs: number;
  /** Extra attempts for idempotent reads on 429, 5xx, timeouts and connection errors. */
  maxRetries: number;
  /** First backoff step; doubles per attempt, with full jitter. */
  retryBaseMs: number;
  /** Pool size towards this vendor host. */
  connections: number;
  /** Headers that authenticate a call; asked before every attempt (tokens may rotate). */
  authHeadersFn: () => Promise<Record<string, string>> | Record<string, string>;
  /** Observes every attempt (metrics, logs); never sees headers or bodies. */
  observeFn?: (event: VendorCallEvent) => void;
  /**
   * The vendor's rate budget: every attempt waits for a turn, which counts until its answer is
   * back. Time spent waiting is not vendor time and does not count against `timeoutMs`; it
   * throws (SOURCE_RATE_LIMITED) when the budget cannot be had in time. A 429 is reported to it.
   */
  budget?: VendorBudget;
  /**
   * Request header that carries the operation's request id to the vendor, for vendors that
   * document one (set by that vendor's connector). Absent: nothing is sent.
   */
  correlationHeader?: string;
}

export interface HttpRequest {
  method: HttpMethod;
  /** Path below the base URL, starting with `/`. */
  path: string;
  query?: URLSearchParams;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as `application/x-www-form-urlencoded`. */
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /**
   * Whether the call may be repeated safely. Defaults to true for GET only: a create is never
   * retried, because the vendor may have written it before the answer was lost.
   */
  idempotent?: boolean;
  /** Skip the auth headers (a login call). */
  anonymous?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON when the vendor sent JSON, else the text. */
  body: unknown;
}

/**
 * HTTP to one vendor source over a pooled undici connection. Returns every answer a connector
 * must interpret (2xx, 400, 404, 409, 422 …) and turns transport faults into typed
 * `GatewayError`s: 401/403 → SOURCE_AUTH_FAILED, 429 → SOURCE_RATE_LIMITED, 5xx →
 * SOURCE_UNAVAILABLE, no answer in time → SOURCE_TIMEOUT, or SOURCE_OUTCOME_UNKNOWN for a
 * write that may have reached the vendor. Idempotent calls are retried within the budget.
 */
export class HttpClient {
  private readonly pool: Pool;
  private readonly basePath: string;
  private readonly inFlight = new InFlightReads();

  constructor(private readonly options: HttpClientOptions) {
    const url = new URL(options.baseUrl);
    this.basePath = url.pathname.replace(/\/$/, '');
    this.pool = new Pool(url.origin, {
      connections: options.connections,
      keepAliveTimeout: 10_000,
      // Our own budget governs; these only stop undici from waiting past it.
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
  }

  /**
   * Sends `req`. GETs are shared within the operation: an identical GET already made (or under
   * way) in the same `call` costs no second vendor request — until a write to the same source,
   * after which reads go to the vendor again.
   */
  request(req: HttpRequest, call: CallContext): Promise<HttpResponse> {
    if (req.method !== 'GET') {
      // A write may change what any earlier read saw: later reads of this source go to the vendor.
      // (Reads sent as POST — searches, logins — are marked idempotent or anonymous and don't.)
      if (!req.idempotent && !req.anonymous) {
        call.sharedReads.invalidate(this.options.source);
        this.inFlight.endSharing();
      }
      return this.attempt(req, call);
    }
    // Request headers can select what comes back (a paging header, say): they are part of the key.
    const headers = Object.entries(req.headers ?? {}).sort(([a], [b]) => a.localeCompare(b));
    const key = `GET ${req.path}?${req.query?.toString() ?? ''} ${JSON.stringify(headers)}`;
    // A failed read is not shared with later callers: they may succeed (after a re-login, say).
    // Across operations, the same read in flight at the same moment is sent once too.
    return call.sharedReads.once(this.options.source, key, () =>
      this.inFlight.join(key, call, (shared) => this.attempt(req, shared), () => this.deadlineError(true), () => this.saved(req)),
    );
  }

  private async attempt(req: HttpRequest, call: CallContext): Promise<HttpResponse> {
    const idempotent = req.idempotent ?? req.method === 'GET';
    let deadline = Date.now() + this.options.timeoutMs;
    const path = this.basePath + req.path;
    const search = req.query && [...req.query.keys()].length > 0 ? `?${req.query.toString()}` : '';
    for (let attempt = 1; ; attempt += 1) {
      let turn: PacedTurn | null = null;
      if (this.options.budget) {
        const queued = Date.now();
        turn = await this.options.budget.turn({ source: this.options.source, vendor: this.options.vendor });
        deadline += Date.now() - queued;
      }
      const remaining = deadline - Date.now();
      // Past the operation's deadline nothing more is sent: not sent means not written.
      if (call.signal?.aborted || remaining <= 0) {
        turn?.done();
        throw call.signal?.aborted ? this.deadlineError(false) : this.timeoutError(idempotent, attempt > 1);
      }
      const started = Date.now();
      const { source, vendor } = this.options;
      const span = call.trace && startVendorCallSpan(call.trace, { source, vendor, method: req.method, path: req.path, attempt });
      const outcome = await this.once(req, path + search, remaining, call, idempotent);
      // The turn counts from the answer on: the latest the vendor can have counted the request.
      turn?.done();
      if (outcome.res?.status === 429) this.options.budget?.rateLimited(retryAfterMs(outcome.res.headers['retry-after']));
      const event: VendorCallEvent = {
        source,
        vendor,
        method: req.method,
        path: req.path,
        status: outcome.res?.status ?? null,
        // Measured before any backoff wait: vendor time only.
        durationMs: Date.now() - started,
        attempt,
      };
      if (!outcome.fault) {
        this.report(call, event, span);
        return outcome.res;
      }
      const after = outcome.res ? retryAfterMs(outcome.res.headers['retry-after']) : null;
      const wait = outcome.retryable && idempotent && attempt <= this.options.maxRetries
        ? (after ?? backoffDelay(attempt, this.options.retryBaseMs))
        : null;
      const willRetry = wait !== null && Date.now() + wait < deadline && !call.signal?.aborted;
      this.report(call, { ...event, error: outcome.fault.code, willRetry, ...(after !== null ? { retryAfterMs: after } : {}) }, span);
      if (!willRetry) throw outcome.fault;
      await sleep(wait);
    }
  }

  /** One request and its verdict; never throws, so every attempt is reported exactly once. */
  private async once(
    req: HttpRequest,
    pathAndQuery: string,
    remainingMs: number,
    call: CallContext,
    idempotent: boolean,
  ): Promise<{ res: HttpResponse; fault?: undefined } | { res?: HttpResponse; fault: GatewayError; retryable: boolean }> {
    try {
      const res = await this.send(req, pathAndQuery, remainingMs, call);
      const verdict = this.classify(res, idempotent);
      return verdict ? { res, fault: verdict.error, retryable: verdict.retryable } : { res };
    } catch (err) {
      // A GatewayError here comes from authHeadersFn (a failed login): final, never retried.
      if (err instanceof GatewayError) return { fault: err, retryable: false };
      if (call.signal?.aborted && idempotent) return { fault: this.deadlineError(true, err), retryable: false };
      return { fault: this.transportFault(err, idempotent), retryable: idempotent };
    }
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  /** Reports a request not sent because an identical one in flight answered it. */
  private saved(req: HttpRequest): void {
    const { source, vendor } = this.options;
    this.options.observeFn?.({ source, vendor, method: req.method, path: req.path, status: null, durationMs: 0, attempt: 0, shared: true });
  }

  private async send(req: HttpRequest, pathAndQuery: string, remainingMs: number, call: CallContext): Promise<HttpResponse> {
    const operation = call.signal;
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
    if (this.options.correlationHeader) headers[this.options.correlationHeader] = call.requestId;
    if (!req.anonymous) Object.assign(headers, await this.options.authHeadersFn());
    let body: string | undefined;
    if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      headers['content-type'] ??= 'application/json';
    } else if (req.form) {
      body = new URLSearchParams(req.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await this.pool.request({
      method: req.method,
      path: pathAndQuery,
      headers,
      body,
      // The call's own budget, cut short by the operation's deadline.
      signal: operation ? AbortSignal.any([AbortSignal.timeout(remainingMs), operation]) : AbortSignal.timeout(remainingMs),
    });
    const text = await res.body.text();
    const contentType = String(res.headers['content-type'] ?? '');
    return { status: res.statusCode, headers: res.headers, body: parseBody(text, contentType) };
  }

  /** Null for answers the connector interprets; an error (retryable or not) for source faults. */
  private classify(
    res: HttpResponse,
    idempotent: boolean,
  ): { error: GatewayError; retryable: boolean } | null {
    const detail = { source: this.options.source, vendor: this.options.vendor, httpStatus: res.status };
    const who = `Source "${this.options.source}"`;
    if (res.status === 401 || res.status === 403) {
      const why = res.status === 401 ? 'rejected the credentials' : 'refused access (permission)';
      return { error: new GatewayError('SOURCE_AUTH_FAILED', `${who} ${why}`, detail), retryable: false };
    }
    if (res.status === 429) {
      const after = retryAfterMs(res.headers['retry-after']);
      return {
        error: new GatewayError('SOURCE_RATE_LIMITED', `${who} is rate limiting requests`, {
          ...detail,
          ...(after !== null ? { retryAfterMs: after } : {}),
        }),
        retryable: true,
      };
    }
    if (res.status >= 500) {
      // A write answered 500/502/504 may have been committed before the failure.
      if (!idempotent && res.status !== 503) {
        return {
          error: new GatewayError(
            'SOURCE_OUTCOME_UNKNOWN',
            `${who} failed (HTTP ${res.status}) while writing; the record may or may not exist`,
            detail,
          ),
          retryable: false,
        };
      }
      return {
        error: new GatewayError('SOURCE_UNAVAILABLE', `${who} is unavailable (HTTP ${res.status})`, detail),
        retryable: true,
      };
    }
    return null;
  }

  private transportFault(err: unknown, idempotent: boolean): GatewayError {
    const detail = { source: this.options.source, vendor: this.options.vendor };
    const who = `Source "${this.options.source}"`;
    const code = (err as { code?: string } | null)?.code;
    const notSent = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'UND_ERR_CONNECT_TIMEOUT';
    if (notSent) {
      return new GatewayError('SOURCE_UNAVAILABLE', `${who} cannot be reached`, detail, { cause: err });
    }
    // AbortSignal.timeout() rejects with a DOMException named TimeoutError (not an Error here).
    const name = (err as { name?: string } | null)?.name;
    const timedOut =
      err instanceof undiciErrors.HeadersTimeoutError ||
      err instanceof undiciErrors.BodyTimeoutError ||
      name === 'TimeoutError' ||
      name === 'AbortError';
    if (!idempotent) {
      return new GatewayError(
        'SOURCE_OUTCOME_UNKNOWN',
        `${who} did not answer a write ${timedOut ? 'in time' : 'completely'}; the record may or may not exist`,
        detail,
        { cause: err },
      );
    }
    if (timedOut) return this.timeoutError(true, false, err);
    return new GatewayError('SOURCE_UNAVAILABLE', `${who} broke the connection`, detail, { cause: err });
  }

  /** The operation's own deadline (server.limits.operationTimeoutMs) passed; the call is abandoned. */
  private deadlineError(sent: boolean, cause?: unknown): GatewayError {
    const detail = { source: this.options.source, vendor: this.options.vendor };
    const who = `Source "${this.options.source}"`;
    const message = sent
      ? `${who} had not answered when the operation's deadline passed`
      : `${who} was not asked: the operation's deadline had passed`;
    return new GatewayError('SOURCE_TIMEOUT', message, detail, { cause });
  }

  private timeoutError(idempotent: boolean, retried: boolean, cause?: unknown): GatewayError {
    const detail = { source: this.options.source, vendor: this.options.vendor };
    const who = `Source "${this.options.source}"`;
    const budget = `${this.options.timeoutMs} ms`;
    if (!idempotent) {
      return new GatewayError(
        'SOURCE_OUTCOME_UNKNOWN',
        `${who} did not answer a write within ${budget}; the record may or may not exist`,
        detail,
        { cause },
      );
    }
    return new GatewayError(
      'SOURCE_TIMEOUT',
      `${who} did not answer within ${budget}${retried ? ' (retries included)' : ''}`,
      detail,
      { cause },
    );
  }

  private report(call: CallContext, event: VendorCallEvent, span: Span | undefined): void {
    call.onVendorCall(event);
    this.options.observeFn?.(event);
    if (span) endVendorCallSpan(span, event);
  }
}

function parseBody(text: string, contentType: string): unknown {
  if (!text) return null;
  if (contentType.includes('json') || /^[[{]/.test(text.trimStart())) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
