import type { Kysely, Migration } from 'kysely';
import { binaryTextType } from '../sql-dialect.js';

/**
 * User feedback (`POST /feedback`). Neutral types only, like the first migration, so SQLite and
 * PostgreSQL create the same table. Each index serves one FeedbackStore read.
 */
export const feedbackMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('feedback')
      .addColumn('id', binaryTextType(db), (column) => column.primaryKey())
      .addColumn('request_id', 'text', (column) => column.notNull())
      .addColumn('target_id', 'text', (column) => column.notNull())
      .addColumn('route', 'text', (column) => column.notNull())
      .addColumn('score', 'double precision', (column) => column.notNull())
      .addColumn('thumbs', 'text')
      .addColumn('comment', 'text')
      .addColumn('key_id', 'text')
      .addColumn('created_at', 'bigint', (column) => column.notNull())
      .execute();
    // `listByRequest`, oldest first.
    await db.schema
      .createIndex('feedback_request_id_created_at_id')
      .on('feedback')
      .columns(['request_id', 'created_at', 'id'])
      .execute();
    // `listRecent`, newest first.
    await db.schema
      .createIndex('feedback_created_at_id')
      .on('feedback')
      .columns(['created_at', 'id'])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('feedback').execute();
  },
};
