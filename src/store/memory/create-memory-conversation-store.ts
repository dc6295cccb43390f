import { systemClock } from '../../lib/clock.js';
import type { Clock } from '../../lib/clock.js';
import type { Conversation, ConversationStore } from '../conversation-store.js';

export interface MemoryConversationStoreOptions {
  /** Conversations kept; the least recently used goes first once full. */
  maxConversations?: number;
  clock?: Clock;
}

/**
 * Conversations in memory, least recently used (read or appended) first out once `maxConversations`
 * (default 10,000) is reached, because callers choose conversation ids and could otherwise grow the
 * process without limit. Values are copied in and out, as a database would.
 */
export function createMemoryConversationStore(
  options: MemoryConversationStoreOptions = {},
): ConversationStore {
  const maxConversations = options.maxConversations ?? 10_000;
  const clock = options.clock ?? systemClock;
  const conversations = new Map<string, Conversation>();

  /** Moves the entry to the young end of the Map's insertion order, which is the LRU order. */
  function touch(id: string, conversation: Conversation): void {
    conversations.delete(id);
    conversations.set(id, conversation);
  }

  return {
    async get(id) {
      const conversation = conversations.get(id);
      if (conversation === undefined) return undefined;
      touch(id, conversation);
      return structuredClone(conversation);
    },

    async append(id, messages, systemPrompt) {
      const conversation = conversations.get(id) ?? { id, messages: [], updatedAt: 0 };
      conversation.messages.push(...structuredClone(messages));
      if (systemPrompt !== undefined) conversation.systemPrompt = systemPrompt;
      conversation.updatedAt = clock.now();
      touch(id, conversation);
      while (conversations.size > maxConversations) conversations.delete(conversations.keys().next().value!);
    },

    async delete(id) {
      return conversations.delete(id);
    },
  };
}
