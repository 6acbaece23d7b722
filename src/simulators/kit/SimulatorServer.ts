import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ScriptQueue, type Scripted } from './ScriptQueue';
import { requestMatches } from './requestMatch';
import { Waits } from './Waits';

/** A request as a vendor simulator's router sees it. */
export interface SimRequest {
  method: string;
  /** Path without the query string, percent-decoding left to the router. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** `http://host:port` as the client addressed it; vendors build relation URLs from it. */
  origin: string;
}

/** What a router answers. `body` is sent as JSON; `text` is sent verbatim. */
export interface SimResponse {
  status: number;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

export type SimHandler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

/**
 * A scripted fault: answered instead of the vendor logic, so nothing is written for it — a
 * 5xx, a 429 with Retry-After, a hung vendor. Optionally only for matching requests and from
 * the `nth` matching one on.
 */
export interface Fault extends Scripted {
  status: number;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
  /** Delay before answering; a delay beyond the client's timeout simulates a hung vendor. */
  delayMs?: number;
}

/**
 * Something that happens after the vendor logic has run — the write is committed — and before
 * the answer leaves: a late answer (beyond the client's timeout: "committed, outcome unknown"),
 * a failure status instead of the real answer, an answer in another shape, or a test's own
 * step (cutting a connection). In that order: `run`, the delay, then the answer's replacement.
 */
export interface Aftermath extends Scripted {
  run?: () => void | Promise<void>;
  delayMs?: number;
  /** Answer this status (and body, default a generic error) instead of what the vendor logic answered. */
  status?: number;
  body?: unknown;
  /** Answer what this makes of the committed answer (a proxy mangling it, a shape the client does not know). */
  answer?: (committed: SimResponse) => SimResponse;
}

/** One line of the request log. Credentials are never recorded. */
export interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  body: unknown;
  status: number;
  at: number;
}

/** Requests a simulator remembers by default: enough for any test, bounded for a demo that runs for weeks. */
export const DEFAULT_LOG_LIMIT = 10_000;

export interface SimulatorServerOptions {
  /** Most requests kept in `log`; older ones are dropped first. Default 10,000. */
  logLimit?: number;
}

/** Headers whose values are credentials; the log keeps only that they were present. */
const SECRET_HEADERS = new Set(['authorization', 'sotoken', 'so-apptoken', 'api-key', 'cookie']);

/**
 * The HTTP shell shared by every vendor simulator: a real server on a local port with a
 * request log, a latency switch, scripted faults (`failNext`: answered instead of the vendor),
 * scripted aftermaths (`afterNext`: the vendor commits, then the answer is late or other) and
 * a standing outage (`setOutage`). The vendor's wire format lives entirely in the handler it
 * is given; every fault a vendor test needs is scripted here (see README.md).
 */
export class SimulatorServer {
  /** The last `logLimit` requests, oldest first. */
  readonly log: LoggedRequest[] = [];
  /**
   * Most requests `log` keeps. Demo mode and benchmarks run simulators for as long as the
   * gateway runs, so the log is a window, not a history; a change applies at the next request.
   */
  logLimit: number;
  /** Requests dropped from the front of `log` since the last `clearLog()`. */
  droppedFromLog = 0;
  /** Added to every answer, faults included. */
  latencyMs = 0;
  private readonly faults = new ScriptQueue<Fault>();
  private readonly aftermaths = new ScriptQueue<Aftermath>();
  private readonly waits = new Waits();
  private outage: Fault | null = null;
  private server: Server | null = null;
  private baseUrl = '';

  constructor(
    readonly name: string,
    private readonly handler: SimHandler,
    options: SimulatorServerOptions = {},
  ) {
    this.logLimit = options.logLimit ?? DEFAULT_LOG_LIMIT;
  }

