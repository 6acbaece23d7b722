import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Server as NetServer, type AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import compression from 'compression';
import { OperationTypeNode, type GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { Authenticator } from './auth/authenticator';
import { ANONYMOUS, type Principal } from './auth/principal';
import { PrincipalRateLimits } from './auth/rateLimits';
import { SourceViews } from './auth/sourceView';
import type { GatewayConfig } from './config';
import { createConnector } from './vendors';
import type { Connector } from './core/connector';
import { SourceRegistry } from './core/sources';
import { BodyRefused, lingerThenClose, readBody } from './edge/body';
import { corsMiddleware, type Middleware } from './edge/cors';
import { Lifecycle } from './edge/lifecycle';
import { opsEndpoints, type Listener } from './edge/opsEndpoints';
import { SourceStates } from './edge/readiness';
import { sendRateLimited, sendUnauthenticated } from './edge/refusals';
import { sendError, sendJson } from './edge/respond';
import { forbiddenFor, scopeFor } from './graphql/access';
import type { AuditSink } from './graphql/audit';
import { createContext, type GatewayContext } from './graphql/context';
import { formatGatewayError } from './graphql/errors';
import { budgetExceeded, costLimitPlugin, DocumentPrecheck, refusalJson } from './graphql/limits';
import { fragmentsOf } from './graphql/limits/shape';
import { operationLogPlugin } from './graphql/operationLog';
import { gatewayResponsePlugin } from './graphql/plugins';
import { requestIdFrom } from './graphql/requestId';
import { buildSchema } from './graphql/schema';
import { createPlayground } from './playground';
import { exampleOperations } from './playground/examples';
import type { ExampleOperation } from './playground/types';
import { SDL_HEADERS, SDL_PATH, schemaSdl } from './playground/sdl';
import { CursorCodec } from './core/paging';
import { GatewayResources } from './core/resources';
import { connectShared } from './edge/sharedRedis';
import { KeyedWrites } from './core/write';
import { MemoryIdempotencyStore, RedisIdempotencyStore } from './idempotency';
import { GatewayMetrics } from './metrics';
import { createTelemetry, logVendorCall, operationTracePlugin, type TelemetryOptions } from './telemetry';

export interface GatewayOptions {
  config: GatewayConfig;
  logger: Logger;
  /** Connectors to serve instead of building them from `config.sources` (tests). */
  connectors?: Connector[];
  /** Where spans go instead of `server.telemetry` (tests inject an in-memory exporter). */
  telemetry?: TelemetryOptions;
  /** Demo mode (every source simulated and seeded): the playground's examples may name seeded records. */
  demo?: boolean;
}

export interface Gateway {
  /** The GraphQL endpoint, once listening. */
  readonly url: string;
  readonly apollo: ApolloServer<GatewayContext>;
  readonly sources: SourceRegistry;
  listen(port?: number, host?: string): Promise<string>;
  /** The ops listener's base URL (`server.ops.port`), once listening; '' when there is none. */
  readonly opsUrl: string;
  /**
   * Runs one operation in-process (tests, scripts), with a fresh context like any request, as
   * `principal` (default: the anonymous principal of an open gateway, every scope and source).
   */
  execute(query: string, variables?: Record<string, unknown>, principal?: Principal): Promise<ExecuteResult>;
  /**
   * A graceful stop: readiness turns false, the listener takes no new connections, operations
   * in flight get up to `graceMs` (default `server.shutdownGraceMs`) to finish, then every
   * connection, pool and store closes. Resolves true when nothing had to be cut off.
   */
  shutdown(graceMs?: number): Promise<boolean>;
  /** Stops at once (open operations are cut off). */
  stop(): Promise<void>;
}

export interface ExecuteResult {
  data?: Record<string, unknown> | null;
  errors?: ReadonlyArray<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
}

/**
 * The composition root: connectors from the config, Apollo Server over the unified schema, and
 * one node:http server — CORS and compression in front of `/graphql` (playground on GET from a
 * browser), `/healthz` (liveness), `/readyz` (readiness) and `/metrics`.
 */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const { config, logger } = options;
  const server = config.server;
  const metrics = new GatewayMetrics();
  const telemetry = createTelemetry(server.telemetry, options.telemetry);
  const states = new SourceStates(options.connectors?.map((c) => c.id) ?? config.sources.map((s) => s.id));
  // One Redis for what every instance shares across sources (vendor budgets), when configured.
  const sharedRedisUrl = config.redis.url ?? config.idempotency.redisUrl;
  const sharedRedis = sharedRedisUrl ? connectShared(sharedRedisUrl) : null;
  const resources = new GatewayResources({
    redis: sharedRedis,
    keyPrefix: config.redis.keyPrefix,
    onSharedState: (state, what) =>
      state === 'lost'
        ? logger.warn({ what }, 'Redis unreachable: this instance keeps to its own share until it is back')
        : logger.info({ what }, 'Redis reachable again: shared again with every instance'),
  });
  const sources = new SourceRegistry(
    options.connectors ??
      config.sources.map((s) =>
        createConnector(
          s,
          (event) => {
            metrics.observeVendorCall(event);
            states.observe(event);
            logVendorCall(logger, event);
          },
          resources,
        ),
      ),
  );
  const cursors = server.cursorSecret ? new CursorCodec(Buffer.from(server.cursorSecret, 'utf8')) : CursorCodec.ephemeral();
  if (!server.cursorSecret && !options.demo && config.sources.length > 0) {
    logger.warn('server.cursorSecret is not set: list cursors are valid only on this instance');
  }
  // One line per write, under its own message so an audit trail can be filtered out of the log.
  const audit: AuditSink = (event) => logger.info(event, 'write');
  const idempotencyRedis = config.idempotency.redisUrl ?? config.redis.url;
  const idempotency = new KeyedWrites(
    idempotencyRedis ? new RedisIdempotencyStore(idempotencyRedis, `${config.redis.keyPrefix}idem:`) : new MemoryIdempotencyStore(),
    // A create lasts at most one operation; a claim older than that did not finish.
    { ttlMs: config.idempotency.ttlSeconds * 1000, leaseMs: config.server.limits.operationTimeoutMs + 30_000, waitMs: 60_000 },
  );
  const views = new SourceViews(sources);
  const authenticator = new Authenticator(config.auth);
  const rateLimits = new PrincipalRateLimits({
    redisUrl: config.redis.url ?? config.idempotency.redisUrl,
    keyPrefix: config.redis.keyPrefix,
    onStoreError: (err) => logger.warn({ err }, 'rate limit store failed; counting in this instance'),
  });
  await rateLimits.start();
  const schema = buildSchema();
  const apollo = new ApolloServer<GatewayContext>({
    schema,
    introspection: server.introspection,
    includeStacktraceInErrorResponses: false,
    // Compact JSON: Apollo's default indents every answer, which costs CPU and bytes for no client.
    stringifyResult: (result) => JSON.stringify(result),
    // Shutdown is ours (drain, then stop), not Apollo's own signal handler.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) =>
      formatGatewayError(formatted, error, {
        debug: server.debug,
        logInternal: (err) => logger.error({ err }, 'internal error'),
      }),
    plugins: [
      // Scopes, then the cost limit, then the principal's cost budget: all before any resolver runs.
      costLimitPlugin(server.limits, {
        authorizeFn: ({ operation, document, schema: s, request, contextValue }) =>
          operation
            ? forbiddenFor(
                contextValue.principal,
                scopeFor({ schema: s, operation, fragments: fragmentsOf(document), variables: request.variables ?? {} }),
                operation.operation === OperationTypeNode.MUTATION,
              )
            : null,
        chargeFn: async (context, cost) => {
          const refusal = await rateLimits.chargeCost(context.principal, cost);
          if (!refusal) return null;
          logger.warn(
            { requestId: context.requestId, principal: context.principal.id, errorCodes: ['LIMIT_EXCEEDED'], limit: refusal.limit, httpStatus: 429 },
            'request refused',
          );
          return budgetExceeded(refusal);
        },
      }),
      gatewayResponsePlugin({ debug: server.debug, exposeVendorRequests: server.exposeVendorRequests }),
      // After the response plugin: they log and trace partial errors and the cost it added.
      operationLogPlugin(logger, { principalOf: (context) => context.principal.id }),
      operationTracePlugin(telemetry),
      metrics.apolloPlugin(),
      // The playground is ours (src/playground), answered before a request reaches Apollo.
      ApolloServerPluginLandingPageDisabled(),
      // No field sets cache hints and no answer is cached by Apollo: its per-field hook is pure cost.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();
  if (!authenticator.required) {
    logger.warn({ auth: 'none' }, 'auth.mode is "none": anyone who reaches this gateway can read and write every source');
  } else if (server.ops.tokenSha256 === undefined && server.ops.port === undefined) {
    logger.warn('/metrics and the /readyz detail are open on the main listener: set server.ops.tokenSha256 or server.ops.port');
  }
  // Examples follow the sources the asking principal sees (none before it authenticates), made
  // once per view: the configured sources do not change while the gateway runs.
  const examplesByView = new WeakMap<SourceRegistry, ExampleOperation[]>();
  const nothing = new SourceRegistry([]);
  const examplesFor = async (req: IncomingMessage): Promise<ExampleOperation[]> => {
    const auth = await authenticator.authenticate(req.headers);
    const view = auth.ok ? views.for(auth.principal) : nothing;
    let list = examplesByView.get(view);
    if (!list) examplesByView.set(view, (list = exampleOperations(view.all(), { demo: options.demo ?? false })));
    return list;
  };
  const playground = createPlayground({ enabled: server.playground, logger, examples: examplesFor });

  const precheck = new DocumentPrecheck(server.limits);
  // A refused document reached no vendor; its answer says so like every other answer.
  const refused = (error: GraphQLError): ExecuteResult => ({
    errors: [refusalJson(error)],
    ...(server.exposeVendorRequests ? { extensions: { vendorRequests: { total: 0, bySource: {} } } } : {}),
  });
  const lifecycle = new Lifecycle();
  const ops = opsEndpoints({ ops: server.ops, metrics, lifecycle, states });
  const cors = corsMiddleware(server.cors);
  const compress = server.compression ? (compression() as Middleware) : null;
  let http: Server | null = null;
  let opsHttp: Server | null = null;
  let url = '';
  let opsUrl = '';

  /** The principal of a request, or null once it has been answered 401 (logged, never the credential). */
  const authenticate = async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<Principal | null> => {
    const auth = await authenticator.authenticate(req.headers);
    if (auth.ok) return auth.principal;
    logger.warn({ requestId, errorCodes: ['UNAUTHENTICATED'], presented: auth.presented, reason: auth.reason, httpStatus: auth.status }, 'request refused');
    sendUnauthenticated(res, auth);
    return null;
  };

  const graphql = async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
    let body = '';
    try {
      if (req.method === 'POST') body = await readBody(req, server.limits.bodyBytes, server.limits.bodyTimeoutMs);
    } catch (err) {
      if (!(err instanceof BodyRefused)) throw err;
      // The rest of the body is not read: the connection goes once the answer is out.
      logger.warn({ requestId, errorCodes: ['LIMIT_EXCEEDED'], limit: `server.limits.${err.limit}`, httpStatus: err.status }, 'request refused');
      sendError(res, err.status, 'LIMIT_EXCEEDED', err.message, { limit: `server.limits.${err.limit}`, limitValue: err.limitValue }, { connection: 'close' });
      // A body refused by its declared length was never read: the client awaits the answer. One
      // cut off mid-stream is still being sent: read a bounded rest so the answer is seen.
      if (req.headers['content-length'] === undefined) lingerThenClose(req, server.limits.bodyBytes, LINGER_MS);
      return;
    }
    // Who asks, and within its budget, before the body is parsed or anything reaches Apollo.
    const principal = await authenticate(req, res, requestId);
    if (!principal) return;
    const overRate = await rateLimits.admitRequest(principal);
    if (overRate) {
      logger.warn({ requestId, principal: principal.id, errorCodes: ['LIMIT_EXCEEDED'], limit: overRate.limit, httpStatus: 429 }, 'request refused');
      return sendRateLimited(res, overRate);
    }
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    let parsed: unknown = body;
    if (req.method === 'POST' && (headers.get('content-type') ?? '').includes('json')) {
      try {
        parsed = body ? (JSON.parse(body) as unknown) : {};
      } catch {
        return sendError(res, 400, 'BAD_USER_INPUT', 'Request body is not valid JSON');
      }
    }
    const search = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const { query, operationName } = graphqlParams(parsed, search);
    const refusal = query === null ? null : precheck.check(query, operationName);
    if (refusal) {
      // Refused before Apollo, so no operation line: this one says what was refused, never the document.
      logger.warn({ requestId, principal: principal.id, errorCodes: ['LIMIT_EXCEEDED'], limit: refusal.extensions['limit'] }, 'request refused');
      const strict = (headers.get('accept') ?? '').includes('application/graphql-response+json');
      return sendJson(res, strict ? 400 : 200, refused(refusal), strict ? { 'content-type': 'application/graphql-response+json; charset=utf-8' } : {});
    }
    const request: HTTPGraphQLRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      headers,
      search: search.toString(),
      body: parsed,
    };
    // One deadline for the whole operation; a client that hangs up ends it too.
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new DOMException('operation deadline passed', 'TimeoutError')),
      server.limits.operationTimeoutMs,
    );
    res.once('close', () => {
      clearTimeout(timer);
      if (!res.writableFinished) deadline.abort(new DOMException('client went away', 'AbortError'));
    });
    try {
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: request,
        context: () => Promise.resolve(createContext(views.for(principal), idempotency, { requestId, signal: deadline.signal, principal, audit, cursors })),
      });
      const outHeaders: Record<string, string> = {};
      for (const [k, v] of response.headers) outHeaders[k] = v;
      res.writeHead(legacyStatus(response.status ?? 200, outHeaders['content-type'], parsed !== body), outHeaders);
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } finally {
      clearTimeout(timer);
    }
  };

  const route = async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
    // A browser's GET of /graphql (the IDE, or how to switch it on) and the IDE's files under /graphql/ide/.
    if (await playground.handle(req, res)) return;
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (await ops.handle(path, req, res, 'main')) return;
    switch (path) {
      case '/graphql': {
        const end = lifecycle.begin();
        res.once('close', end);
        return graphql(req, res, requestId);
      }
      case SDL_PATH:
        // The SDL says what introspection says: served exactly when introspection is on.
        if (!server.introspection) return sendJson(res, 404, { error: 'not found; the API is at /graphql' });
        // Whoever may not introspect (no credential) may not download the SDL either.
        if (!(await authenticate(req, res, requestId))) return;
        res.writeHead(200, SDL_HEADERS).end(schemaSdl(schema));
        return;
      case '/':
        res.writeHead(302, { location: '/graphql' }).end();
        return;
      default:
        return sendJson(res, 404, { error: 'not found; the API is at /graphql' });
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const requestId = requestIdFrom(req.headers);
    res.setHeader('x-request-id', requestId);
    // While draining, every answer closes its connection, so keep-alive clients move on.
    if (lifecycle.phase === 'draining') res.setHeader('connection', 'close');
    // Only a browser sends Origin, and only an accepting client gets compression: the rest skip
    // both, yet their answers still say what they vary by, so a shared cache keeps them apart.
    if (req.headers.origin !== undefined) {
      if (!(await passes(cors, req, res))) return;
    } else if (server.cors.origins.length > 0) {
      res.setHeader('vary', 'Origin');
    }
    if (compress && ACCEPTS_COMPRESSION.test(req.headers['accept-encoding'] ?? '')) await passes(compress, req, res);
    else if (compress) res.appendHeader('vary', 'Accept-Encoding');
    await route(req, res, requestId);
  };

  /** The ops listener answers the operational endpoints only. */
  const handleOps = async (req: IncomingMessage, res: ServerResponse, listener: Listener): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (!(await ops.handle(path, req, res, listener))) sendJson(res, 404, { error: 'not found; this listener serves /healthz, /readyz and /metrics' });
  };

  const closeHttp = async (): Promise<void> => {
    if (!http) return;
    const h = http;
    http = null;
    h.closeAllConnections();
    await new Promise<void>((resolve) => h.close(() => resolve()));
  };
  const release = async (): Promise<void> => {
    lifecycle.phase = 'stopped';
    await apollo.stop();
    await telemetry.shutdown();
    await sources.close();
    await rateLimits.close();
    if (opsHttp) {
      const o = opsHttp;
      opsHttp = null;
      o.closeAllConnections();
      await new Promise<void>((resolve) => o.close(() => resolve()));
    }
    await resources.close();
    sharedRedis?.disconnect();
    await idempotency.close();
  };

  return {
    get url() {
      return url;
    },
    get opsUrl() {
      return opsUrl;
    },
    apollo,
    sources,
    async listen(port = server.port, host = server.host) {
      if (server.ops.port !== undefined && !opsHttp) {
        const o = createServer((req, res) => {
          handleOps(req, res, 'ops').catch((err: unknown) => {
            logger.error({ err }, 'request failed');
            if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'Internal error');
            else res.end();
          });
        });
        await new Promise<void>((resolve, reject) => {
          o.once('error', reject);
          o.listen(server.ops.port, server.ops.host, () => resolve());
        });
        opsHttp = o;
        const opsHost = server.ops.host.includes(':') ? `[${server.ops.host}]` : server.ops.host;
        opsUrl = `http://${opsHost}:${(o.address() as AddressInfo).port}`;
      }
      http = createServer((req, res) => {
        handle(req, res).catch((err: unknown) => {
          logger.error({ err }, 'request failed');
          if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'Internal error');
          else res.end();
        });
      });
      await new Promise<void>((resolve, reject) => {
        http!.once('error', reject);
        http!.listen(port, host, () => resolve());
      });
      lifecycle.phase = 'serving';
      const address = http.address() as AddressInfo;
      const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      url = `http://${shown}:${address.port}/graphql`;
      return url;
    },
    async execute(query, variables, principal = ANONYMOUS) {
      const refusal = precheck.check(query);
      if (refusal) return refused(refusal);
      const response = await apollo.executeOperation(
        { query, ...(variables ? { variables } : {}) },
        { contextValue: createContext(views.for(principal), idempotency, { principal, audit, cursors }) },
      );
      if (response.body.kind !== 'single') throw new Error('incremental delivery is not used by crmgraph');
      return response.body.singleResult;
    },
    async shutdown(graceMs = server.shutdownGraceMs) {
      if (lifecycle.phase === 'stopped') return true;
      lifecycle.phase = 'draining';
      let clean = true;
      if (http) {
        const h = http;
        // No new connections from here on. The listener alone closes (http.Server#close would
        // also drop idle keep-alive connections): a client already connected can still ask
        // /readyz and hear 503, and every answer now closes its connection.
        const closed = new Promise<void>((resolve) => closeListener.call(h, () => resolve()));
        clean = await lifecycle.settled(graceMs);
        if (!clean) logger.warn({ operations: lifecycle.operationsInFlight, graceMs }, 'grace period over; cutting off operations in flight');
        await closeHttp();
        await closed;
      }
      await release();
      return clean;
    },
    async stop() {
      lifecycle.phase = 'draining';
      await closeHttp();
      await release();
    },
  };
}

