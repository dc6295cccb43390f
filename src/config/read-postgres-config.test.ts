import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

const cwd = mkdtempSync(join(tmpdir(), 'arbiter-postgres-config-'));
const storageOf = (env: Record<string, string>) => loadConfig({ cwd, env }).storage;

function issuesOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ cwd, env });
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('PostgreSQL storage settings', () => {
  it('selects PostgreSQL from DATABASE_URL alone, with a pool of 10 per process', () => {
    const url = 'postgres://arbiter:s3cret@db.internal:5432/arbiter?sslmode=require';
    expect(storageOf({ DATABASE_URL: url })).toEqual({
      kind: 'postgres',
      url,
      poolSize: 10,
      dataDir: join(cwd, 'data'),
    });
  });

  it('reads ARBITER_STORE=postgres, a postgresql:// URL and DATABASE_POOL_SIZE', () => {
    expect(
      storageOf({
        ARBITER_STORE: 'PostgreS',
        DATABASE_URL: 'postgresql://arbiter@127.0.0.1/arbiter',
        DATABASE_POOL_SIZE: '4',
      }),
    ).toMatchObject({ kind: 'postgres', url: 'postgresql://arbiter@127.0.0.1/arbiter', poolSize: 4 });
  });

  it('lets an explicit ARBITER_STORE win over a DATABASE_URL meant for something else', () => {
    expect(storageOf({ ARBITER_STORE: 'sqlite', DATABASE_URL: 'mysql://app@db/app' })).toEqual({
      kind: 'sqlite',
      dataDir: join(cwd, 'data'),
    });
  });

  it('names DATABASE_URL when it is missing, not PostgreSQL, or not a URL, never echoing it', () => {
    const expected = '(expected postgres://user:password@host:5432/database)';
    expect(issuesOf({ ARBITER_STORE: 'postgres' })).toEqual([
      `DATABASE_URL: is required when ARBITER_STORE is postgres ${expected}`,
    ]);
    expect(issuesOf({ DATABASE_URL: 'mysql://app:s3cret@db/app' })).toEqual([
      `DATABASE_URL: is a mysql:// URL, not a PostgreSQL one ${expected}`,
    ]);
    expect(issuesOf({ DATABASE_URL: 'app:s3cret@db/app', ARBITER_STORE: 'postgres' })).toEqual([
      `DATABASE_URL: is not a URL ${expected}`,
    ]);
    expect(issuesOf({ DATABASE_URL: 'postgres://app:s3cret@db:port/app' })).toEqual([
      `DATABASE_URL: is not a URL ${expected}`,
    ]);
  });

  it('refuses a pool size that is not a whole number from 1 to 1000', () => {
    const url = 'postgres://db/arbiter';
    expect(issuesOf({ DATABASE_URL: url, DATABASE_POOL_SIZE: '0' })).toEqual([
      'DATABASE_POOL_SIZE: "0" must be at least 1',
    ]);
    expect(issuesOf({ DATABASE_URL: url, DATABASE_POOL_SIZE: '2.5' })).toEqual([
      'DATABASE_POOL_SIZE: "2.5" must be a whole number',
    ]);
  });
});
