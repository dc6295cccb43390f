import type { ChatResponse, ChatResponseMessage } from '../../spec/chat-response.js';
import { ProviderError } from '../../spec/provider-error.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { createId } from '../../lib/create-id.js';
import { isObject, type OllamaChatChunk } from './ollama-api.js';
import { convertOllamaToolCall } from './convert-ollama-tool-call.js';
import { convertOllamaUsage } from './convert-ollama-usage.js';
import { mapOllamaDoneReason } from './map-ollama-done-reason.js';

/**
 * A non-streamed `/api/chat` body as a ChatResponse (fixture ollama/chat-nonstream-tools-docs.json).
 * Ollama answers have no id, so one is made up; `created_at` becomes Unix seconds; `message.thinking` is
 * the reasoning.
 */
export function convertOllamaResponse(body: unknown, provider: ProviderId): ChatResponse {
  if (!isObject(body) || !isObject(body.message)) {
    throw new ProviderError({
      kind: 'server',
      provider,
      message: `${provider} returned a response without a message`,
    });
  }
  const chunk = body as OllamaChatChunk;
  const raw = chunk.message!;
  const toolCalls = (raw.tool_calls ?? []).map(convertOllamaToolCall);
  const message: ChatResponseMessage = {
    role: 'assistant',
    content: toolCalls.length > 0 && !raw.content ? null : (raw.content ?? ''),
    refusal: null,
  };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  if (raw.thinking) message.reasoning_content = raw.thinking;
  return {
    id: createId('chatcmpl-'),
    object: 'chat.completion',
    created: convertOllamaCreatedAt(chunk.created_at),
    model: typeof chunk.model === 'string' ? chunk.model : '',
    choices: [
      {
        index: 0,
        message,
        finish_reason: mapOllamaDoneReason(chunk.done_reason, toolCalls.length > 0),
        logprobs: null,
      },
    ],
    usage: convertOllamaUsage(chunk),
  };
}

/** Ollama's RFC 3339 `created_at` as Unix seconds; now when it is missing or unreadable. */
export function convertOllamaCreatedAt(createdAt: string | undefined): number {
  const milliseconds = createdAt === undefined ? Number.NaN : Date.parse(createdAt);
  return Math.floor((Number.isFinite(milliseconds) ? milliseconds : Date.now()) / 1000);
}
