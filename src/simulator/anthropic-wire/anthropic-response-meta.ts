import { createAnthropicMessageId, createAnthropicToolUseId } from './anthropic-ids.js';
import type { AnthropicAnswer } from './plan-anthropic-answer.js';

/** What the body or the events of one answer repeat: its ids, and the thinking block's signature. */
export interface AnthropicResponseMeta {
  id: string;
  /** The model as the caller named it. */
  model: string;
  /** One `toolu_` id per planned tool call. */
  toolUseIds: string[];
  /** A base64 signature for the thinking block (Anthropic's are opaque base64 too). */
  signature: string;
}

export function createAnthropicResponseMeta(model: string, answer: AnthropicAnswer): AnthropicResponseMeta {
  const id = createAnthropicMessageId();
  return {
    id,
    model,
    toolUseIds: answer.toolCalls.map(() => createAnthropicToolUseId()),
    signature: Buffer.from(`arbiter-simulator-thinking-signature:${id}`).toString('base64'),
  };
}
