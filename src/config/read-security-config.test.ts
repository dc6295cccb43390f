import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function load(env: Record<string, string>, yaml?: string) {
  const cwd = mkdtempSync(join(tmpdir(), 'arbiter-security-config-'));
  if (yaml) writeFileSync(join(cwd, 'arbiter.yaml'), yaml);
  return loadConfig({ cwd, env }).security;
}

function issuesOf(env: Record<string, string>, yaml?: string): string[] {
  try {
    load(env, yaml);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  return [];
}

describe('readSecurityConfig', () => {
  it('has the built-in plans, no keys, and a queue of 256 by default', () => {
    expect(load({})).toEqual({
      apiKeys: [],
      adminKey: undefined,
      isPublicWithoutKeysAllowed: false,
      plans: {
        free: { requestsPerHour: 60, tokensPerDay: 100_000, allowedModels: ['@cheap'], priority: 0 },
        premium: { requestsPerHour: 1_000, tokensPerDay: 2_000_000, priority: 5 },
        enterprise: { requestsPerHour: 10_000, priority: 10 },
      },
      cheapModelMaxInputPrice: 0.5,
      maxConcurrentRequests: 256,
      queueTimeoutInMs: 10_000,
      keyCacheTtlInMs: 1000,
      defaultReservedOutputTokens: 1024,
    });
  });

  it('takes the YAML plans over the built-ins, and the environment over both', () => {
    const yaml = [
      'plans:',
      '  free: { requestsPerHour: 20, tokensPerDay: unlimited, allowedModels: ["@cheap", smart] }',
      '  team: { requestsPerHour: 300, budgetPerDayUsd: 5, budgetPerMonthUsd: 80, priority: 7 }',
    ].join('\n');
    const security = load(
      {
        FREE_REQUESTS_PER_HOUR: '50',
        ENTERPRISE_TOKENS_PER_DAY: '9000',
        PREMIUM_REQUESTS_PER_HOUR: 'unlimited',
        FREE_MODELS: 'cheap,groq/*',
        MAX_TOKENS_DEFAULT: '300',
      },
      yaml,
    );
    expect(security.plans.free).toEqual({
      requestsPerHour: 50,
      allowedModels: ['@cheap', 'smart', 'cheap', 'groq/*'],
      priority: 0,
    });
    expect(security.plans.team).toEqual({
      requestsPerHour: 300,
      budgetPerDayInUsd: 5,
      budgetPerMonthInUsd: 80,
      priority: 7,
    });
    expect(security.plans.premium).toEqual({ tokensPerDay: 2_000_000, priority: 5 });
    expect(security.plans.enterprise).toEqual({ requestsPerHour: 10_000, tokensPerDay: 9000, priority: 10 });
    expect(security.defaultReservedOutputTokens).toBe(300);
  });

  it('reads ARBITER_API_KEYS as key or key:plan, enterprise by default', () => {
    const security = load({
      ARBITER_API_KEYS: 'first-long-random-key-0001, second-long-random-key-02:free',
      ARBITER_ADMIN_KEY: 'admin-long-random-key-0001',
      ARBITER_ALLOW_PUBLIC_WITHOUT_KEYS: 'true',
      ARBITER_MAX_CONCURRENT_REQUESTS: '8',
      ARBITER_QUEUE_TIMEOUT_MS: '0',
    });
    expect(security).toMatchObject({
      apiKeys: [
        { key: 'first-long-random-key-0001', plan: 'enterprise' },
        { key: 'second-long-random-key-02', plan: 'free' },
      ],
      adminKey: 'admin-long-random-key-0001',
      isPublicWithoutKeysAllowed: true,
      maxConcurrentRequests: 8,
      queueTimeoutInMs: 0,
    });
  });

  it('names every problem by place, never quoting a secret', () => {
    const issues = issuesOf(
      {
        ARBITER_API_KEYS:
          'short-secret,long-enough-secret-0001:gold,long-enough-secret-0001:free,long-enough-secret-0001:free',
        ARBITER_ADMIN_KEY: 'tiny-admin',
        ARBITER_MAX_CONCURRENT_REQUESTS: '0',
      },
      'plans:\n  Gold: { priority: 1 }\n',
    );
    expect(issues).toEqual(['plans.Gold: plan names are lowercase letters, digits, "-" and "_"']);
    const envIssues = issuesOf({
      ARBITER_API_KEYS:
        'short-secret,long-enough-secret-0001:gold,long-enough-secret-0001:free,long-enough-secret-0001:free',
      ARBITER_ADMIN_KEY: 'tiny-admin',
      ARBITER_MAX_CONCURRENT_REQUESTS: '0',
    });
    expect(envIssues).toEqual([
      'ARBITER_ADMIN_KEY: is shorter than 16 characters; use a long random value (openssl rand -hex 24)',
      'ARBITER_API_KEYS (entry 1): the key is shorter than 16 characters; use a long random value (openssl rand -hex 24)',
      'ARBITER_API_KEYS (entry 2): what follows the last ":" is not a plan (plans: free, premium, enterprise)',
      'ARBITER_API_KEYS (entry 4): the same key is listed twice',
      'ARBITER_MAX_CONCURRENT_REQUESTS: "0" must be at least 1',
    ]);
    expect(envIssues.join('\n')).not.toMatch(/short-secret|long-enough|tiny-admin/);
  });
});
