import { Kysely, PostgresDialect } from 'kysely';
import { systemClock } from '../../lib/clock.js';
import type { Clock } from '../../lib/clock.js';
import { redactUrlPassword } from '../../lib/redact-url-password.js';
import { createSqlStores } from '../sql/create-sql-stores.js';
import type { Database } from '../sql/database.js';
import type { Stores } from '../stores.js';
import { createPostgresPool } from './create-postgres-pool.js';
import { migratePostgresDatabase } from './migrate-postgres-database.js';

/** Connections per process when `poolSize` is not given (`DATABASE_POOL_SIZE`). */
export const defaultPostgresPoolSize = 10;

export interface PostgresStoresOptions {
  /** `postgres://user:password@host:port/database` (`DATABASE_URL`); never printed with its password. */
  url: string;
  /**
   * The most connections this process opens (`DATABASE_POOL_SIZE`, default 10). Every instance and
   * worker has its own pool, so instances × workers × poolSize must stay below the server's
   * `max_connections`, with headroom for migrations, backups and an operator's `psql`.
   */
  poolSize?: number;
  /** Stamps conversation updates; the system clock unless a test injects one. */
  clock?: Clock;
  /**
   * An idle pooled connection failed (the server restarted, the network dropped it). The pool has
   * already discarded it and opens a new one on demand; the next query that cannot connect throws.
   * Default: ignored, because that next query reports the problem where it matters.
   */
  onConnectionError?: (error: Error) => void;
}

/**
 * The scaled backend: every store port in one PostgreSQL database shared by all instances, over the same
 * Kysely queries and migrations as SQLite (`src/store/sql/`). The schema is brought up to date before this
 * resolves, under an advisory lock, so any number of instances may start at once.
 *
 * @example
 * const stores = await createPostgresStores({ url: process.env.DATABASE_URL!, poolSize: 10 });
 * await stores.usage.append(batch);
 * await stores.close();
 */
export async function createPostgresStores(options: PostgresStoresOptions): Promise<Stores> {
  const poolSize = options.poolSize ?? defaultPostgresPoolSize;
  if (!Number.isSafeInteger(poolSize) || poolSize < 1) {
    throw new RangeError(`Invalid PostgreSQL pool size ${poolSize}: expected a positive integer.`);
  }
  const location = redactUrlPassword(options.url);
  const pool = createPostgresPool({
    url: options.url,
    poolSize,
    onError: options.onConnectionError ?? (() => {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migratePostgresDatabase(db, location);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createSqlStores(db, options.clock ?? systemClock);
}
