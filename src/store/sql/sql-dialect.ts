import { PostgresAdapter, sql } from 'kysely';
import type { ColumnDataType, Kysely, RawBuilder } from 'kysely';

/** The SQL dialects the shared store layer runs on. */
export type SqlDialectName = 'sqlite' | 'postgres';

/**
 * Which dialect a Kysely instance (or a migration's transaction) speaks, read from its adapter: a
 * migration receives only the instance, and the schema is otherwise one text for both dialects. This is
 * the seam for everything that must differ; keep it to what cannot be written once. `getExecutor()` is
 * marked internal in Kysely's docs but is how its own `Migrator` reaches the adapter; the PostgreSQL
 * collation test fails if it ever stops answering.
 */
export function getSqlDialectName(db: Kysely<unknown>): SqlDialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * The type of a text column that orders or breaks ties (`request_id` in the usage keyset, `id` after
 * `created_at`), compared byte by byte like the memory backend compares strings. SQLite's default
 * collation (BINARY) already does; PostgreSQL's default follows the database's locale (`en_US` puts
 * `req-a` before `req-B`), so the column says `COLLATE "C"`, and its indexes are built in that order too.
 */
export function binaryTextType(db: Kysely<unknown>): ColumnDataType | RawBuilder<unknown> {
  return getSqlDialectName(db) === 'postgres' ? sql`text collate "C"` : 'text';
}
