import type { Kysely } from 'kysely';
import type { Clock } from '../../lib/clock.js';
import type { ChatMessage } from '../../spec/chat-request.js';
import type { Conversation, ConversationStore } from '../conversation-store.js';
import type { Database } from './database.js';

/**
 * Conversations on any Kysely SQL dialect. Messages are rows of their own, so an append inserts the new
 * turns instead of rewriting the whole history as one JSON document.
 */
export function createSqlConversationStore(db: Kysely<Database>, clock: Clock): ConversationStore {
  return {
    async get(id) {
      const header = await db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
      if (header === undefined) return undefined;
      const rows = await db
        .selectFrom('conversation_messages')
        .select('message')
        .where('conversation_id', '=', id)
        .orderBy('seq')
        .execute();
      const conversation: Conversation = {
        id,
        messages: rows.map((row) => JSON.parse(row.message) as ChatMessage),
        updatedAt: Number(header.updated_at),
      };
      if (header.system_prompt !== null) conversation.systemPrompt = header.system_prompt;
      return conversation;
    },

    async append(id, messages, systemPrompt) {
      const updatedAt = clock.now();
      await db.transaction().execute(async (transaction) => {
        // The upsert reserves the positions of the new messages. On PostgreSQL it also locks the row until
        // commit, so two appends to one conversation take turns instead of claiming the same positions.
        const { message_count: count } = await transaction
          .insertInto('conversations')
          .values({
            id,
            system_prompt: systemPrompt ?? null,
            message_count: messages.length,
            updated_at: updatedAt,
          })
          .onConflict((conflict) =>
            conflict.column('id').doUpdateSet((update) => ({
              message_count: update(update.ref('conversations.message_count'), '+', messages.length),
              updated_at: updatedAt,
              system_prompt:
                systemPrompt === undefined ? update.ref('conversations.system_prompt') : systemPrompt,
            })),
          )
          .returning('message_count')
          .executeTakeFirstOrThrow();
        if (messages.length === 0) return;
        const first = Number(count) - messages.length;
        await transaction
          .insertInto('conversation_messages')
          .values(
            messages.map((message, index) => ({
              conversation_id: id,
              seq: first + index,
              message: JSON.stringify(message),
            })),
          )
          .execute();
      });
    },

    async delete(id) {
      // Messages go with it through the foreign key's ON DELETE CASCADE.
      const result = await db.deleteFrom('conversations').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
