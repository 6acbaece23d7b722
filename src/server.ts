import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { Logger } from 'pino';
import type { GatewayConfig } from './config';
import { createConnector } from './connectors/registry';
import type { Connector } from './core/connector';
import { SourceRegistry } from './core/sources';
import { createContext, type GatewayContext } from './graphql/context';
import { formatGatewayError } from './graphql/errors';
import { maxDepthRule } from './graphql/limits';
import { gatewayResponsePlugin } from './graphql/plugins';
import { buildSchema } from './graphql/schema';
import { MemoryIdempotencyStore, RedisIdempotencyStore } from './idempotency';
import { GatewayMetrics } from './metrics';

export interface GatewayOptions {
  config: GatewayConfig;
  logger: Logger;
  /** Connectors to serve instead of building them from `config.sources` (tests). */
  connectors?: Connector[];
}

export interface Gateway {
  /** The GraphQL endpoint, once listening. */
  readonly url: string;
  readonly apollo: ApolloServer<GatewayContext>;
  readonly sources: SourceRegistry;
  listen(port?: number, host?: string): Promise<string>;
  /** Runs one operation in-process (tests, scripts), with a fresh context like any request. */
  execute(query: string, variables?: Record<string, unknown>): Promise<ExecuteResult>;
  stop(): Promise<void>;
}

export interface ExecuteResult {
  data?: Record<string, unknown> | null;
  errors?: ReadonlyArray<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
}

/**
 * The composition root: connectors from the config, Apollo Server over the unified schema, and
 * one node:http server with `/graphql` (playground on GET from a browser), `/healthz` and
 * `/metrics`.
 */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const { config, logger } = options;
  const metrics = new GatewayMetrics();
  const sources = new SourceRegistry(
    options.connectors ?? config.sources.map((s) => createConnector(s, (event) => metrics.observeVendorCall(event))),
  );
  const server = config.server;
  const idempotency = {
    store: config.idempotency.redisUrl
      ? new RedisIdempotencyStore(config.idempotency.redisUrl)
      : new MemoryIdempotencyStore(),
    options: { ttlMs: config.idempotency.ttlSeconds * 1000, leaseMs: 120_000, waitMs: 60_000 },
  };
  const apollo = new ApolloServer<GatewayContext>({
    schema: buildSchema(),
    introspection: server.introspection,
    validationRules: [maxDepthRule(server.limits.depth)],
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) =>
      formatGatewayError(formatted, error, {
        debug: server.debug,
        logInternal: (err) => logger.error({ err }, 'internal error'),
      }),
    plugins: [
      gatewayResponsePlugin({ debug: server.debug, exposeVendorRequests: server.exposeVendorRequests }),
      metrics.apolloPlugin(),
      server.playground
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  let http: Server | null = null;
  let url = '';

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return send(res, 200, 'application/json', JSON.stringify({ status: 'ok', sources: sources.all().map((c) => c.id) }));
    if (path === '/metrics') return send(res, 200, metrics.contentType, await metrics.render());
    if (path === '/') {
      res.writeHead(302, { location: '/graphql' }).end();
      return;
    }
    if (path !== '/graphql') return send(res, 404, 'application/json', JSON.stringify({ error: 'not found; the API is at /graphql' }));
    const body = await readBody(req);
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    let parsed: unknown = body;
    if (req.method === 'POST' && (headers.get('content-type') ?? '').includes('json')) {
      try {
        parsed = body ? (JSON.parse(body) as unknown) : {};
      } catch {
        return send(res, 400, 'application/json', JSON.stringify({ errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_USER_INPUT' } }] }));
      }
    }
    const request: HTTPGraphQLRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      headers,
      search: new URL(req.url ?? '/', 'http://localhost').search,
      body: parsed,
    };
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: request,
      context: () => Promise.resolve(createContext(sources, idempotency)),
    });
    const outHeaders: Record<string, string> = {};
    for (const [k, v] of response.headers) outHeaders[k] = v;
    res.writeHead(response.status ?? 200, outHeaders);
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  return {
    get url() {
      return url;
    },
    apollo,
    sources,
    async listen(port = server.port, host = server.host) {
      http = createServer((req, res) => {
        handle(req, res).catch((err: unknown) => {
          logger.error({ err }, 'request failed');
          if (!res.headersSent) send(res, 500, 'application/json', JSON.stringify({ errors: [{ message: 'Internal error', extensions: { code: 'INTERNAL' } }] }));
          else res.end();
        });
      });
      await new Promise<void>((resolve, reject) => {
        http!.once('error', reject);
        http!.listen(port, host, () => resolve());
      });
      const address = http.address() as AddressInfo;
      const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      url = `http://${shown}:${address.port}/graphql`;
      return url;
    },
    async execute(query, variables) {
      const response = await apollo.executeOperation(
        { query, ...(variables ? { variables } : {}) },
        { contextValue: createContext(sources, idempotency) },
      );
      if (response.body.kind !== 'single') throw new Error('incremental delivery is not used by crmgraph');
      return response.body.singleResult;
    },
    async stop() {
      if (http) {
        const h = http;
        http = null;
        h.closeAllConnections();
        await new Promise<void>((resolve) => h.close(() => resolve()));
      }
      await apollo.stop();
      await sources.close();
      await idempotency.store.close();
    },
  };
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType }).end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
