import { z } from 'zod';
import { configSourceSchemas, sourceSchemas } from '../vendors';
import { authSchema, lockedOut } from './authSchema';
import { serverSchema } from './schema';

const idempotencySchema = z
  .strictObject({
    /** `redis://…`: keys shared by every gateway instance; omitted = kept in this process. */
    redisUrl: z.url({ protocol: /^rediss?$/ }).optional(),
    ttlSeconds: z.number().int().min(60).max(7 * 86_400).default(86_400),
  })
  .default({ ttlSeconds: 86_400 });

/** A Redis every gateway instance shares: per-principal rate limits, and idempotency keys unless `idempotency.redisUrl` names another. */
const redisSchema = z
  .strictObject({
    url: z.url({ protocol: /^rediss?$/ }).optional(),
    /** Starts every key the gateway writes, so gateways of different deployments can share one Redis. */
    keyPrefix: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1 to 64 letters, digits or . _ : -').default('crmgraph:'),
  })
  .default({ keyPrefix: 'crmgraph:' });

/**
 * Source ids appear in global ids and inputs, so two sources may not share one. Takes any
 * document, so the check can also run while other keys are still wrong (zod runs refinements
 * only on valid data).
 */
export function duplicateSourceIds(document: unknown): Array<{ path: [string, number, string]; message: string }> {
  const sources = (document as { sources?: unknown } | null)?.sources;
  if (!Array.isArray(sources)) return [];
  const first = new Map<string, number>();
  return sources.flatMap((s: unknown, i) => {
    const id = (s as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return [];
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, i);
      return [];
    }
    return [{ path: ['sources', i, 'id'] as [string, number, string], message: `duplicate source id (sources[${earlier}] has the same)` }];
  });
}

function crossChecks(config: unknown, ctx: z.RefinementCtx): void {
  for (const issue of [...duplicateSourceIds(config), ...lockedOut(config)]) ctx.addIssue({ code: 'custom', ...issue });
}

const sharedShape = {
  server: serverSchema.default(serverSchema.parse({})),
  idempotency: idempotencySchema,
  auth: authSchema.default({ mode: 'required', apiKeys: [] }),
  redis: redisSchema,
};

/** What the gateway runs with: every source names its endpoint and credentials. */
export const gatewayConfigSchema = z
  .strictObject({
    ...sharedShape,
    sources: z.array(z.discriminatedUnion('vendor', sourceSchemas)).min(1, 'must list at least one source'),
  })
  .superRefine(crossChecks);

/**
 * What a config file (or the built-in demo config) says: like the gateway's config, except that
 * a source may be `"simulator": true`, to be filled in when its simulator has started.
 */
export const configDocumentSchema = z
  .strictObject({
    ...sharedShape,
    sources: z.array(z.discriminatedUnion('vendor', configSourceSchemas)).min(1, 'must list at least one source'),
  })
  .superRefine(crossChecks);

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
export type ConfigDocument = z.infer<typeof configDocumentSchema>;
export type ConfigDocumentSource = ConfigDocument['sources'][number];
export type SimulatedSource = Extract<ConfigDocumentSource, { simulator: true }>;

export function isSimulated(source: ConfigDocumentSource): source is SimulatedSource {
  return source.simulator === true;
}

/**
 * The gateway's config from a validated document whose simulated sources have been given what
 * their simulators supply (`filled`, by source index). Re-validating is what turns the document's
 * source union into the connectors' own types; it fails only if a simulator supplied a bad key.
 */
export function toGatewayConfig(
  document: ConfigDocument,
  filled: ReadonlyMap<number, Record<string, unknown>> = new Map(),
): GatewayConfig {
  const sources = document.sources.map((source, i) => {
    const { simulator: _simulator, ...rest } = source;
    return { ...rest, ...filled.get(i) };
  });
  return gatewayConfigSchema.parse({ ...document, sources });
}
