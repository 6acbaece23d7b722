import { z } from 'zod';
import type { UnflaggedLabel } from './entities';
import type { UndeclaredParameters } from './parameters';
import type { OversizePage } from './query';
import type { PrimaryRule } from './relations';
import type { SeedSize } from './seed';

/** Options of `createPipelinerSimulator`; every one has a demo-friendly default. */
export interface PipelinerSimulatorOptions {
  /** Seed of the demo data; same seed (and size, reference date) → byte-identical data. */
  seed?: number;
  /** How many business records to seed; any size works, including 0. */
  size?: Partial<SeedSize>;
  /** The space id in the URL (`…/rest/spaces/{spaceId}/…`). */
  spaceId?: string;
  /** The Basic-auth key pair of the space's API application. */
  username?: string;
  password?: string;
  /** What a nested relation array without exactly one `is_primary` item gets. */
  primaryRule?: PrimaryRule;
  /** What `first`/`last` above 100 get: cut to 100 (`clamp`) or a 400 (`error`). */
  oversizePage?: OversizePage;
  /**
   * What a query parameter the endpoint does not take gets (`first` on a read by id, a typo):
   * a 400 code 117 (`reject`, default) or silently dropped (`ignore`).
   */
  undeclaredParameters?: UndeclaredParameters;
  /** How an opportunity without a label flag renders it: `null` (default) or `0`. */
  unflaggedLabel?: UnflaggedLabel;
  /**
   * Extra checks run on every request the space serves, before it is served: any problem is
   * answered as a 400 code 117 naming it. Tests plug in the contract derived from the spec.
   */
  requestCheck?: RequestCheck;
  /**
   * "Today" for the seeded data (default: the current UTC day at 00:00). The simulator's clock
   * is shifted to that day, so tests with a fixed date see fixed relations to "now".
   */
  referenceDate?: Date | string;
  /** Initial latency added to every answer (the kit's `latencyMs`). */
  latencyMs?: number;
}

/** A request as `requestCheck` sees it: the body parsed as JSON (undefined when absent or not JSON). */
export interface CheckedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}
export type RequestCheck = (request: CheckedRequest) => readonly string[];

export const DEFAULT_SIZE: SeedSize = { accounts: 60, contacts: 150, opportunities: 80 };
export const DEFAULT_SEED = 100;
export const DEFAULT_SPACE_ID = 'demo_Space';
export const DEFAULT_USERNAME = 'demo_app_key';
export const DEFAULT_PASSWORD = 'demo_app_secret';

const count = z.number().int().min(0).max(1_000_000);

const schema = z.object({
  seed: z.number().int().default(DEFAULT_SEED),
  size: z
    .object({ accounts: count.optional(), contacts: count.optional(), opportunities: count.optional() })
    .default({}),
  spaceId: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/, 'spaceId may hold letters, digits, _ . - only')
    .default(DEFAULT_SPACE_ID),
  username: z.string().min(1).default(DEFAULT_USERNAME),
  password: z.string().min(1).default(DEFAULT_PASSWORD),
  primaryRule: z.enum(['reject', 'auto-clear']).default('reject'),
  oversizePage: z.enum(['clamp', 'error']).default('clamp'),
  undeclaredParameters: z.enum(['reject', 'ignore']).default('reject'),
  unflaggedLabel: z.enum(['null', 'zero']).default('null'),
  requestCheck: z.custom<RequestCheck>((v) => typeof v === 'function', 'must be a function').optional(),
  referenceDate: z.union([z.date(), z.string()]).optional(),
  latencyMs: z.number().min(0).default(0),
});

export interface ResolvedOptions {
  seed: number;
  size: SeedSize;
  spaceId: string;
  username: string;
  password: string;
  primaryRule: PrimaryRule;
  oversizePage: OversizePage;
  undeclaredParameters: UndeclaredParameters;
  unflaggedLabel: UnflaggedLabel;
  requestCheck: RequestCheck | null;
  referenceDate: Date;
  /**
   * How far the simulator's clock runs behind the wall clock (µs): the start of the current
   * UTC day minus `referenceDate`. Zero by default; with a reference date in the past, "now"
   * for writes, rate lists in force and `days_in_step` is that day at the current time of day,
   * so the data relates to "now" the same way whenever it runs.
   */
  clockOffsetMicros: number;
  latencyMs: number;
}

function startOfUtcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** Applies defaults; throws an Error naming the bad option. */
export function resolveOptions(options: PipelinerSimulatorOptions = {}): ResolvedOptions {
  const parsed = schema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `Invalid Pipeliner simulator option '${issue?.path.join('.') ?? '?'}': ${issue?.message ?? 'invalid'}`,
    );
  }
  const o = parsed.data;
  const reference = o.referenceDate === undefined ? startOfUtcDay(new Date()) : new Date(o.referenceDate);
  if (Number.isNaN(reference.getTime())) {
    throw new Error(`Invalid Pipeliner simulator option 'referenceDate': not a date`);
  }
  return {
    seed: o.seed,
    size: {
      accounts: o.size.accounts ?? DEFAULT_SIZE.accounts,
      contacts: o.size.contacts ?? DEFAULT_SIZE.contacts,
      opportunities: o.size.opportunities ?? DEFAULT_SIZE.opportunities,
    },
    spaceId: o.spaceId,
    username: o.username,
    password: o.password,
    primaryRule: o.primaryRule,
    oversizePage: o.oversizePage,
    undeclaredParameters: o.undeclaredParameters,
    unflaggedLabel: o.unflaggedLabel,
    requestCheck: o.requestCheck ?? null,
    referenceDate: reference,
    clockOffsetMicros: (startOfUtcDay(new Date()).getTime() - startOfUtcDay(reference).getTime()) * 1000,
    latencyMs: o.latencyMs,
  };
}
