import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { z } from 'zod';

/** What a principal may do (DESIGN §10): queries, creates and updates, deletes, `remoteData`. */
export const scopeSchema = z.enum(['read', 'write', 'delete', 'raw']);

/** A SHA-256 as the config stores it: 64 lowercase hex digits, never the secret itself. */
const sha256Schema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 as 64 lowercase hex digits (npm run auth:hash-key -- <key> prints it)');

/**
 * A principal's budget. Each is counted per principal over every gateway instance that shares
 * Redis (in this process without Redis); a limit left out is not enforced.
 */
export const rateLimitSchema = z.strictObject({
  /** GraphQL requests per second. */
  requestsPerSecond: z.number().int().min(1).max(1_000_000).optional(),
  /** Vendor requests per minute, as the cost estimate counts them (`extensions.cost`). */
  costPerMinute: z.number().int().min(1).max(100_000_000).optional(),
});

/** The budget of every authenticated principal that has none of its own. */
export const DEFAULT_RATE_LIMIT = { requestsPerSecond: 100, costPerMinute: 20_000 } as const;

export const apiKeySchema = z.strictObject({
  /** Names the key in logs, rate limits and idempotency scoping; never secret. */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,127}$/, 'must be letters, digits and . _ : @ - (at most 128; it appears in logs)'),
  /** The key's SHA-256 in hex: the config never holds the key. */
  sha256: sha256Schema,
  scopes: z.array(scopeSchema).min(1, 'must list at least one scope (read, write, delete, raw)'),
  /** Source ids it may use; absent = every configured source. */
  sources: z.array(z.string().min(1)).optional(),
  rateLimit: rateLimitSchema.optional(),
});

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;
const SYMMETRIC = ['HS256', 'HS384', 'HS512'] as const;
export const jwtAlgorithmSchema = z.enum([...ASYMMETRIC, ...SYMMETRIC]);

/**
 * JWTs from an identity provider. Exactly one of `jwksUrl`, `publicKey` or `secret` verifies
 * them; `issuer` and `audience` must match. Only the listed `algorithms` are accepted (default:
 * the key's own), so neither `alg: none` nor an HS token against a public key can pass.
 */
export const jwtSchema = z
  .strictObject({
    issuer: z.string().min(1),
    audience: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    /** The issuer's JWKS (`https://issuer/.well-known/jwks.json`): cached, fetched again for an unknown `kid`. */
    jwksUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** A public key as PEM (SPKI) text, or as a JWK object. */
    publicKey: z.union([z.string().min(1), z.record(z.string(), z.unknown())]).optional(),
    /** A shared HMAC secret (HS256 …), at least 32 characters; write it as `${ENV}`. */
    secret: z.string().min(32, 'must have at least 32 characters (an HMAC key shorter than its hash is weak)').optional(),
    algorithms: z.array(jwtAlgorithmSchema).min(1).optional(),
    /** Leeway for `exp` and `nbf` between the issuer's clock and ours. */
    clockSkewSeconds: z.number().int().min(0).max(300).default(30),
    /** Claim holding scopes: a space-separated string (OAuth `scope`) or a list. */
    scopesClaim: z.string().min(1).default('scope'),
    /** Claim listing the source ids the token may use; absent in a token = every source. */
    sourcesClaim: z.string().min(1).default('crmgraph_sources'),
    /** Budget of each subject (`sub`); default `auth.rateLimit`. */
    rateLimit: rateLimitSchema.optional(),
  })
  .superRefine((jwt, ctx) => {
    const keys = (['jwksUrl', 'publicKey', 'secret'] as const).filter((k) => jwt[k] !== undefined);
    if (keys.length !== 1) {
      ctx.addIssue({ code: 'custom', path: [], message: 'needs exactly one of jwksUrl, publicKey or secret' });
      return;
    }
    if (jwt.publicKey !== undefined && !isPublicKey(jwt.publicKey)) {
      ctx.addIssue({ code: 'custom', path: ['publicKey'], message: 'must be a public key as PEM (SPKI or a certificate) or as a JWK object' });
    }
    const allowed: readonly string[] = jwt.secret !== undefined ? SYMMETRIC : ASYMMETRIC;
    (jwt.algorithms ?? []).forEach((alg, i) => {
      if (!allowed.includes(alg)) {
        ctx.addIssue({
          code: 'custom',
          path: ['algorithms', i],
          message: jwt.secret !== undefined ? 'must be an HS algorithm with a shared secret' : 'must be an asymmetric algorithm with a public key or JWKS',
        });
      }
    });
  });

function isPublicKey(key: string | Record<string, unknown>): boolean {
  try {
    createPublicKey(typeof key === 'string' ? key : { key: key as JsonWebKey, format: 'jwk' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Access (DESIGN §10). `required` (the default) lets in only requests with a configured API key
 * or a valid JWT; `none` runs open, every request the same anonymous principal with every scope.
 */
export const authSchema = z.strictObject({
  mode: z.enum(['required', 'none']).default('required'),
  apiKeys: z.array(apiKeySchema).default([]),
  jwt: jwtSchema.optional(),
  /**
   * Budget of each principal without one of its own. Default when auth is required: 100
   * requests a second and 20,000 vendor requests a minute; none in mode `none` unless written
   * (every anonymous client would share it).
   */
  rateLimit: rateLimitSchema.optional(),
});

export type AuthConfig = z.infer<typeof authSchema>;
export type ApiKeyConfig = z.infer<typeof apiKeySchema>;
export type JwtConfig = z.infer<typeof jwtSchema>;
export type RateLimitConfig = z.infer<typeof rateLimitSchema>;

/**
 * A config that requires authentication but names no way to pass it would refuse every
 * request; it is refused at start instead. Takes any document, like `duplicateSourceIds`, so
 * it reports while other keys are still wrong.
 */
export function lockedOut(document: unknown): Array<{ path: string[]; message: string }> {
  if (!document || typeof document !== 'object') return [];
  const auth = (document as { auth?: unknown }).auth;
  if (auth !== undefined && (auth === null || typeof auth !== 'object')) return [];
  const a = (auth ?? {}) as { mode?: unknown; apiKeys?: unknown; jwt?: unknown };
  if (a.mode === 'none' || (a.mode !== undefined && a.mode !== 'required')) return [];
  const keys = Array.isArray(a.apiKeys) ? a.apiKeys.length : 0;
  if (keys > 0 || a.jwt !== undefined) return [];
  return [
    {
      path: ['auth'],
      message: 'requires authentication (the default) but lets no one in: list auth.apiKeys or set auth.jwt, or write "mode": "none" to run open',
    },
  ];
}
