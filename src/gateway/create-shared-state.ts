import type { Redis } from 'ioredis';
import { createResponseCache, type ResponseCache } from '../cache/create-response-cache.js';
import type { ArbiterConfig } from '../config/arbiter-config.js';
import type { Clock } from '../lib/clock.js';
import type { EventBus } from '../store/event-bus.js';
import type { LimitStore } from '../store/limit-store.js';
import { createMemoryLimitStore } from '../store/memory/create-memory-limit-store.js';
import { createMemoryResponseCacheStore } from '../store/memory/create-memory-response-cache-store.js';
import type { Stores } from '../store/stores.js';
import { guardLimitStore } from './guard-limit-store.js';

/** Redis as `/ready` and `/health` report it, with the fail modes that apply while it is down. */
export interface RedisStatus {
  status: 'up' | 'down';
  limits: 'fail-closed' | 'fail-open';
  /** The cache always fails open (a miss); `off` when `CACHE_ENABLED` is off. */
  cache: 'fail-open' | 'off';
}

/** What the gateway shares with other instances, or keeps to itself when there is no Redis. */
export interface SharedState {
  /** The opened stores, with the usage port behind the Redis write buffer when that applies. */
  stores: Stores;
  /** Per-key limit counters: Redis (with the fail mode) or this process's memory. */
  limitStore: LimitStore;
  /** Messages between instances (outcomes, key changes); undefined without Redis. */
  bus?: EventBus;
  /** The response cache; undefined while `CACHE_ENABLED` is off. */
  responseCache?: ResponseCache;
  /** Undefined without Redis. */
  getRedisStatus(): RedisStatus | undefined;
  /** Moves what the usage buffer holds into the store; call after the usage recorder's last flush. */
  drain(): Promise<void>;
  /** Closes the bus and the Redis connection; call after the stores are closed. */
  close(): Promise<void>;
}

export interface SharedStateOptions {
  config: Pick<ArbiterConfig, 'redis' | 'cache' | 'storage' | 'accounting'>;
  /** The store backend as opened (memory, SQLite, PostgreSQL). */
  stores: Stores;
  clock?: Clock;
  reportError: (error: unknown, message: string) => void;
}

/**
 * Builds the state that must be shared and atomic across instances (issue "Running many instances",
 * item 2): with `REDIS_URL`, limit counters in Redis behind the configured fail mode, an event bus, the
 * response cache in Redis, and — over a SQL store only — a Redis buffer in front of the usage log with
 * one flusher at a time (with the memory store every instance has its own log, so buffering would only
 * move records between processes that cannot read each other's). Without Redis everything stays in this
 * process. Start-up waits at most 2 s for Redis; a gateway whose Redis is down still starts, applies its
 * fail modes and says so on `/ready`.
 * @example const shared = await createSharedState({ config, stores, reportError });
 */
export async function createSharedState(options: SharedStateOptions): Promise<SharedState> {
  const { config, stores, reportError } = options;
  const cacheOf = (store: Parameters<typeof createResponseCache>[0]['store']) =>
    config.cache.isEnabled
      ? createResponseCache({
          store,
          ttlInMs: config.cache.ttlInMs,
          clock: options.clock,
          onError: reportError,
        })
      : undefined;
  if (!config.redis) {
    return {
      stores,
      limitStore: createMemoryLimitStore(),
      responseCache: cacheOf(
        createMemoryResponseCacheStore({ maxBytes: config.cache.maxBytes, clock: options.clock }),
      ),
      getRedisStatus: () => undefined,
      drain: async () => undefined,
      close: async () => undefined,
    };
  }
  const { limitsFailMode } = config.redis;
  // Loaded only with REDIS_URL: the client library costs start-up time and memory a single instance
  // does not need.
  const [
    { createRedisClient, waitForRedis },
    { createRedisEventBus },
    { createRedisLimitStore },
    { createRedisResponseCacheStore },
    { createRedisUsageBuffer },
  ] = await Promise.all([
    import('../store/redis/create-redis-client.js'),
    import('../store/redis/create-redis-event-bus.js'),
    import('../store/redis/create-redis-limit-store.js'),
    import('../store/redis/create-redis-response-cache-store.js'),
    import('../store/redis/create-redis-usage-buffer.js'),
  ]);
  const redis = createRedisClient({
    url: config.redis.url,
    keyPrefix: config.redis.keyPrefix,
    // A stopped or unreachable Redis fails commands at once (no offline queue); this bounds only a Redis
    // that is connected but silent. Shorter makes a busy event loop (start-up, a burst) look like an
    // outage and refuse requests under LIMITS_FAIL_MODE=closed.
    commandTimeoutInMs: 2_000,
    onError: reportError,
  });
  await waitForRedis(redis);
  const buffer =
    config.storage.kind === 'memory'
      ? undefined
      : createRedisUsageBuffer({
          redis,
          store: stores.usage,
          clock: options.clock,
          flushIntervalInMs: config.accounting.flushIntervalInMs,
          // Short enough that a flusher killed mid-batch holds the others up briefly; a batch takes ms.
          lockTtlInMs: 5_000,
          onError: reportError,
        });
  const bus = createRedisEventBus(redis);
  return {
    stores: buffer ? { ...stores, usage: buffer } : stores,
    limitStore: guardLimitStore({
      store: createRedisLimitStore(redis),
      failMode: limitsFailMode,
      onError: reportError,
    }),
    bus,
    responseCache: cacheOf(createRedisResponseCacheStore(redis)),
    getRedisStatus: () => ({
      status: redis.status === 'ready' ? 'up' : 'down',
      limits: limitsFailMode === 'closed' ? 'fail-closed' : 'fail-open',
      cache: config.cache.isEnabled ? 'fail-open' : 'off',
    }),
    drain: async () => buffer?.close(),
    async close() {
      await bus.close();
      await quit(redis);
    },
  };
}

/** QUIT when connected (pending replies arrive first), else just drop the reconnecting socket. */
async function quit(redis: Redis): Promise<void> {
  if (redis.status !== 'ready') return redis.disconnect();
  await redis.quit().catch(() => redis.disconnect());
}
