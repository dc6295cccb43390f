import type { EnvReader } from './env-reader.js';

/** Connections per process unless `DATABASE_POOL_SIZE` says otherwise. */
const defaultPoolSize = 10;

/** The PostgreSQL backend's settings (`ARBITER_STORE=postgres`, or `DATABASE_URL` alone). */
export interface PostgresStorageConfig {
  kind: 'postgres';
  /**
   * `postgres://user:password@host:port/database` (`DATABASE_URL`). It holds the password: print it only
   * through `redactUrlPassword`.
   */
  url: string;
  /**
   * The most connections each process opens (`DATABASE_POOL_SIZE`, default 10). Size it so that
   * instances × workers × poolSize stays below the server's `max_connections` minus headroom.
   */
  poolSize: number;
  /** `ARBITER_DATA_DIR`, for whatever else keeps files there; PostgreSQL itself does not use it. */
  dataDir: string;
}

/**
 * `DATABASE_URL` and `DATABASE_POOL_SIZE`. The URL is required and must be `postgres://` or
 * `postgresql://`; problems are reported without echoing it, since it usually carries a password.
 */
export function readPostgresConfig(reader: EnvReader, dataDir: string): PostgresStorageConfig {
  const url = reader.string('DATABASE_URL');
  const problem = url === undefined ? 'is required when ARBITER_STORE is postgres' : findUrlProblem(url);
  if (problem !== undefined) {
    reader.issues.push({
      path: 'DATABASE_URL',
      message: `${problem} (expected postgres://user:password@host:5432/database)`,
    });
  }
  return {
    kind: 'postgres',
    url: url ?? '',
    poolSize:
      reader.number(['DATABASE_POOL_SIZE'], { min: 1, max: 1_000, isInteger: true }) ?? defaultPoolSize,
    dataDir,
  };
}

/** What is wrong with a database URL, naming at most its scheme. */
function findUrlProblem(url: string): string | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined || !URL.canParse(url)) return 'is not a URL';
  if (scheme !== 'postgres' && scheme !== 'postgresql') return `is a ${scheme}:// URL, not a PostgreSQL one`;
  return undefined;
}