  /** Starts listening (port 0 = any free port) and resolves to the base URL. */
  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        void this.dispatch(req.method ?? 'GET', req.url ?? '/', req.headers, raw, res);
      });
    });
    server.keepAliveTimeout = 5000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const address = server.address() as AddressInfo;
    this.baseUrl = `http://${host}:${address.port}`;
    return this.baseUrl;
  }

  get url(): string {
    if (!this.baseUrl) throw new Error(`${this.name} simulator is not listening`);
    return this.baseUrl;
  }

  /** Stops serving; late answers still waiting are released (to connections already closed). */
  async close(): Promise<void> {
    this.waits.releaseAll();
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /**
   * Answers `times` matching requests with `fault` instead of the vendor logic, starting with
   * the `fault.nth` one from now (default the next).
   */
  failNext(fault: Fault, times = 1): void {
    this.faults.add(fault, times);
  }

  /**
   * For `times` matching requests, starting with the `aftermath.nth` one from now: run the
   * vendor logic (the write commits), then `aftermath`.
   */
  afterNext(aftermath: Aftermath, times = 1): void {
    this.aftermaths.add(aftermath, times);
  }

  /** Answers every request with `fault` until called with null (an outage, a 5xx switch). */
  setOutage(fault: Fault | null): void {
    this.outage = fault;
  }

  /** Requests that scripted faults and aftermaths will still apply to; 0 when all were used. */
  pendingFaults(): number {
    return this.faults.pending() + this.aftermaths.pending();
  }

  /** Drops every scripted fault and aftermath not used yet (the outage stays). */
  clearFaults(): void {
    this.faults.clear();
    this.aftermaths.clear();
  }

  clearLog(): void {
    this.log.length = 0;
    this.droppedFromLog = 0;
  }

  /** Requests logged so far that match, e.g. `requests('POST')`. */
  requests(method?: string, pathIncludes?: string): LoggedRequest[] {
    return this.log.filter(
      (r) => (!method || r.method === method) && (!pathIncludes || r.path.includes(pathIncludes)),
    );
  }

  private record(entry: LoggedRequest): void {
    this.log.push(entry);
    const limit = Math.max(0, Math.floor(this.logLimit));
    // One entry in, one out: shift() on a packed array moves its start in V8 rather than copying.
    while (this.log.length > limit) {
      this.log.shift();
      this.droppedFromLog += 1;
    }
  }

  /** The outage or the scripted fault that answers this request, and the aftermath that follows its vendor logic. */
  private scriptsFor(method: string, path: string): { fault: Fault | null; after: Aftermath | null } {
    if (this.outage && requestMatches(this.outage.match, method, path)) {
      return { fault: this.outage, after: null };
    }
    const fault = this.faults.take(method, path);
    // The request counts toward every aftermath's nth, even when a fault answers it instead.
    const after = this.aftermaths.take(method, path, fault === null);
    return { fault, after };
  }

  private async dispatch(
    method: string,
    rawUrl: string,
    headers: IncomingHttpHeaders,
    rawBody: string,
    res: ServerResponse,
  ): Promise<void> {
    const origin = `http://${headers.host ?? '127.0.0.1'}`;
    const url = new URL(rawUrl, origin);
    const entry: LoggedRequest = {
      method,
      path: url.pathname,
      query: url.search,
      body: redactBody(parseMaybeJson(rawBody), headers['content-type']),
      status: 0,
      at: Date.now(),
    };
    this.record(entry);
    let answer: SimResponse;
    const { fault, after } = this.scriptsFor(method, url.pathname);
    try {
      if (fault) {
        await this.waits.sleep(this.latencyMs + (fault.delayMs ?? 0));
        answer = fault;
      } else {
        await this.waits.sleep(this.latencyMs);
        answer = await this.handler({
          method,
          path: url.pathname,
          query: url.searchParams,
          headers,
          rawBody,
          origin,
        });
        if (after) answer = await this.applyAftermath(after, answer);
      }
    } catch (err) {
      answer = { status: 500, text: `simulator ${this.name} failed: ${String(err)}` };
    }
    entry.status = answer.status;
    if (res.destroyed) return;
    const out = answer.text ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
    const contentType =
      answer.text !== undefined ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
    res.writeHead(answer.status, {
      ...(out ? { 'content-type': contentType } : {}),
      ...answer.headers,
    });
    res.end(out);
  }

  private async applyAftermath(after: Aftermath, committed: SimResponse): Promise<SimResponse> {
    await after.run?.();
    await this.waits.sleep(after.delayMs ?? 0);
    if (after.answer) return after.answer(committed);
    if (after.status === undefined) return committed;
    return { status: after.status, body: after.body ?? { error: 'simulated failure after commit' } };
  }
}

/** Redacts credential headers, for simulators that want to log or echo headers. */
export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    out[k] = SECRET_HEADERS.has(k.toLowerCase()) ? '[redacted]' : String(v);
  }
  return out;
}

/** Body fields that carry secrets (login forms, token requests); the log keeps only their presence. */
const SECRET_FIELDS = /pass(word)?|secret|token|api[-_]?key/i;

/** The logged body: form-encoded and JSON bodies with secret fields masked. */
function redactBody(body: unknown, contentType: string | undefined): unknown {
  if (typeof body === 'string' && (contentType ?? '').includes('x-www-form-urlencoded')) {
    const form = new URLSearchParams(body);
    const out: Record<string, string> = {};
    for (const [k, v] of form) out[k] = SECRET_FIELDS.test(k) ? '[redacted]' : v;
    return out;
  }
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    return Object.fromEntries(
      Object.entries(body).map(([k, v]) => [k, SECRET_FIELDS.test(k) && typeof v === 'string' ? '[redacted]' : v]),
    );
  }
  return body;
}

function parseMaybeJson(raw: string): unknown {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}
