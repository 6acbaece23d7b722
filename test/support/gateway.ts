import pino from 'pino';
import { authSchema } from '../../src/config/authSchema';
import { serverSchema } from '../../src/config/schema';
import type { Connector } from '../../src/core/connector';
import { startDemo, type Demo } from '../../src/demo';
import { createGateway, type ExecuteResult, type Gateway } from '../../src/server';

/**
 * A gateway over the given connectors, silent, for in-process GraphQL tests:
 * `const gw = await testGateway([connector]); const r = await gw.execute(query, vars)`.
 */
export async function testGateway(
  connectors: Connector[],
  server: Record<string, unknown> = {},
  idempotency: { redisUrl?: string; ttlSeconds?: number } = {},
): Promise<Gateway> {
  return createGateway({
    config: {
      server: serverSchema.parse({ logLevel: 'silent', ...server }),
      idempotency: { ttlSeconds: 86_400, ...idempotency },
      // Open: these suites are not about access (test/auth is).
      auth: authSchema.parse({ mode: 'none' }),
      redis: { keyPrefix: 'crmgraph:' },
      sources: [],
    },
    logger: pino({ level: 'silent' }),
    connectors,
  });
}

/** Vendor requests an operation cost, from the gateway's own counter (`extensions.vendorRequests`). */
export function vendorRequests(result: ExecuteResult, source?: string): number {
  const counts = result.extensions?.['vendorRequests'] as { total: number; bySource: Record<string, number> } | undefined;
  if (!counts) throw new Error('response has no vendorRequests extension');
  return source ? (counts.bySource[source] ?? 0) : counts.total;
}

/** The data of a result that must have no errors; fails the test with the errors otherwise. */
export function dataOf<T = Record<string, any>>(result: ExecuteResult): T {
  if (result.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(result.errors, null, 2)}`);
  return result.data as T;
}

/**
 * A silent gateway over a fresh demo (the four seeded simulators, Cin7's pacing off so suites
 * stay fast); `server` overrides demo settings. Stop both: `gateway.stop()`, `demo.stop()`.
 */
export async function demoGateway(server: Record<string, unknown> = {}): Promise<{ demo: Demo; gateway: Gateway }> {
  const demo = await startDemo({ cin7RateLimits: false });
  const gateway = await createGateway({
    config: { ...demo.config, server: { ...demo.config.server, logLevel: 'silent', ...server } },
    logger: pino({ level: 'silent' }),
  });
  return { demo, gateway };
}
