import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

const cwd = mkdtempSync(join(tmpdir(), 'arbiter-redis-config-'));
const load = (env: Record<string, string>) => loadConfig({ cwd, env });

function issuesOf(env: Record<string, string>, directory = cwd): string[] {
  try {
    loadConfig({ cwd: directory, env });
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('Redis, cache and worker settings', () => {
  it('defaults to no Redis, the cache off (1 h TTL, 64 MB, per key) and no explicit worker count', () => {
    const config = load({});
    expect(config.redis).toBeUndefined();
    expect(config.workers).toBeUndefined();
    expect(config.cache).toEqual({
      isEnabled: false,
      ttlInMs: 3_600_000,
      maxBytes: 64 * 1024 * 1024,
      isSharedAcrossKeys: false,
    });
  });

  it('reads REDIS_URL (rediss:// too), REDIS_PREFIX, LIMITS_FAIL_MODE, the CACHE_* variables and ARBITER_WORKERS', () => {
    const config = load({
      REDIS_URL: 'rediss://:s3cret@cache.internal:6380/2',
      REDIS_PREFIX: 'gw-eu:',
      LIMITS_FAIL_MODE: 'OPEN',
      CACHE_ENABLED: 'true',
      CACHE_TTL: '60',
      CACHE_MAX_MB: '0.5',
      CACHE_SHARED_ACROSS_KEYS: 'yes',
      ARBITER_WORKERS: '4',
    });
    expect(config.redis).toEqual({
      url: 'rediss://:s3cret@cache.internal:6380/2',
      keyPrefix: 'gw-eu:',
      limitsFailMode: 'open',
    });
    expect(config.cache).toEqual({
      isEnabled: true,
      ttlInMs: 60_000,
      maxBytes: 524_288,
      isSharedAcrossKeys: true,
    });
    expect(config.workers).toBe(4);
    expect(load({ REDIS_URL: 'redis://127.0.0.1:6379' }).redis).toEqual({
      url: 'redis://127.0.0.1:6379',
      keyPrefix: 'arbiter:',
      limitsFailMode: 'closed',
    });
  });

  it('names each bad value, never echoing a Redis URL that may hold a password', () => {
    const issues = issuesOf({
      REDIS_URL: 'http://user:hunter22@cache:6379',
      LIMITS_FAIL_MODE: 'sometimes',
      CACHE_TTL: '0',
      ARBITER_WORKERS: 'many',
    });
    expect(issues).toEqual([
      'REDIS_URL: is a http:// URL, not a Redis one (expected redis://[:password@]host:6379[/db] or rediss:// for TLS)',
      'LIMITS_FAIL_MODE: "sometimes" is not one of closed, open',
      'CACHE_TTL: "0" must be at least 1',
      'ARBITER_WORKERS: "many" is not a number',
    ]);
    expect(issuesOf({ REDIS_URL: 'hunter22' })[0]).toBe(
      'REDIS_URL: is not a URL (expected redis://[:password@]host:6379[/db] or rediss:// for TLS)',
    );
    expect(issuesOf({ REDIS_URL: 'redis://:hunter22@' }).join()).not.toContain('hunter22');
  });

  it('takes redis: and cache: from the config file, with the environment winning', () => {
    const directory = mkdtempSync(join(tmpdir(), 'arbiter-redis-yaml-'));
    writeFileSync(
      join(directory, 'arbiter.yaml'),
      [
        'redis:',
        '  url: ${REDIS_URL_FROM_SECRET}',
        '  prefix: "team-a:"',
        '  limitsFailMode: open',
        'cache:',
        '  enabled: true',
        '  ttlSeconds: 120',
        '  maxMb: 8',
        '  sharedAcrossKeys: true',
        '',
      ].join('\n'),
    );
    const config = loadConfig({
      cwd: directory,
      env: { REDIS_URL_FROM_SECRET: 'redis://10.0.0.9:6379', CACHE_TTL: '30' },
    });
    expect(config.redis).toEqual({
      url: 'redis://10.0.0.9:6379',
      keyPrefix: 'team-a:',
      limitsFailMode: 'open',
    });
    expect(config.cache).toEqual({
      isEnabled: true,
      ttlInMs: 30_000,
      maxBytes: 8 * 1024 * 1024,
      isSharedAcrossKeys: true,
    });
    writeFileSync(join(directory, 'arbiter.yaml'), 'cache:\n  ttl: 5\n');
    expect(issuesOf({}, directory).join('\n')).toContain('cache');
  });
});
