import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../sql/database.js';
import { toUsageRow } from '../sql/usage-row.js';
import type { UsageStore } from '../usage-store.js';

/**
 * The SQLite usage log's `append`: one prepared single-row INSERT, run for every record inside one
 * transaction. Kysely's multi-row INSERT compiles and prepares a new statement of up to 30,000 parameters
 * per batch; the prepared statement is compiled once. Measured on the reference machine with 2,500-record
 * batches: ~6 µs of CPU per record instead of ~12 (the rest is SQLite and the four usage indexes).
 */
export function createSqliteUsageAppend(
  database: SqliteDatabase,
  db: Kysely<Database>,
): UsageStore['append'] {
  let insert: Statement | undefined;
  const insertAll = database.transaction((rows: readonly Record<string, unknown>[]) => {
    for (const row of rows) insert!.run(row);
  });
  return async (records) => {
    if (records.length === 0) return;
    const rows = records.map(toUsageRow);
    // Every row has every column (absent fields are NULL), so the first row names them all.
    insert ??= prepareInsert(database, Object.keys(rows[0]!));
    // Through Kysely's hold on the one connection, so the batch never lands inside a Kysely
    // transaction that another store has open across an await.
    await db.connection().execute(async () => insertAll(rows));
  };
}

function prepareInsert(database: SqliteDatabase, columns: readonly string[]): Statement {
  const names = columns.map((column) => `"${column}"`).join(', ');
  const values = columns.map((column) => `@${column}`).join(', ');
  return database.prepare(
    `INSERT INTO usage_records (${names}) VALUES (${values}) ON CONFLICT (request_id) DO NOTHING`,
  );
}
