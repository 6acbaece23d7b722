import { z } from 'zod';
import { sourceSchemas } from '../connectors/registry';
import { serverSchema } from './schema';

export const gatewayConfigSchema = z
  .strictObject({
    server: serverSchema.default(serverSchema.parse({})),
    idempotency: z
      .strictObject({
        /** `redis://…`: keys shared by every gateway instance; omitted = kept in this process. */
        redisUrl: z.url({ protocol: /^rediss?$/ }).optional(),
        ttlSeconds: z.number().int().min(60).max(7 * 86_400).default(86_400),
      })
      .default({ ttlSeconds: 86_400 }),
    sources: z.array(z.discriminatedUnion('vendor', sourceSchemas)).min(1, 'must list at least one source'),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.sources.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sources', i, 'id'], message: `duplicate source id "${s.id}"` });
      seen.add(s.id);
    });
  });

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
