import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { systemClock, type Clock } from '../../lib/clock.js';
import type { UsageRecord, UsageStore } from '../usage-store.js';

const LIST = 'usage:buffer';
const LOCK = 'usage:flusher';

/** Deletes the lock only if this instance still holds it. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export interface RedisUsageBufferOptions {
  redis: Redis;
  /** Where records end up: the SQL store every instance shares. */
  store: UsageStore;
  clock?: Clock;
  /** How often each instance tries to become the flusher. Default 1000 ms. */
  flushIntervalInMs?: number;
  /** Records moved per transaction. Default 500. */
  batchSize?: number;
  /** A flusher that died keeps the lock at most this long. Default 15 s. */
  lockTtlInMs?: number;
  onError?: (error: unknown, message: string) => void;
}

export interface RedisUsageBuffer extends UsageStore {
  /** Drains the shared buffer into the store, if no other instance is doing it; resolves when done. */
  drain(): Promise<void>;
  /** Stops the timer after a last drain. */
  close(): Promise<void>;
}

/**
 * The usage log's write buffer for many instances: each instance appends its batches to one Redis list
 * (fast, no database connection per write), and one flusher at a time — whoever holds a short Redis lock
 * — moves them into the SQL store in batches. A batch leaves the list only after the store has it, and
 * the store ignores request ids it already has, so a flusher killed mid-batch loses nothing: the next one
 * writes the batch again. While Redis is unreachable appends go straight to the store. Reads go to the
 * store (what is still buffered shows up within a flush interval).
 * @example const usage = createRedisUsageBuffer({ redis, store: sqlStores.usage });
 */
export function createRedisUsageBuffer(options: RedisUsageBufferOptions): RedisUsageBuffer {
  const { redis, store } = options;
  const clock = options.clock ?? systemClock;
  const intervalInMs = options.flushIntervalInMs ?? 1000;
  const batchSize = options.batchSize ?? 500;
  const lockTtlInMs = options.lockTtlInMs ?? 15_000;
  const report = options.onError ?? (() => undefined);
  const token = randomUUID();
  const stopped = new AbortController();
  let draining: Promise<void> | undefined;

  async function drainOnce(): Promise<void> {
    const acquired = await redis.set(LOCK, token, 'PX', lockTtlInMs, 'NX');
    if (acquired !== 'OK') return;
    try {
      for (;;) {
        const texts = await redis.lrange(LIST, 0, batchSize - 1);
        if (texts.length === 0) return;
        await store.append(texts.map((text) => JSON.parse(text) as UsageRecord));
        await redis.ltrim(LIST, texts.length, -1);
        // Still ours for the next batch: a long drain keeps the lock alive.
        await redis.pexpire(LOCK, lockTtlInMs);
      }
    } finally {
      await redis.eval(RELEASE, 1, LOCK, token);
    }
  }

  function drain(): Promise<void> {
    draining ??= drainOnce()
      .catch((error: unknown) => report(error, 'moving buffered usage records to the store failed; retrying'))
      .finally(() => {
        draining = undefined;
      });
    return draining;
  }

  void (async () => {
    while (!stopped.signal.aborted) {
      try {
        await clock.sleep(intervalInMs, stopped.signal);
      } catch {
        return;
      }
      await drain();
    }
  })();

  return {
    async append(records) {
      if (records.length === 0) return;
      try {
        await redis.rpush(LIST, ...records.map((record) => JSON.stringify(record)));
      } catch (error) {
        report(error, `Redis is unreachable; writing ${records.length} usage records to the store directly`);
        await store.append(records);
      }
    },
    aggregate: (groupBy, filter) => store.aggregate(groupBy, filter),
    list: (filter) => store.list(filter),
    get: async (requestId) => store.get(requestId),
    timeseries: (query) => store.timeseries(query),
    drain,
    async close() {
      stopped.abort();
      await drain();
    },
  };
}
