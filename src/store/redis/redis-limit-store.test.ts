import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisServer } from '../../../test/support/start-redis.js';
import { runLimitStoreContract } from '../contract/limit-store-contract.js';
import { createRedisClient, waitForRedis } from './create-redis-client.js';
import { createRedisLimitStore } from './create-redis-limit-store.js';

let server: RedisServer;
beforeAll(async () => {
  server = await startRedis();
});
afterAll(() => server.close());

let suite = 0;
async function openClient(prefix: string) {
  const redis = createRedisClient({ url: server.url, keyPrefix: prefix });
  await waitForRedis(redis);
  return redis;
}

runLimitStoreContract('redis', async () => {
  const redis = await openClient(`limits${++suite}:`);
  return { store: createRedisLimitStore(redis), close: async () => void redis.disconnect() };
});

describe('createRedisLimitStore', () => {
  it('is exact across instances: three clients, 300 concurrent reservations, a limit of 60', async () => {
    const clients = await Promise.all([1, 2, 3].map(() => openClient('shared-limits:')));
    try {
      const stores = clients.map((client) => createRedisLimitStore(client));
      const now = Date.parse('2026-03-10T14:00:00Z');
      const results = await Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          stores[i % 3]!.reserve([{ key: 'key_x/requests', window: 'hour', amount: 1, limit: 60 }], now),
        ),
      );
      expect(results.filter((result) => result.isAllowed)).toHaveLength(60);
      expect(await stores[0]!.read('key_x/requests', 'hour', now)).toBe(60);
    } finally {
      for (const client of clients) client.disconnect();
    }
  });

  it('lets a counter expire shortly after its window ends', async () => {
    const redis = await openClient('ttl-limits:');
    try {
      const now = Date.now();
      await createRedisLimitStore(redis).reserve([{ key: 'k', window: 'hour', amount: 1, limit: 5 }], now);
      const [key] = await redis.keys('ttl-limits:limit:hour:*');
      const ttl = await redis.pttl(key!.slice('ttl-limits:'.length));
      const end = Math.floor(now / 3_600_000) * 3_600_000 + 3_600_000;
      expect(ttl).toBeGreaterThan(end - now);
      expect(ttl).toBeLessThanOrEqual(end - now + 60_000);
    } finally {
      redis.disconnect();
    }
  });
});
