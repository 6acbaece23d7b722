/**
 * What an idempotency key holds: a create under way (whose claim lasts until `leaseUntil`), or
 * the finished outcome of one.
 */
export type KeyState =
  | { state: 'pending'; fingerprint: string; leaseUntil: number }
  | { state: 'done'; fingerprint: string; outcome: string };

/** The answer to a claim: ours now, or what someone else holds. */
export type Claim = { kind: 'claimed' } | { kind: 'taken'; held: KeyState };

/**
 * Where idempotency keys live: in this process or in Redis, so that several gateway instances
 * share them. `claim` is atomic: of two concurrent claims, exactly one wins. A key stays held
 * for `ttlMs` from its claim whatever happens: a claim whose create never finished is not freed
 * when its lease ends (that create may have written), it answers "outcome unknown".
 */
export interface IdempotencyStore {
  claim(key: string, fingerprint: string, leaseMs: number, ttlMs: number): Promise<Claim>;
  /** Binds `key` to the outcome for `ttlMs`. */
  complete(key: string, fingerprint: string, outcome: string, ttlMs: number): Promise<void>;
  /** Frees a claimed key whose create is known to have written nothing. */
  release(key: string): Promise<void>;
  close(): Promise<void>;
}
