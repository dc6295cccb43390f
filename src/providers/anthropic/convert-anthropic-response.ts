import type { ToolCall } from '../../spec/chat-request.js';
import type { ChatResponse, ChatResponseMessage } from '../../spec/chat-response.js';
import { ProviderError } from '../../spec/provider-error.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { createId } from '../../lib/create-id.js';
import { isObject, type AnthropicMessage } from './anthropic-api.js';
import { convertAnthropicUsage } from './convert-anthropic-usage.js';
import { mapAnthropicStopReason } from './map-anthropic-stop-reason.js';

/**
 * A `Message` as a `chat.completion` (PROVIDERS.md §5.4): text blocks joined into `content` (null for a
 * turn that only called tools), `tool_use` blocks as `tool_calls` with the input as a JSON string,
 * thinking blocks as `reasoning_content`, the message id kept. Server-tool and redacted-thinking blocks
 * have no OpenAI equivalent and are left out.
 */
export function convertAnthropicResponse(raw: unknown, provider: ProviderId): ChatResponse {
  if (!isObject(raw) || !Array.isArray(raw.content)) {
    throw new ProviderError({
      kind: 'server',
      provider,
      message: `${provider} returned a message without content`,
    });
  }
  const body = raw as AnthropicMessage;
  let text: string | undefined;
  let reasoning: string | undefined;
  const toolCalls: ToolCall[] = [];
  for (const block of body.content ?? []) {
    if (block.type === 'text' && typeof block.text === 'string') text = (text ?? '') + block.text;
    else if (block.type === 'thinking' && typeof block.thinking === 'string') {
      reasoning = (reasoning ?? '') + block.thinking;
    } else if (block.type === 'tool_use') {
      toolCalls.push({
        id: block.id || createId('toolu_'),
        type: 'function',
        function: { name: block.name ?? '', arguments: JSON.stringify(block.input ?? {}) },
      });
    }
  }
  const message: ChatResponseMessage = {
    role: 'assistant',
    content: text ?? (toolCalls.length > 0 ? null : ''),
    refusal: null,
  };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  if (reasoning !== undefined) message.reasoning_content = reasoning;
  const response: ChatResponse = {
    id: body.id || createId('msg_'),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body.model ?? '',
    choices: [{ index: 0, message, finish_reason: mapAnthropicStopReason(body.stop_reason), logprobs: null }],
  };
  if (isObject(body.usage)) response.usage = convertAnthropicUsage(body.usage);
  return response;
}
