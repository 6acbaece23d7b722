import { z } from 'zod';
import { rateLimitsSchema as rateLimitsSchema_ } from '../kit/budget';
import { sourceBaseSchema } from '../kit/sourceConfig';

/** Contact types a record can be written with (vendor notes §2: the Help page lists two). */
export const CIN7_WRITABLE_TYPES = ['Customer', 'Supplier'] as const;

/**
 * The key's request budget (vendor notes §5: 3 a second, 60 a minute, 5,000 a day per API
 * connection). The connector paces itself to it; `false` turns pacing off (a simulator with
 * its limiter off, a benchmark).
 */
const rateLimitsSchema = rateLimitsSchema_({ perSecond: 3, perMinute: 60, perDay: 5000 });

/**
 * A Cin7 Omni source. `baseUrl` is the API base, `https://api.cin7.com/api` for every account
 * (vendor notes §1); resources are below it at `/v1/…`. Credentials are the account's API
 * Username and one API connection's key (HTTP Basic).
 */
export const cin7SourceSchema = sourceBaseSchema.extend({
  vendor: z.literal('cin7'),
  credentials: z.strictObject({
    username: z.string().min(1, 'is empty'),
    apiKey: z.string().min(1, 'is empty'),
  }),
  options: z
    .strictObject({
      /** `type` of records created for accounts (vendor notes §2: required on every record). */
      accountType: z.enum(CIN7_WRITABLE_TYPES).default('Customer'),
      /** `type` of the record created for a contact without an account. */
      contactType: z.enum(CIN7_WRITABLE_TYPES).default('Customer'),
      /** `salesPersonId` (a User id) of created records when the input names no owner; none by default. */
      defaultOwnerId: z.number().int().positive().optional(),
      /**
       * How contact filters by e-mail or name reach secondary contacts, which the vendor cannot
       * filter (vendor notes §3: top-level fields only). `scan`: read records 250 at a time and
       * match every person locally, at most `maxScanPages` requests per page of results;
       * `mainPerson`: one filtered request that matches the record's own person only.
       */
      contactSearch: z.enum(['scan', 'mainPerson']).default('scan'),
      maxScanPages: z.number().int().min(1).max(100).default(8),
      /** Account currency for quotes that carry no `currencyCode` (not exposed by the API, vendor notes §4). */
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code')
        .optional(),
      /** Quote stages in pipeline order, for stage `position` (no endpoint lists them, vendor notes §4). */
      quoteStages: z
        .array(z.string().min(1))
        .min(1)
        .default(['New', 'Awaiting Payment', 'Processing', 'On Hold', 'Dispatched', 'Declined']),
      rateLimits: z.union([z.literal(false), rateLimitsSchema]).prefault({}),
    })
    .prefault({}),
});

export type Cin7SourceConfig = z.infer<typeof cin7SourceSchema>;
export type Cin7RateLimitConfig = z.infer<typeof rateLimitsSchema>;
