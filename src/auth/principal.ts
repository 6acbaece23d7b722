/**
 * What a principal may do: run queries (`read`), run creates and updates that write (`write`),
 * run deletes that remove (`delete`; `write` does not include it), read `remoteData` (`raw`).
 */
export type Scope = 'read' | 'write' | 'delete' | 'raw';

export const ALL_SCOPES: readonly Scope[] = ['read', 'write', 'delete', 'raw'];

/** Who sent a request, as the edge established it; one per request. */
export interface Principal {
  /** Stable id for logs, rate limits and idempotency scoping (an API key's `id`, a JWT's `sub`). */
  readonly id: string;
  readonly kind: 'apiKey' | 'jwt' | 'anonymous';
  readonly scopes: ReadonlySet<Scope>;
  /** Source ids it may use; null = every configured source. */
  readonly sources: ReadonlySet<string> | null;
  /** Its budget, with the config key that sets it (named in refusals); absent = unlimited. */
  readonly rateLimit?: PrincipalRateLimit;
}

export interface PrincipalRateLimit {
  readonly requestsPerSecond?: number;
  readonly costPerMinute?: number;
  /** `auth.apiKeys[2].rateLimit`, `auth.jwt.rateLimit` or `auth.rateLimit`. */
  readonly configKey: string;
}

/** The principal of an open gateway (`auth.mode: "none"`): every scope, every source. */
export const ANONYMOUS: Principal = {
  id: 'anonymous',
  kind: 'anonymous',
  scopes: new Set(ALL_SCOPES),
  sources: null,
};
