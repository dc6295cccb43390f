import type { ChatMessage, ChatRequest } from '../spec/chat-request.js';

type Counter = (text: string) => number;
let counter: Promise<Counter> | undefined;

/**
 * The o200k tokenizer (GPT-4o and newer), loaded on first use only: it costs ~230 ms and ~65 MB, which
 * a gateway whose providers report usage should never pay.
 */
function loadCounter(): Promise<Counter> {
  counter ??= import('gpt-tokenizer/encoding/o200k_base').then(
    (module) => (text: string) => module.countTokens(text),
  );
  return counter;
}

/** OpenAI's chat framing: each message costs 3 tokens around its content, the reply is primed with 3. */
const tokensPerMessage = 3;
const tokensForReplyPriming = 3;
/** OpenAI bills a high-detail image from 85 tokens plus 170 per 512-px tile; 765 is a 1024×1024 image. */
const tokensPerImage = { low: 85, default: 765 };

/**
 * Input tokens of a chat request, counted with a real tokenizer (exact for OpenAI's o200k models, a
 * documented estimate for every other provider, whose tokenizers are not public or not in JS): message
 * texts and names, tool-call arguments, tool definitions as JSON, and a fixed cost per image.
 */
export async function countChatTokens(request: Pick<ChatRequest, 'messages' | 'tools'>): Promise<number> {
  const count = await loadCounter();
  let total = tokensForReplyPriming;
  for (const message of request.messages) total += tokensPerMessage + countMessage(message, count);
  if (request.tools?.length) total += count(JSON.stringify(request.tools));
  return total;
}

function countMessage(message: ChatMessage, count: Counter): number {
  let total = 'name' in message && typeof message.name === 'string' ? count(message.name) + 1 : 0;
  const content = message.content;
  if (typeof content === 'string') total += count(content);
  else if (Array.isArray(content)) {
    for (const part of content) {
      if (part.type === 'text') total += count(part.text);
      else if (part.type === 'refusal') total += count(part.refusal);
      else if (part.type === 'image_url')
        total += part.image_url.detail === 'low' ? tokensPerImage.low : tokensPerImage.default;
    }
  }
  if (message.role === 'assistant') {
    for (const call of message.tool_calls ?? [])
      total += count(call.function.name) + count(call.function.arguments);
  }
  return total;
}

/**
 * A synchronous per-message counter, once the tokenizer is loaded: for code that weighs many messages one
 * by one (trimming a conversation). Each message includes its framing; the reply priming is not included.
 */
export async function loadMessageCounter(): Promise<(message: ChatMessage) => number> {
  const count = await loadCounter();
  return (message) => tokensPerMessage + countMessage(message, count);
}

/** Output tokens of a text the upstream did not count (a cut stream). */
export async function countTextTokens(text: string): Promise<number> {
  return (await loadCounter())(text);
}
