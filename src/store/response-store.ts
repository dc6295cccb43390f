import type { ChatMessage } from '../spec/chat-request.js';

/** One stored Responses API answer: what GET returns, and what a follow-up continues from. */
export interface StoredResponse {
  id: string;
  /** The Response object as the caller received it. */
  response: Record<string, unknown>;
  /**
   * The conversation up to and including this answer, in the internal chat shape, without the request's
   * `instructions` (which OpenAI does not carry into follow-ups). Undefined when the conversation holds
   * items only OpenAI itself can continue (built-in tool calls).
   */
  conversation?: ChatMessage[];
  /** True when OpenAI produced it through pass-through, so OpenAI can continue it by id. */
  isNative: boolean;
  /** Unix milliseconds. */
  createdAt: number;
}

/** The store port for Responses API answers (`store: true`), shared by every backend. */
export interface ResponseStore {
  get(id: string): Promise<StoredResponse | undefined>;
  /** Creates or replaces the response with this id. */
  put(response: StoredResponse): Promise<void>;
  /** True when it existed. */
  delete(id: string): Promise<boolean>;
}
