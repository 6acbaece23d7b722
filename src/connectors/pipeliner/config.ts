import { z } from 'zod';
import { undocumentedRateLimits } from '../kit/budget';
import { sourceBaseSchema } from '../kit/sourceConfig';

/**
 * A Pipeliner source. `baseUrl` is the service URL shown under "Show API Access" (e.g.
 * `https://eu-central.api.pipelinersales.com`); the key pair is the application's API
 * username and password (vendor notes §1).
 */
export const pipelinerSourceSchema = sourceBaseSchema.extend({
  vendor: z.literal('pipeliner'),
  spaceId: z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be the space id shown under API Access'),
  credentials: z.strictObject({
    username: z.string().min(1, 'is empty'),
    password: z.string().min(1, 'is empty'),
  }),
  options: z
    .strictObject({
      /**
       * Owner of created records when the input names none; else the first active client.
       * Pipeliner ids are UUID-shaped without RFC 9562's version digit (system clients are
       * `00000000-0000-0000-0000-000000008e97`, vendor notes §3), so the check is the shape only.
       */
      defaultOwnerId: z.guid().optional(),
      /** Pipeline of created opportunities when the input names none; else the first pipeline. */
      defaultPipelineId: z.guid().optional(),
      /** Concurrent single-record reads when resolving many ids (Pipeliner has no batch read). */
      readConcurrency: z.number().int().min(1).max(32).default(8),
      /** Pipeliner documents no request limits: none unless configured (then shared across instances). */
      rateLimits: undocumentedRateLimits,
    })
    .prefault({}),
});

export type PipelinerSourceConfig = z.infer<typeof pipelinerSourceSchema>;
