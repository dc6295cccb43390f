import type { Kysely, Selectable } from 'kysely';
import type { FeedbackRecord, FeedbackStore } from '../feedback-store.js';
import type { Database, FeedbackTable } from './database.js';

/** User feedback on any Kysely SQL dialect, kept until deleted. Both reads use an index, never a scan. */
export function createSqlFeedbackStore(db: Kysely<Database>): FeedbackStore {
  return {
    async append(record) {
      await db
        .insertInto('feedback')
        .values({
          id: record.id,
          request_id: record.requestId,
          target_id: record.targetId,
          route: record.route,
          score: record.score,
          thumbs: record.thumbs ?? null,
          comment: record.comment ?? null,
          key_id: record.keyId ?? null,
          created_at: record.createdAt,
        })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .execute();
    },

    async listByRequest(requestId) {
      const rows = await db
        .selectFrom('feedback')
        .selectAll()
        .where('request_id', '=', requestId)
        .orderBy('created_at', 'asc')
        .orderBy('id', 'asc')
        .execute();
      return rows.map(toRecord);
    },

    async listRecent(limit) {
      if (!Number.isInteger(limit) || limit < 1)
        throw new RangeError(`limit must be a positive integer, got ${limit}`);
      const rows = await db
        .selectFrom('feedback')
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toRecord);
    },
  };
}

function toRecord(row: Selectable<FeedbackTable>): FeedbackRecord {
  const record: FeedbackRecord = {
    id: row.id,
    requestId: row.request_id,
    targetId: row.target_id,
    route: row.route,
    score: Number(row.score),
    createdAt: Number(row.created_at),
  };
  if (row.thumbs === 'up' || row.thumbs === 'down') record.thumbs = row.thumbs;
  if (row.comment !== null) record.comment = row.comment;
  if (row.key_id !== null) record.keyId = row.key_id;
  return record;
}
