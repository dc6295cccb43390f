import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../sql/database.js';
import { migrateToLatest } from '../sql/migrate-to-latest.js';

/** The migration in flight per file in this process, so a second one waits on a promise, not on a lock. */
const migrationsInFlight = new Map<string, Promise<void>>();

/**
 * Migrates under an exclusive write lock, so processes starting together on one file (gateway workers,
 * a CLI beside a server) take turns: the second waits (up to the busy timeout), then finds the work done.
 * Kysely's own SQLite migration lock is a no-op, and its deferred transaction let two processes both
 * create the first tables ("table already exists" in 1 of 20 simultaneous starts). Within one process the
 * lock cannot serve: better-sqlite3 would block the thread the first migration needs to finish, so
 * migrations of one file are queued here first.
 */
export async function migrateSqliteDatabase(
  database: SqliteDatabase,
  db: Kysely<Database>,
  path: string,
): Promise<void> {
  const previous = migrationsInFlight.get(path) ?? Promise.resolve();
  const current = previous.catch(() => undefined).then(() => migrateUnderLock(database, db, path));
  const settled = current.catch(() => undefined);
  migrationsInFlight.set(path, settled);
  try {
    await current;
  } finally {
    if (migrationsInFlight.get(path) === settled) migrationsInFlight.delete(path);
  }
}

async function migrateUnderLock(database: SqliteDatabase, db: Kysely<Database>, path: string): Promise<void> {
  database.exec('BEGIN IMMEDIATE');
  try {
    await migrateToLatest(db, { location: path, isInCallerTransaction: true });
    database.exec('COMMIT');
  } catch (error) {
    if (database.inTransaction) database.exec('ROLLBACK');
    throw error;
  }
}
