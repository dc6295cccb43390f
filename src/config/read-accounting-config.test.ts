import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

function directory(files: Record<string, string> = {}): string {
  const path = mkdtempSync(join(tmpdir(), 'arbiter-accounting-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(path, name), text);
  return path;
}

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('storage, accounting and shutdown settings', () => {
  it('defaults to SQLite in ./data, a 1 s flush, no bodies kept and a 25 s shutdown grace', () => {
    const cwd = directory();
    const config = loadConfig({ cwd, env: {} });
    expect(config.storage).toEqual({ kind: 'sqlite', dataDir: join(cwd, 'data') });
    expect(config.accounting).toEqual({
      isUsageLogEnabled: true,
      shouldLogRequests: false,
      shouldLogResponses: false,
      shouldLogBodies: false,
      flushIntervalInMs: 1000,
      prices: {},
    });
    expect(config.server.shutdownGraceInMs).toBe(25_000);
  });

  it('reads every variable, resolving the data directory against the working directory', () => {
    const cwd = directory();
    const config = loadConfig({
      cwd,
      env: {
        ARBITER_STORE: 'memory',
        ARBITER_DATA_DIR: 'state',
        LOG_REQUESTS: 'true',
        LOG_RESPONSES: 'yes',
        LOG_BODIES: '1',
        USAGE_LOG: 'off',
        USAGE_FLUSH_INTERVAL_MS: '250',
        SHUTDOWN_GRACE_SECONDS: '2.5',
      },
    });
    expect(config.storage).toEqual({ kind: 'memory', dataDir: join(cwd, 'state') });
    expect(config.accounting).toMatchObject({
      isUsageLogEnabled: false,
      shouldLogRequests: true,
      shouldLogResponses: true,
      shouldLogBodies: true,
      flushIntervalInMs: 250,
    });
    expect(config.server.shutdownGraceInMs).toBe(2500);
  });

  it('names every bad value', () => {
    const issues = issuesOf(() =>
      loadConfig({
        cwd: directory(),
        env: {
          ARBITER_STORE: 'mongodb',
          LOG_REQUESTS: 'maybe',
          USAGE_FLUSH_INTERVAL_MS: '5',
          SHUTDOWN_GRACE_SECONDS: '-1',
        },
      }),
    );
    expect(issues.sort()).toEqual([
      'ARBITER_STORE: "mongodb" is not one of sqlite, memory, postgres',
      'LOG_REQUESTS: "maybe" is not true or false',
      'SHUTDOWN_GRACE_SECONDS: "-1" must be at least 0',
      'USAGE_FLUSH_INTERVAL_MS: "5" must be at least 10',
    ]);
  });

  it('reads prices from the config file and refuses malformed ones by path', () => {
    const prices =
      'prices:\n  groq/my-model: { input: 0.5, output: 1.5, cachedInput: 0.1, contextWindow: 65536 }\n';
    const config = loadConfig({ cwd: directory({ 'arbiter.yaml': prices }), env: {} });
    expect(config.accounting.prices).toEqual({
      'groq/my-model': { input: 0.5, output: 1.5, cachedInput: 0.1, contextWindow: 65_536 },
    });
    const bad =
      'prices:\n  gpt-4o: { input: 1, output: 2 }\n  openai/gpt-4o: { input: -1, output: 2, cost: 3 }\n';
    const issues = issuesOf(() => loadConfig({ cwd: directory({ 'arbiter.yaml': bad }), env: {} }));
    expect(issues.map((issue) => issue.split(':')[0])).toEqual(
      expect.arrayContaining(['prices.gpt-4o', 'prices.openai/gpt-4o.input', 'prices.openai/gpt-4o']),
    );
  });
});
