import { afterAll, beforeAll } from 'vitest';
import { startRedis, type RedisServer } from '../../../test/support/start-redis.js';
import { runEventBusContract } from '../contract/event-bus-contract.js';
import { createRedisClient, waitForRedis } from './create-redis-client.js';
import { createRedisEventBus } from './create-redis-event-bus.js';

let server: RedisServer;
beforeAll(async () => {
  server = await startRedis();
});
afterAll(() => server.close());

runEventBusContract('redis', async () => {
  // Every bus shares the prefix, as the instances of one gateway do; each test's buses close after it.
  const redis = createRedisClient({ url: server.url, keyPrefix: 'bus:' });
  await waitForRedis(redis);
  const bus = createRedisEventBus(redis);
  return {
    store: bus,
    close: async () => {
      await bus.close();
      redis.disconnect();
    },
  };
});