/** How long a refused body's rest is read before its connection closes (see lingerThenClose). */
const LINGER_MS = 500;

const ACCEPTS_COMPRESSION = /\b(gzip|br|deflate)\b/;

/** Runs a connect-style middleware; false when it answered the request itself (a CORS preflight). */
function passes(mw: Middleware, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    res.once('finish', () => resolve(false));
    mw(req, res, (err) => (err ? reject(err instanceof Error ? err : new Error('middleware failed')) : resolve(true)));
  });
}

/** net.Server#close: stops the listener only (http.Server#close also drops idle connections). */
// eslint-disable-next-line @typescript-eslint/unbound-method -- called with the server as `this`
const closeListener = NetServer.prototype.close;

/** The query text and operation name of a GraphQL-over-HTTP request (POST body or GET params). */
function graphqlParams(body: unknown, search: URLSearchParams): { query: string | null; operationName: string | null } {
  const fromBody = body && typeof body === 'object' ? (body as Record<string, unknown>) : null;
  const query = fromBody ? fromBody['query'] : search.get('query');
  const operationName = fromBody ? fromBody['operationName'] : search.get('operationName');
  return {
    query: typeof query === 'string' ? query : null,
    operationName: typeof operationName === 'string' ? operationName : null,
  };
}

/**
 * GraphQL over HTTP: a client that negotiated plain `application/json` (not
 * `application/graphql-response+json`) gets its request errors — parse, validation, variables,
 * limits — with 200, as the spec advises, since such clients may not read a 4xx body. A request
 * that is not GraphQL over HTTP at all (no JSON body) keeps its 4xx.
 */
function legacyStatus(status: number, contentType: string | undefined, jsonRequest: boolean): number {
  return jsonRequest && status === 400 && contentType?.startsWith('application/json') ? 200 : status;
}
