import { z } from 'zod';

/**
 * Limits checked before any vendor call (DESIGN §10). Each refusal is `LIMIT_EXCEEDED` naming the
 * limit (`server.limits.<key>`) and its value.
 */
export const limitsSchema = z.strictObject({
  /** Largest request body; read as a stream and cut off past this (HTTP 413). */
  bodyBytes: z.number().int().min(1024).max(100 * 1024 * 1024).default(1024 * 1024),
  /** Time a client may take to send its whole request body (HTTP 408 after it). */
  bodyTimeoutMs: z.number().int().min(100).max(300_000).default(10_000),
  /** Most lexical tokens in one document (the parser stops at the first one past it). */
  tokens: z.number().int().min(100).max(1_000_000).default(10_000),
  /** Most aliased fields in one document (each alias written counts once). */
  aliases: z.number().int().min(0).max(10_000).default(30),
  /** Most times one field (response key) may be selected in one selection set, as written. */
  fieldRepeats: z.number().int().min(1).max(1_000).default(20),
  /** Deepest field nesting; each fragment definition is measured once. Introspection is exempt. */
  depth: z.number().int().min(2).max(50).default(12),
  /** Most vendor requests an operation is estimated to send (shown as `extensions.cost`). */
  cost: z.number().int().min(1).max(1_000_000).default(1_000),
  /** Budget of a whole operation; vendor calls still open after it are abandoned (SOURCE_TIMEOUT). */
  operationTimeoutMs: z.number().int().min(100).max(600_000).default(30_000),
});

/** Browser access from other origins. */
export const corsSchema = z.strictObject({
  /**
   * Origins allowed to call from a browser: exact (`https://app.example.com`) or with `*` for
   * one or more characters of a host or port (`http://localhost:*`, `https://*.example.com`).
   * None by default.
   */
  origins: z.array(z.string().regex(/^https?:\/\/[^\s/]+$/, 'must be an origin like https://app.example.com (scheme and host, optional port, no path)')).default([]),
  /** How long a browser may cache a preflight answer. */
  maxAgeSeconds: z.number().int().min(0).max(86_400).default(600),
});

export const telemetrySchema = z.strictObject({
  /** OTLP/HTTP traces endpoint (`http://collector:4318/v1/traces`); else `OTEL_EXPORTER_OTLP_ENDPOINT`; else nothing is exported. */
  otlpUrl: z.url({ protocol: /^https?$/ }).optional(),
  serviceName: z.string().min(1).default('crmgraph'),
});

/**
 * The operational endpoints (`/metrics`, `/readyz` with its per-source detail). Open on the
 * main listener by default, as before; `tokenSha256` makes them ask for `Authorization: Bearer
 * <token>` (the token's SHA-256 is stored, like an API key's), and `port` moves them to a
 * listener of their own (on `host`, loopback by default), off the main one.
 */
export const opsSchema = z.strictObject({
  tokenSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 as 64 lowercase hex digits (npm run auth:hash-key -- <token> prints it)')
    .optional(),
  port: z.number().int().min(0).max(65_535).optional(),
  host: z.string().min(1).default('127.0.0.1'),
});

export const serverSchema = z
  .strictObject({
    port: z.number().int().min(0).max(65_535).default(4000),
    host: z.string().default('0.0.0.0'),
    /** Adds vendor error codes and messages to client errors (never credentials). */
    debug: z.boolean().default(false),
    /** Schema introspection; off outside demo mode unless enabled. */
    introspection: z.boolean().default(false),
    /** The browser playground on GET /graphql; off outside demo mode unless enabled. */
    playground: z.boolean().default(false),
    /** Reports `extensions.vendorRequests` and `extensions.cost` on every response. */
    exposeVendorRequests: z.boolean().default(true),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    limits: limitsSchema.default(limitsSchema.parse({})),
    cors: corsSchema.default(corsSchema.parse({})),
    /** gzip / brotli answers for clients that accept them. */
    compression: z.boolean().default(true),
    /** On SIGTERM/SIGINT, how long in-flight operations may take to finish before the exit. */
    shutdownGraceMs: z.number().int().min(0).max(120_000).default(10_000),
    /**
     * Signs list cursors, so a forged one never reaches a vendor. Instances behind one load
     * balancer share it (a cursor from one is taken by the next); omitted = a random secret per
     * process, and a page-2 request that lands on another instance is refused.
     */
    cursorSecret: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)').optional(),
    telemetry: telemetrySchema.default(telemetrySchema.parse({})),
    ops: opsSchema.default(opsSchema.parse({})),
  });

export type ServerConfig = z.infer<typeof serverSchema>;
export type OpsConfig = z.infer<typeof opsSchema>;
