import { z } from 'zod';
import { undocumentedRateLimits } from '../kit/budget';
import { sourceBaseSchema } from '../kit/sourceConfig';

/**
 * Login material (vendor notes §1.2): the 32-hex `client_id` LogiSense support issues, plus
 * either an API user's name and password or the client secret generated in the UI.
 */
const credentialsSchema = z
  .strictObject({
    clientId: z.string().min(1, 'is empty'),
    username: z.string().min(1, 'is empty').optional(),
    password: z.string().min(1, 'is empty').optional(),
    clientSecret: z.string().min(1, 'is empty').optional(),
  })
  .superRefine((c, ctx) => {
    const userGiven = c.username !== undefined || c.password !== undefined;
    if (c.clientSecret !== undefined) {
      if (userGiven) {
        ctx.addIssue({
          code: 'custom',
          path: ['clientSecret'],
          message: 'give username and password, or clientSecret, not both',
        });
      }
      return;
    }
    for (const key of ['username', 'password'] as const) {
      if (c[key] === undefined)
        ctx.addIssue({ code: 'custom', path: [key], message: 'is required unless clientSecret is given' });
    }
  });

/**
 * Where PATCH children go (vendor notes §3, §9 q1–q2): the public record is unsure, so these
 * follow seed 004's sample (layout) and the notes (keys) by default and can be set per tenant
 * without a code change.
 */
const patchSchema = z.strictObject({
  /**
   * `<key>.items` beside an empty `details`, as the one v6 PATCH sample has it (seed 004), or
   * `details.<key>.items` (notes §3, read from a v6 client's POST).
   */
  childrenAt: z.enum(['topLevel', 'details']).default('topLevel'),
  /** Child key of contacts under an account (notes §8 checklist; unverified). */
  accountContactsKey: z.string().min(1).default('contacts'),
  /** Child key of contact points under a contact (seed 004 Detail key). */
  contactPointsKey: z.string().min(1).default('contactPoints'),
});

/**
 * A LogiSense Billing v6 source. `baseUrl` is the tenant host (e.g.
 * `https://acme.logisensebilling.com`); the connector adds `/AuthorizationServer/api/v6/…` and
 * `/ResourceServer/api/v6/…` itself (notes §1.1: both IIS applications live on that host).
 */
export const logisenseSourceSchema = sourceBaseSchema.extend({
  vendor: z.literal('logisense'),
  credentials: credentialsSchema,
  options: z
    .strictObject({
      /**
       * ContactType (name or id) of contacts created through the gateway. Default: the first
       * type whose back-end type is "Other", the one kind an account may have several of
       * (notes §2.2: Billing and Service are once per account).
       */
      contactType: z.union([z.number().int().positive(), z.string().min(1)]).optional(),
      /** Concurrent single-record reads when resolving many ids (no batch read, notes §4). */
      readConcurrency: z.number().int().min(1).max(32).default(8),
      /** Accounts per `Account/Paged/Detail` request when walking accounts for their contacts. */
      accountPageSize: z.number().int().min(1).max(1000).default(100),
      /** Most `Account/Paged/Detail` pages one operation reads to filter contacts or find a link. */
      maxScanPages: z.number().int().min(1).max(1000).default(20),
      patch: patchSchema.prefault({}),
      /** LogiSense documents no request limits: none unless configured (then shared across instances). */
      rateLimits: undocumentedRateLimits,
    })
    .prefault({}),
});

export type LogiSenseSourceConfig = z.infer<typeof logisenseSourceSchema>;
export type LogiSensePatchLayout = z.infer<typeof patchSchema>;
