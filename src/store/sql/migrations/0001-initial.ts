import type { Kysely } from 'kysely';
import type { Migration } from 'kysely';
import { binaryTextType } from '../sql-dialect.js';

/**
 * The first schema. Written with Kysely's schema builder and neutral types only (`bigint`, `integer`,
 * `double precision`, `text`), so SQLite and PostgreSQL create the same tables from this one file.
 * Every index here serves a query a port makes; the comment beside each says which.
 *
 * Text columns that break ordering ties use `binaryTextType`, which changed this shipped migration for
 * PostgreSQL only: SQLite still gets plain `text` (its DDL is unchanged), and no PostgreSQL database
 * existed before that backend shipped with it.
 */
export const initialMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('usage_records')
      .addColumn('request_id', binaryTextType(db), (column) => column.primaryKey())
      .addColumn('created_at', 'bigint', (column) => column.notNull())
      .addColumn('key_id', 'text')
      .addColumn('endpoint', 'text', (column) => column.notNull())
      .addColumn('route', 'text', (column) => column.notNull())
      .addColumn('provider', 'text')
      .addColumn('model', 'text')
      .addColumn('status', 'integer', (column) => column.notNull())
      .addColumn('is_stream', 'integer', (column) => column.notNull())
      .addColumn('is_cache_hit', 'integer', (column) => column.notNull())
      .addColumn('attempts', 'text', (column) => column.notNull())
      .addColumn('prompt_tokens', 'bigint', (column) => column.notNull())
      .addColumn('completion_tokens', 'bigint', (column) => column.notNull())
      .addColumn('token_source', 'text', (column) => column.notNull())
      .addColumn('cost_in_usd', 'double precision', (column) => column.notNull())
      .addColumn('latency_in_ms', 'double precision', (column) => column.notNull())
      .addColumn('ttft_in_ms', 'double precision')
      .addColumn('error_code', 'text')
      .addColumn('conversation_id', 'text')
      .addColumn('request_body', 'text')
      .addColumn('response_body', 'text')
      .execute();
    // `list` without filters (keyset, newest first) and `aggregate` over a time range.
    await createIndex(db, 'usage_records', ['created_at', 'request_id']);
    // `list` and `aggregate` filtered by key.
    await createIndex(db, 'usage_records', ['key_id', 'created_at', 'request_id']);
    // Filtered by provider or by model (both: the planner seeks one and checks the other). Not one
    // (provider, model, ...) index: filtered by provider alone, it would sort the provider's whole history.
    await createIndex(db, 'usage_records', ['provider', 'created_at', 'request_id']);
    await createIndex(db, 'usage_records', ['model', 'created_at', 'request_id']);

    await db.schema
      .createTable('conversations')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('system_prompt', 'text')
      .addColumn('message_count', 'integer', (column) => column.notNull())
      .addColumn('updated_at', 'bigint', (column) => column.notNull())
      .execute();
    // The primary key serves `get` (ordered by seq) and the cascade on delete.
    await db.schema
      .createTable('conversation_messages')
      .addColumn('conversation_id', 'text', (column) =>
        column.notNull().references('conversations.id').onDelete('cascade'),
      )
      .addColumn('seq', 'integer', (column) => column.notNull())
      .addColumn('message', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('conversation_messages_pkey', ['conversation_id', 'seq'])
      .execute();

    await db.schema
      .createTable('gateway_keys')
      .addColumn('id', binaryTextType(db), (column) => column.primaryKey())
      .addColumn('hash', 'text', (column) => column.notNull().unique())
      .addColumn('prefix', 'text', (column) => column.notNull())
      .addColumn('name', 'text')
      .addColumn('plan', 'text', (column) => column.notNull())
      .addColumn('budget_per_day_in_usd', 'double precision')
      .addColumn('budget_per_month_in_usd', 'double precision')
      .addColumn('allowed_models', 'text')
      .addColumn('metadata', 'text', (column) => column.notNull())
      .addColumn('created_at', 'bigint', (column) => column.notNull())
      .addColumn('revoked_at', 'bigint')
      .execute();
    // `list`, oldest first. `findByHash` uses the unique constraint's index.
    await createIndex(db, 'gateway_keys', ['created_at', 'id']);

    await db.schema
      .createTable('plans')
      .addColumn('name', 'text', (column) => column.primaryKey())
      .addColumn('requests_per_hour', 'bigint')
      .addColumn('tokens_per_day', 'bigint')
      .addColumn('budget_per_day_in_usd', 'double precision')
      .addColumn('budget_per_month_in_usd', 'double precision')
      .addColumn('allowed_models', 'text')
      .addColumn('priority', 'integer', (column) => column.notNull())
      .execute();

    await db.schema
      .createTable('provider_keys')
      .addColumn('id', binaryTextType(db), (column) => column.primaryKey())
      .addColumn('provider', 'text', (column) => column.notNull())
      .addColumn('encrypted_key', 'text', (column) => column.notNull())
      .addColumn('weight', 'double precision', (column) => column.notNull())
      .addColumn('created_at', 'bigint', (column) => column.notNull())
      .execute();
    // `list()` and `list(provider)`, oldest first.
    await createIndex(db, 'provider_keys', ['created_at', 'id']);
    await createIndex(db, 'provider_keys', ['provider', 'created_at', 'id']);

    await db.schema
      .createTable('learned_stats')
      .addColumn('target_id', 'text', (column) => column.notNull())
      .addColumn('route', 'text', (column) => column.notNull())
      .addColumn('state', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'bigint', (column) => column.notNull())
      .addPrimaryKeyConstraint('learned_stats_pkey', ['target_id', 'route'])
      .execute();

    await db.schema
      .createTable('responses')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('response', 'text', (column) => column.notNull())
      .addColumn('conversation', 'text')
      .addColumn('is_native', 'integer', (column) => column.notNull())
      .addColumn('created_at', 'bigint', (column) => column.notNull())
      .execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of [
      'responses',
      'learned_stats',
      'provider_keys',
      'plans',
      'gateway_keys',
      'conversation_messages',
      'conversations',
      'usage_records',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};

/** Index names follow `<table>_<columns>` so a query plan names the columns it uses. */
async function createIndex(db: Kysely<unknown>, table: string, columns: string[]): Promise<void> {
  await db.schema
    .createIndex(`${table}_${columns.join('_')}`)
    .on(table)
    .columns(columns)
    .execute();
}
