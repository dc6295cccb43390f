import type { Redis } from 'ioredis';
import type { ResponseCacheStore } from '../response-cache-store.js';

const PREFIX = 'cache:';

/**
 * The response cache in Redis, shared by every instance: `SET key value PX ttl`, so Redis expires entries
 * itself, and `clear` removes this gateway's entries only (SCAN over the prefix, never FLUSHDB).
 * @example const store = createRedisResponseCacheStore(createRedisClient({ url }));
 */
export function createRedisResponseCacheStore(redis: Redis): ResponseCacheStore {
  return {
    async get(key) {
      return (await redis.get(PREFIX + key)) ?? undefined;
    },
    async set(key, value, ttlInMs) {
      if (ttlInMs <= 0) return;
      await redis.set(PREFIX + key, value, 'PX', Math.ceil(ttlInMs));
    },
    async clear() {
      // SCAN matches raw keys, so the client's own prefix must be part of the pattern; UNLINK adds it back.
      const clientPrefix = redis.options.keyPrefix ?? '';
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${clientPrefix}${PREFIX}*`, 'COUNT', 500);
        cursor = next;
        if (keys.length > 0) await redis.unlink(...keys.map((key) => key.slice(clientPrefix.length)));
      } while (cursor !== '0');
    },
  };
}
