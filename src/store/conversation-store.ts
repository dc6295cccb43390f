import type { ChatMessage } from '../spec/chat-request.js';

export interface Conversation {
  id: string;
  /** Kept apart from the messages so trimming never drops it. */
  systemPrompt?: string;
  messages: ChatMessage[];
  /** Unix milliseconds. */
  updatedAt: number;
}

/** The conversations' store port: history kept by `conversation_id` for the chat-service endpoints. */
export interface ConversationStore {
  get(id: string): Promise<Conversation | undefined>;
  /**
   * Adds messages (and sets the system prompt when given), creating the conversation if needed, even with
   * no messages. `updatedAt` is the store's clock at the append.
   */
  append(id: string, messages: readonly ChatMessage[], systemPrompt?: string): Promise<void>;
  /** True when it existed. */
  delete(id: string): Promise<boolean>;
}
