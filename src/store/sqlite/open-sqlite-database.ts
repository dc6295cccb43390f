import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';

/** How long a write waits for another connection's lock (a second process, a backup) before failing. */
export const sqliteBusyTimeoutInMs = 5_000;

/**
 * Opens (creating it and its directory if needed) a SQLite file tuned for the gateway: WAL so the
 * dashboard's reads never wait for the usage writer, `synchronous=NORMAL` because in WAL mode it still
 * survives a process crash and only a power loss can drop the last commits, a busy timeout instead of
 * instant SQLITE_BUSY errors when several processes share the file, and foreign keys on (SQLite leaves
 * them off unless asked, per connection).
 */
export function openSqliteDatabase(path: string): SqliteDatabase {
  mkdirSync(dirname(path), { recursive: true });
  const database = new BetterSqlite3(path);
  try {
    // First, so the switch to WAL waits for a sibling process opening the same new file.
    database.pragma(`busy_timeout = ${sqliteBusyTimeoutInMs}`);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    // A burst can grow the WAL file; once checkpointed, trim it back rather than keep the high-water mark.
    database.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  } catch (error) {
    database.close();
    throw error;
  }
  return database;
}
