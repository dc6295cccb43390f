import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisServer } from '../../../test/support/start-redis.js';
import { runResponseCacheStoreContract } from '../contract/response-cache-store-contract.js';
import { createRedisClient, waitForRedis } from './create-redis-client.js';
import { createRedisResponseCacheStore } from './create-redis-response-cache-store.js';

let server: RedisServer;
beforeAll(async () => {
  server = await startRedis();
});
afterAll(() => server.close());

let suite = 0;
runResponseCacheStoreContract(
  'redis',
  async () => {
    // A prefix per test keeps tests apart without flushing the shared server.
    const redis = createRedisClient({ url: server.url, keyPrefix: `test${++suite}:` });
    await waitForRedis(redis);
    return { store: createRedisResponseCacheStore(redis), close: async () => void redis.disconnect() };
  },
  // Redis keeps its own time: a real wait past the TTL.
  { elapse: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
);

describe('createRedisResponseCacheStore', () => {
  it('clear leaves other gateways’ keys alone', async () => {
    const ours = createRedisClient({ url: server.url, keyPrefix: 'gw-a:' });
    const theirs = createRedisClient({ url: server.url, keyPrefix: 'gw-b:' });
    await Promise.all([waitForRedis(ours), waitForRedis(theirs)]);
    try {
      await createRedisResponseCacheStore(ours).set('k', 'a', 60_000);
      await createRedisResponseCacheStore(theirs).set('k', 'b', 60_000);
      await createRedisResponseCacheStore(ours).clear();
      expect(await createRedisResponseCacheStore(ours).get('k')).toBeUndefined();
      expect(await createRedisResponseCacheStore(theirs).get('k')).toBe('b');
    } finally {
      ours.disconnect();
      theirs.disconnect();
    }
  });

  it('fails fast while Redis is unreachable instead of queueing', async () => {
    const redis = createRedisClient({ url: 'redis://127.0.0.1:1', commandTimeoutInMs: 200 });
    redis.on('error', () => undefined);
    try {
      const started = Date.now();
      await expect(createRedisResponseCacheStore(redis).get('k')).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      redis.disconnect();
    }
  });
});
