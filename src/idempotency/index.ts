export { MemoryIdempotencyStore } from './store';
export { RedisIdempotencyStore } from './redisStore';
