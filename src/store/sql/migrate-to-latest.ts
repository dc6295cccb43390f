import { Migrator } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { sqlMigrationProvider, sqlMigrations } from './sql-migrations.js';

/** Kysely's bookkeeping tables, named for us so they cannot collide with another tool's in a shared database. */
const migrationTableName = 'arbiter_migration';
const migrationLockTableName = 'arbiter_migration_lock';

export interface MigrateOptions {
  /** Names the database in errors: a path, never a URL with a password. */
  location: string;
  /**
   * Set when the caller already holds a transaction that serialises start-ups (SQLite's `BEGIN
   * IMMEDIATE`), so Kysely must not open its own.
   */
  isInCallerTransaction?: boolean;
}

/**
 * Brings the schema up to this version's latest migration; safe to run at every start-up (applied
 * migrations are skipped). Throws when the database was written by a newer Arbiter, whose migrations this
 * version does not know, rather than let an old binary run against a schema it does not understand.
 */
export async function migrateToLatest(db: Kysely<Database>, options: MigrateOptions): Promise<void> {
  const { location } = options;
  const migrator = new Migrator({
    db,
    provider: sqlMigrationProvider,
    migrationTableName,
    migrationLockTableName,
    disableTransactions: options.isInCallerTransaction === true,
  });
  const { error } = await migrator.migrateToLatest();
  if (error === undefined) return;
  const unknown = await findUnknownMigrations(db);
  if (unknown.length > 0) {
    throw new Error(
      `The database at ${location} was written by a newer version of Arbiter (migration ${unknown.join(', ')} ` +
        'is unknown to this one). Upgrade Arbiter, or point it at another data directory.',
      { cause: error },
    );
  }
  throw new Error(
    `Migrating the database at ${location} failed: ${error instanceof Error ? error.message : String(error)}`,
    { cause: error },
  );
}

/** Applied migrations this version does not ship. The migrator has created the table by the time it fails. */
async function findUnknownMigrations(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .withTables<{ [migrationTableName]: { name: string } }>()
    .selectFrom(migrationTableName)
    .select('name')
    .execute()
    .catch(() => []);
  return rows.map((row) => row.name).filter((name) => !Object.hasOwn(sqlMigrations, name));
}
