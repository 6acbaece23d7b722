import { z } from 'zod';

/** Settings every source has, whatever its vendor. */
export const sourceBaseSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'must be lowercase letters, digits, "-" or "_" (it appears in ids)'),
  name: z.string().min(1).optional(),
  baseUrl: z.url({ protocol: /^https?$/ }),
  /** Budget of one vendor call, retries included. */
  timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  /** Extra attempts for reads on 429, 5xx and timeouts. Creates are never retried. */
  maxRetries: z.number().int().min(0).max(5).default(2),
  retryBaseMs: z.number().int().min(1).max(10_000).default(200),
  connections: z.number().int().min(1).max(256).default(16),
});

export type SourceBaseConfig = z.infer<typeof sourceBaseSchema>;
