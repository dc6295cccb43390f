import { resolve } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { systemClock } from '../../lib/clock.js';
import type { Clock } from '../../lib/clock.js';
import { createSqlStores } from '../sql/create-sql-stores.js';
import type { Database } from '../sql/database.js';
import type { Stores } from '../stores.js';
import { migrateSqliteDatabase } from './migrate-sqlite-database.js';
import { openSqliteDatabase, sqliteBusyTimeoutInMs } from './open-sqlite-database.js';
import { createSqliteUsageAppend } from './create-sqlite-usage-append.js';
import { startWalCheckpointer } from './start-wal-checkpointer.js';
import type { CheckpointResult } from './start-wal-checkpointer.js';

export interface SqliteStoresOptions {
  /** The data directory; the database is `<dataDir>/arbiter.db`, created with the directory if missing. */
  dataDir: string;
  /** Stamps conversation updates; the system clock unless a test injects one. */
  clock?: Clock;
  /**
   * How often a worker thread checkpoints the WAL into the database file; default 1,000 ms. `0` leaves
   * checkpoints to SQLite on the writing connection (blocking; for short-lived tools and tests).
   */
  checkpointIntervalInMs?: number;
  /** Observes the worker's checkpoints (tests, metrics). */
  onCheckpoint?: (result: CheckpointResult) => void;
}

/**
 * The embedded default backend: every store port in one SQLite file, migrated to this version's schema
 * before it is returned. better-sqlite3 is synchronous, which suits the gateway's access pattern: the
 * request path only makes indexed point lookups, writes arrive in batches from off-path writers, and the
 * one slow disk operation, the WAL checkpoint, runs on a worker thread.
 *
 * What a usage batch costs the event loop, measured on the 2-core reference machine (Node 20, records with
 * two attempts and no bodies, 10k–160k rows already stored, load average 2–4 from other work): 500 records
 * take a median of 9–14 ms (about 25 µs each: ~1 ms mapping rows, ~2 ms Kysely compiling, the rest SQLite
 * and its usage indexes), p99 30–75 ms; appends now skip Kysely (see createSqliteUsageAppend). Flushing every second at 500 requests per second therefore
 * costs ~1–1.5% of one core. With SQLite's own checkpoints on this connection, a checkpoint's fsync
 * stalled the loop for 100–900 ms every few batches; hence the worker.
 *
 * @example
 * const stores = await createSqliteStores({ dataDir: './data' });
 * await stores.usage.append(batch);
 * await stores.close();
 */
export async function createSqliteStores(options: SqliteStoresOptions): Promise<Stores> {
  const path = resolve(options.dataDir, 'arbiter.db');
  const database = openSqliteDatabase(path);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  try {
    await migrateSqliteDatabase(database, db, path);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const intervalInMs = options.checkpointIntervalInMs ?? 1_000;
  const checkpointer =
    intervalInMs > 0
      ? startWalCheckpointer(database, {
          intervalInMs,
          busyTimeoutInMs: sqliteBusyTimeoutInMs,
          onCheckpoint: options.onCheckpoint,
        })
      : undefined;
  const stores = createSqlStores(db, options.clock ?? systemClock);
  return {
    ...stores,
    usage: { ...stores.usage, append: createSqliteUsageAppend(database, db) },
    async close() {
      // The worker's connection first, so the main one closes last and folds the WAL into the file.
      await checkpointer?.stop();
      await stores.close();
    },
  };
}
