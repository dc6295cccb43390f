import type { ChatMessage } from '../spec/chat-request.js';
import { loadMessageCounter } from './count-chat-tokens.js';

export interface TrimConversationOptions {
  /** Always kept, first. */
  systemPrompt?: string;
  /** The stored history, oldest first. */
  history: readonly ChatMessage[];
  /** This turn's new messages; always kept, last. */
  next: readonly ChatMessage[];
  /** The model's context window in tokens. */
  contextWindow: number;
  /** Tokens kept free for the answer: the request's `max_tokens`, else see defaultReplyBudget. */
  replyBudget?: number;
}

export interface TrimmedConversation {
  /** What to send: system prompt, the newest history that fits, the new messages. */
  messages: ChatMessage[];
  /** History messages left out, oldest first. */
  droppedCount: number;
}

/** Without `max_tokens`, a quarter of the window (at most 4096 tokens) is kept free for the answer. */
export function defaultReplyBudget(contextWindow: number): number {
  return Math.min(4096, Math.floor(contextWindow / 4));
}

/** OpenAI's framing: the reply is primed with 3 tokens. */
const replyPriming = 3;

/**
 * Fits a conversation into the model's context window minus the reply budget by dropping the oldest
 * history first; the system prompt and the new messages are always kept (if they alone are too long, the
 * provider's context-length error says so). After a cut, history restarts at a user turn: a tool result
 * without its call is rejected by every provider, and Anthropic and Gemini want a user turn first.
 * The tokenizer is loaded only when a cheap upper bound (UTF-8 bytes: a token is at least one byte) says
 * the conversation might not fit.
 */
export async function trimConversation(options: TrimConversationOptions): Promise<TrimmedConversation> {
  const system: ChatMessage[] = options.systemPrompt
    ? [{ role: 'system', content: options.systemPrompt }]
    : [];
  const budget =
    options.contextWindow - (options.replyBudget ?? defaultReplyBudget(options.contextWindow)) - replyPriming;
  const all = [...system, ...options.history, ...options.next];
  if (all.reduce((sum, message) => sum + upperBound(message), 0) <= budget)
    return { messages: all, droppedCount: 0 };

  const count = await loadMessageCounter();
  let used = [...system, ...options.next].reduce((sum, message) => sum + count(message), 0);
  let start = options.history.length;
  while (start > 0) {
    const cost = count(options.history[start - 1]!);
    if (used + cost > budget) break;
    used += cost;
    start--;
  }
  if (start > 0) while (start < options.history.length && options.history[start]!.role !== 'user') start++;
  return { messages: [...system, ...options.history.slice(start), ...options.next], droppedCount: start };
}

/** Never less than the tokenizer's count: every token covers at least one UTF-8 byte of the JSON. */
function upperBound(message: ChatMessage): number {
  const json = JSON.stringify(message);
  // An image costs up to 765 tokens however short its URL is (see count-chat-tokens.ts).
  const images = json.split('"image_url"').length - 1;
  return Buffer.byteLength(json) + 3 + images * 765;
}
