import { Redis } from 'ioredis';
import { redactUrlPassword } from '../../lib/redact-url-password.js';

export interface RedisClientOptions {
  url: string;
  /** Prepended to every key, so several gateways can share one Redis. Default `arbiter:`. */
  keyPrefix?: string;
  /** A command waits at most this long for Redis before failing (fail modes decide what then). Default 500 ms. */
  commandTimeoutInMs?: number;
  /** Told once per outage when the connection fails (ioredis would otherwise print every retry). */
  onError?: (error: unknown, message: string) => void;
}

/**
 * One ioredis connection configured to fail fast rather than queue: while Redis is unreachable commands
 * reject at once (no offline queue, one retry per request), so callers apply their fail mode (limits
 * closed, cache open) within milliseconds instead of piling requests up behind a dead socket. It keeps
 * reconnecting in the background with a capped backoff.
 * @example const redis = createRedisClient({ url: 'redis://127.0.0.1:6379' });
 */
export function createRedisClient(options: RedisClientOptions): Redis {
  const redis = new Redis(options.url, {
    keyPrefix: options.keyPrefix ?? 'arbiter:',
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: options.commandTimeoutInMs ?? 500,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(50 * 2 ** times, 2000),
  });
  let isDown = false;
  redis.on('error', (error: unknown) => {
    if (isDown) return;
    isDown = true;
    options.onError?.(error, `Redis at ${redactUrlPassword(options.url)} is unreachable; retrying`);
  });
  redis.on('ready', () => {
    isDown = false;
  });
  return redis;
}

/**
 * Resolves once the client is connected, or after `timeoutInMs` either way (returning whether it is
 * ready): start-up waits briefly for Redis, but a gateway whose Redis is down still starts and applies
 * its fail modes, reporting the outage on `/ready`.
 */
export async function waitForRedis(redis: Redis, timeoutInMs = 2000): Promise<boolean> {
  if (redis.status === 'ready') return true;
  return new Promise((resolve) => {
    const done = (isReady: boolean): void => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(isReady);
    };
    const onReady = (): void => done(true);
    const timer = setTimeout(() => done(false), timeoutInMs);
    redis.once('ready', onReady);
  });
}
