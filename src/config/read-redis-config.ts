import type { ConfigFile } from './config-file-schema.js';
import type { EnvReader } from './env-reader.js';

/** What happens to requests that need a limit check while Redis is unreachable. */
export type LimitsFailMode = 'closed' | 'open';

/** Redis for the state every instance must share (`REDIS_URL`). */
export interface RedisConfig {
  /**
   * `redis://[user:password@]host:port[/db]` or `rediss://` (TLS) — `REDIS_URL`. It may hold a password:
   * print it only through `redactUrlPassword`.
   */
  url: string;
  /** Prepended to every key and channel, so several gateways can share one Redis (`REDIS_PREFIX`). */
  keyPrefix: string;
  /**
   * `LIMITS_FAIL_MODE`: `closed` (default) refuses requests that need a limit check with 503
   * `limits_unavailable` while Redis is down, so no budget is overspent; `open` admits them unchecked
   * and logs the outage.
   */
  limitsFailMode: LimitsFailMode;
}

/** The response cache (`CACHE_ENABLED`, `CACHE_TTL`, `CACHE_MAX_MB`, `CACHE_SHARED_ACROSS_KEYS`). */
export interface CacheConfig {
  /**
   * Off by default: a cached answer replaces a fresh sample, which changes what non-deterministic
   * requests (temperature > 0) mean. Turn it on where repeated questions should get the same answer.
   */
  isEnabled: boolean;
  /** How long an answer is served from the cache (`CACHE_TTL`, seconds in the environment; default 1 h). */
  ttlInMs: number;
  /** The in-memory cache's bound (`CACHE_MAX_MB`, default 64); Redis bounds its own memory. */
  maxBytes: number;
  /** Whether one gateway key's cached answers serve other keys too (`CACHE_SHARED_ACROSS_KEYS`, default false). */
  isSharedAcrossKeys: boolean;
}

/** The settings of running many instances: Redis, the response cache and `arbiter serve`'s workers. */
export interface ScalingConfig {
  /** Absent without `REDIS_URL`: limits, breakers, statistics and the cache stay in each process. */
  redis?: RedisConfig;
  cache: CacheConfig;
  /**
   * `ARBITER_WORKERS`: processes `arbiter serve` runs on one port. Absent: one per core with Redis,
   * one without (limits, breakers and the cache would otherwise be per worker).
   */
  workers?: number;
}

const failModes: readonly LimitsFailMode[] = ['closed', 'open'];

/**
 * `REDIS_URL`, `REDIS_PREFIX`, `LIMITS_FAIL_MODE`, the `CACHE_*` variables and `ARBITER_WORKERS`, with the
 * `redis:` and `cache:` sections of the config file under them (the environment wins). A bad Redis URL is
 * reported by its scheme at most: it may carry a password.
 */
export function readRedisConfig(reader: EnvReader, file: ConfigFile): ScalingConfig {
  const url = reader.string('REDIS_URL') ?? file.redis?.url;
  if (url !== undefined) {
    const problem = findRedisUrlProblem(url);
    if (problem !== undefined)
      reader.issues.push({
        path: 'REDIS_URL',
        message: `${problem} (expected redis://[:password@]host:6379[/db] or rediss:// for TLS)`,
      });
  }
  const failMode = reader.string('LIMITS_FAIL_MODE')?.toLowerCase() ?? file.redis?.limitsFailMode ?? 'closed';
  if (!(failModes as readonly string[]).includes(failMode))
    reader.issues.push({
      path: 'LIMITS_FAIL_MODE',
      message: `"${failMode}" is not one of ${failModes.join(', ')}`,
    });
  const ttlInSeconds =
    reader.number(['CACHE_TTL'], { min: 1, max: 30 * 24 * 3600, isInteger: true }) ??
    file.cache?.ttlSeconds ??
    3600;
  const maxMb = reader.number(['CACHE_MAX_MB'], { min: 0.1, max: 65_536 }) ?? file.cache?.maxMb ?? 64;
  const workers = reader.number(['ARBITER_WORKERS'], { min: 1, max: 256, isInteger: true });
  return {
    ...(url === undefined
      ? {}
      : {
          redis: {
            url,
            keyPrefix: reader.string('REDIS_PREFIX') ?? file.redis?.prefix ?? 'arbiter:',
            limitsFailMode: failMode === 'open' ? 'open' : 'closed',
          },
        }),
    cache: {
      isEnabled: reader.boolean('CACHE_ENABLED') ?? file.cache?.enabled ?? false,
      ttlInMs: ttlInSeconds * 1000,
      maxBytes: Math.round(maxMb * 1024 * 1024),
      isSharedAcrossKeys: reader.boolean('CACHE_SHARED_ACROSS_KEYS') ?? file.cache?.sharedAcrossKeys ?? false,
    },
    ...(workers === undefined ? {} : { workers }),
  };
}

/** What is wrong with a Redis URL, naming at most its scheme. */
function findRedisUrlProblem(url: string): string | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined || !URL.canParse(url)) return 'is not a URL';
  if (scheme !== 'redis' && scheme !== 'rediss') return `is a ${scheme}:// URL, not a Redis one`;
  if (new URL(url).hostname === '') return 'names no host';
  return undefined;
}
