import type { Kysely } from 'kysely';
import type { ChatMessage } from '../../spec/chat-request.js';
import type { ResponseStore, StoredResponse } from '../response-store.js';
import type { Database } from './database.js';

/** Stored Responses API answers on any Kysely SQL dialect, kept until deleted. */
export function createSqlResponseStore(db: Kysely<Database>): ResponseStore {
  return {
    async get(id) {
      const row = await db.selectFrom('responses').selectAll().where('id', '=', id).executeTakeFirst();
      if (row === undefined) return undefined;
      const stored: StoredResponse = {
        id: row.id,
        response: JSON.parse(row.response) as Record<string, unknown>,
        isNative: row.is_native === 1,
        createdAt: Number(row.created_at),
      };
      if (row.conversation !== null) stored.conversation = JSON.parse(row.conversation) as ChatMessage[];
      return stored;
    },

    async put(stored) {
      const changes = {
        response: JSON.stringify(stored.response),
        conversation: stored.conversation === undefined ? null : JSON.stringify(stored.conversation),
        is_native: stored.isNative ? 1 : 0,
        created_at: stored.createdAt,
      };
      await db
        .insertInto('responses')
        .values({ id: stored.id, ...changes })
        .onConflict((conflict) => conflict.column('id').doUpdateSet(changes))
        .execute();
    },

    async delete(id) {
      const result = await db.deleteFrom('responses').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
