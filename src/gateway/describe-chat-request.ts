import type { ChatRequest } from '../spec/chat-request.js';
import type { SelectionRequest } from '../routing/selectors/selector.js';

/** Characters per token of English text, for estimates made where a tokenizer would cost too much. */
const charactersPerToken = 4;

/**
 * What routing needs to know of a chat request, computed without a tokenizer (the hot path cannot pay
 * for one): message count, the last user text for content rules, and an input-token estimate of about
 * four characters per token, which is what rate limits and context-window fits are checked against.
 */
export function describeChatRequest(request: ChatRequest, plan?: string): SelectionRequest {
  let characters = 0;
  let text = '';
  for (const message of request.messages) {
    const content = message.content;
    if (typeof content === 'string') {
      characters += content.length;
      if (message.role === 'user') text = content;
    } else if (Array.isArray(content)) {
      let parts = '';
      for (const part of content) if ('text' in part && typeof part.text === 'string') parts += part.text;
      characters += parts.length;
      if (message.role === 'user') text = parts;
    }
  }
  return {
    isStream: request.stream === true,
    messageCount: request.messages.length,
    estimatedInputTokens: Math.ceil(characters / charactersPerToken) + 3 * request.messages.length,
    text,
    plan,
  };
}
