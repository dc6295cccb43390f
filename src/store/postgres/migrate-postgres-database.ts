import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../sql/database.js';
import { migrateToLatest } from '../sql/migrate-to-latest.js';

/**
 * The advisory lock that serialises Arbiter's migrations on one database: the two-integer form, 'Arbi'
 * in ASCII and 1 for "migrations", which cannot collide with Kysely's own one-bigint lock. Never change
 * it: an old and a new version starting together during an upgrade must wait on the same lock.
 */
const migrationLock = sql`${sql.lit(0x41726269)}, ${sql.lit(1)}`;

/**
 * Migrates under a PostgreSQL advisory lock held for the whole run, so instances starting together take
 * turns: the first migrates, the others wait for it, then find nothing to do. Kysely's migrator takes its
 * own lock only around applying migrations; before that it creates its bookkeeping tables unlocked
 * (surviving a lost race by looking again), and our check for a newer schema runs after it. Under one lock
 * from the first statement, no instance ever sees a half-migrated database. The lock is session-level, on
 * one connection throughout; if the process dies, PostgreSQL releases it with the session.
 */
export async function migratePostgresDatabase(db: Kysely<Database>, location: string): Promise<void> {
  let isConnected = false;
  try {
    await db.connection().execute(async (connection) => {
      isConnected = true;
      await sql`select pg_advisory_lock(${migrationLock})`.execute(connection);
      try {
        await migrateToLatest(connection, { location });
      } finally {
        // Failing only with a broken session, which has released the lock with it; the migration's own
        // outcome is the error worth reporting.
        await sql`select pg_advisory_unlock(${migrationLock})`.execute(connection).catch(() => undefined);
      }
    });
  } catch (error) {
    if (isConnected) throw error;
    // pg's message names neither the server nor the database ("connect ECONNREFUSED 10.0.0.5:5432").
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot connect to PostgreSQL at ${location}: ${reason}`, { cause: error });
  }
}
