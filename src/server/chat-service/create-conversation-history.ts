import type { ChatMessage } from '../../spec/chat-request.js';
import type { Conversation, ConversationStore } from '../../store/conversation-store.js';

/** Conversations as the chat-service endpoints use them: appends off the request path, reads in order. */
export interface ConversationHistory {
  /** Waits for this conversation's pending appends, so a follow-up always sees the turn before it. */
  get(id: string): Promise<Conversation | undefined>;
  /** Starts the append and returns at once; a failure is reported, never thrown at a caller. */
  append(id: string, messages: readonly ChatMessage[], systemPrompt?: string): void;
  delete(id: string): Promise<boolean>;
  /** Resolves once every pending append has been written (shutdown). */
  flush(): Promise<void>;
}

/**
 * Wraps the conversation store so a turn is saved after its answer has gone out, yet the next request
 * of the same conversation (which may arrive before the write finished) still reads it: appends and reads
 * of one conversation are chained, different conversations never wait for each other.
 */
export function createConversationHistory(
  store: ConversationStore,
  onError: (error: unknown, conversationId: string) => void,
): ConversationHistory {
  const pending = new Map<string, Promise<void>>();
  const settled = (id: string): Promise<void> => pending.get(id) ?? Promise.resolve();

  return {
    async get(id) {
      await settled(id);
      return store.get(id);
    },
    append(id, messages, systemPrompt) {
      const write: Promise<void> = settled(id)
        .then(() => store.append(id, messages, systemPrompt))
        .catch((error: unknown) => onError(error, id))
        .finally(() => {
          if (pending.get(id) === write) pending.delete(id);
        });
      pending.set(id, write);
    },
    async delete(id) {
      await settled(id);
      return store.delete(id);
    },
    async flush() {
      await Promise.all(pending.values());
    },
  };
}
