import type { ToolCall } from '../../spec/chat-request.js';
import type { ChatChoice, ChatResponse, ChatResponseMessage } from '../../spec/chat-response.js';
import { ProviderError } from '../../spec/provider-error.js';
import type { Usage } from '../../spec/usage.js';
import { createId } from '../../lib/create-id.js';
import {
  isObject,
  type OpenAICompatibleChoice,
  type OpenAICompatibleMessage,
  type OpenAICompatibleToolCallDelta,
  type OpenAICompatibleUsage,
} from './openai-compatible-api.js';
import type { OpenAICompatibleConfig } from './openai-compatible-config.js';
import { convertOpenAICompatibleUsage } from './convert-openai-compatible-usage.js';
import { mapOpenAICompatibleFinishReason } from './map-openai-compatible-finish-reason.js';

/**
 * A host's `chat.completion` body as a ChatResponse. Fields the host adds (`x_groq`, `usage_breakdown`,
 * `service_tier`, usage timings) stay, so OpenAI-format callers see what the host said; only what
 * differs between hosts is normalised: reasoning field names, tool calls without `type`, finish reasons,
 * usage counts.
 */
export function convertOpenAICompatibleResponse(raw: unknown, config: OpenAICompatibleConfig): ChatResponse {
  if (!isObject(raw) || !Array.isArray(raw.choices)) {
    throw new ProviderError({
      kind: 'server',
      provider: config.provider,
      message: `${config.provider} returned a response without choices`,
    });
  }
  const choices = (raw.choices as OpenAICompatibleChoice[]).map((choice, position) =>
    convertChoice(choice, position, config),
  );
  const response: ChatResponse = {
    ...raw,
    id: typeof raw.id === 'string' && raw.id !== '' ? raw.id : createId('chatcmpl-'),
    object: 'chat.completion',
    created: typeof raw.created === 'number' ? raw.created : Math.floor(Date.now() / 1000),
    model: typeof raw.model === 'string' ? raw.model : '',
    choices,
  };
  if (isObject(raw.usage)) response.usage = mergeUsage(raw.usage as OpenAICompatibleUsage, config);
  else delete response.usage;
  return response;
}

function convertChoice(
  choice: OpenAICompatibleChoice,
  position: number,
  config: OpenAICompatibleConfig,
): ChatChoice {
  const reason = choice.finish_reason ? mapOpenAICompatibleFinishReason(choice.finish_reason) : null;
  if (reason === 'error') {
    throw new ProviderError({
      kind: 'server',
      provider: config.provider,
      message: `${config.provider} ended the generation with finish_reason "${choice.finish_reason}"`,
    });
  }
  return {
    ...choice,
    index: choice.index ?? position,
    message: convertMessage(choice.message ?? {}),
    finish_reason: reason,
    logprobs: choice.logprobs ?? null,
  };
}

function convertMessage(message: OpenAICompatibleMessage): ChatResponseMessage {
  const { reasoning, reasoning_content, content, tool_calls, ...rest } = message;
  let text: string | null = typeof content === 'string' ? content : null;
  let reasoningText = reasoning_content ?? reasoning ?? undefined;
  if (Array.isArray(content)) {
    // Mistral reasoning models answer with `text` and `thinking` parts.
    text = content.map((part) => (part.type === 'text' ? (part.text ?? '') : '')).join('');
    const thinking = content
      .filter((part) => part.type === 'thinking')
      .map((part) => stringifyThinking(part.thinking));
    if (thinking.length > 0) reasoningText = (reasoningText ?? '') + thinking.join('');
  }
  // `refusal` is a required field of OpenAI's message; hosts such as Mistral omit it.
  const result: ChatResponseMessage = {
    ...rest,
    role: 'assistant',
    content: text,
    refusal: rest.refusal ?? null,
  };
  if (tool_calls && tool_calls.length > 0) {
    result.tool_calls = tool_calls.map(convertToolCall);
    if (result.content === '') result.content = null;
  }
  if (reasoningText) result.reasoning_content = reasoningText;
  return result;
}

function convertToolCall(call: OpenAICompatibleToolCallDelta): ToolCall {
  const args = call.function?.arguments;
  return {
    id: call.id || createId('call_'),
    type: 'function',
    function: {
      name: call.function?.name ?? '',
      arguments: typeof args === 'string' ? args : JSON.stringify(args ?? {}),
    },
  };
}

function stringifyThinking(thinking: unknown): string {
  if (typeof thinking === 'string') return thinking;
  if (Array.isArray(thinking)) {
    return thinking
      .map((part) => (isObject(part) && typeof part.text === 'string' ? part.text : ''))
      .join('');
  }
  return '';
}

/** The host's usage object with its extras kept and the standard counts normalised. */
function mergeUsage(raw: OpenAICompatibleUsage, config: OpenAICompatibleConfig): Usage {
  const converted = (config.convertUsage ?? convertOpenAICompatibleUsage)(raw);
  const merged = { ...raw, ...converted } as Usage;
  if (isObject(raw.prompt_tokens_details)) {
    merged.prompt_tokens_details = {
      ...raw.prompt_tokens_details,
      ...converted.prompt_tokens_details,
    } as Usage['prompt_tokens_details'];
  }
  if (isObject(raw.completion_tokens_details)) {
    merged.completion_tokens_details = {
      ...raw.completion_tokens_details,
      ...converted.completion_tokens_details,
    } as Usage['completion_tokens_details'];
  }
  return merged;
}
