export { MemoryIdempotencyStore, type IdempotencyStore, type Claim, type KeyState } from './store';
export { RedisIdempotencyStore } from './redisStore';
export { runIdempotent, fingerprintOf, type IdempotencyOptions, type Idempotent } from './idempotent';
