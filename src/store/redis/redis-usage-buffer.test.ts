import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/support/create-fake-clock.js';
import { startRedis, type RedisServer } from '../../../test/support/start-redis.js';
import { makeUsageRecord } from '../contract/usage-record-fixture.js';
import { createMemoryStores } from '../memory/create-memory-stores.js';
import type { UsageStore } from '../usage-store.js';
import { createRedisClient, waitForRedis } from './create-redis-client.js';
import { createRedisUsageBuffer } from './create-redis-usage-buffer.js';

let server: RedisServer;
beforeAll(async () => {
  server = await startRedis();
});
afterAll(() => server.close());

let suite = 0;
async function setUp(instances: number, store: UsageStore = createMemoryStores().usage) {
  const prefix = `usage${++suite}:`;
  const clients = await Promise.all(
    Array.from({ length: instances }, async () => {
      const redis = createRedisClient({ url: server.url, keyPrefix: prefix });
      await waitForRedis(redis);
      return redis;
    }),
  );
  // A fake clock that never advances: drains happen only when a test asks.
  const clock = createFakeClock();
  const buffers = clients.map((redis) => createRedisUsageBuffer({ redis, store, clock, batchSize: 3 }));
  const close = async () => {
    await Promise.all(buffers.map((buffer) => buffer.close()));
    for (const client of clients) client.disconnect();
  };
  return { store, buffers, clients, close };
}

const records = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => makeUsageRecord({ requestId: `req_${from + i}` }));

describe('createRedisUsageBuffer', () => {
  it('collects batches from several instances and writes each record once', async () => {
    const { store, buffers, close } = await setUp(3);
    try {
      await Promise.all(buffers.map((buffer, i) => buffer.append(records(i * 10, 4))));
      expect((await store.list({ limit: 100 })).records).toHaveLength(0);
      await Promise.all(buffers.map((buffer) => buffer.drain()));
      await buffers[0]!.drain();
      const stored = (await store.list({ limit: 100 })).records.map((record) => record.requestId).sort();
      expect(stored).toEqual(
        [...records(0, 4), ...records(10, 4), ...records(20, 4)].map((r) => r.requestId).sort(),
      );
    } finally {
      await close();
    }
  });

  it('lets one flusher write at a time', async () => {
    let writing = 0;
    let mostAtOnce = 0;
    const memory = createMemoryStores().usage;
    const slowStore: UsageStore = {
      ...memory,
      async append(batch) {
        writing++;
        mostAtOnce = Math.max(mostAtOnce, writing);
        await new Promise((resolve) => setTimeout(resolve, 20));
        await memory.append(batch);
        writing--;
      },
    };
    const { buffers, close } = await setUp(3, slowStore);
    try {
      await buffers[0]!.append(records(0, 9));
      await Promise.all(buffers.map((buffer) => buffer.drain()));
      expect(mostAtOnce).toBe(1);
      await buffers[1]!.drain();
      expect((await memory.list({ limit: 100 })).records).toHaveLength(9);
    } finally {
      await close();
    }
  });

  it('loses nothing when a flusher fails between writing and trimming: the next one rewrites the batch', async () => {
    const memory = createMemoryStores().usage;
    let failAfterWrite = true;
    const store: UsageStore = {
      ...memory,
      async append(batch) {
        await memory.append(batch);
        if (failAfterWrite) {
          failAfterWrite = false;
          throw new Error('flusher died after the write');
        }
      },
    };
    const { buffers, close } = await setUp(2, store);
    try {
      await buffers[0]!.append(records(0, 3));
      await buffers[0]!.drain();
      await buffers[1]!.drain();
      expect((await memory.list({ limit: 100 })).records).toHaveLength(3);
    } finally {
      await close();
    }
  });

  it('writes straight to the store while Redis is unreachable', async () => {
    const store = createMemoryStores().usage;
    const redis = createRedisClient({ url: 'redis://127.0.0.1:1' });
    const buffer = createRedisUsageBuffer({ redis, store, clock: createFakeClock() });
    try {
      await buffer.append(records(0, 2));
      expect((await store.list({ limit: 10 })).records).toHaveLength(2);
    } finally {
      await buffer.close();
      redis.disconnect();
    }
  });
});
