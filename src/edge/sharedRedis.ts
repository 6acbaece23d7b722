import Redis from 'ioredis';

/**
 * The gateway's client for state shared with other instances. Commands fail fast while Redis is
 * away (no offline queue), so whoever asks falls back at once instead of waiting on a reconnect.
 */
export function connectShared(url: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: 1000 });
  // A lost connection is reported by whoever needs Redis (once), not as an unhandled error.
  redis.on('error', () => undefined);
  return redis;
}
