import type { ChatResponse } from '../../spec/chat-response.js';
import type { FinishReason } from '../../spec/finish-reason.js';
import type { Usage } from '../../spec/usage.js';
import { createId } from '../../lib/create-id.js';

/** OpenAI finish reasons as Anthropic stop reasons (PROVIDERS.md §5.10). */
export function mapFinishReasonToAnthropic(reason: FinishReason | null | undefined): string {
  switch (reason) {
    case 'length':
      return 'max_tokens';
    case 'tool_calls':
    case 'function_call':
      return 'tool_use';
    case 'content_filter':
      return 'refusal';
    default:
      return 'end_turn';
  }
}

/** Internal usage as Anthropic's: input tokens exclude cache reads, which are counted apart. */
export function convertUsageToAnthropic(usage: Usage | undefined): Record<string, number> {
  const cached = usage?.prompt_tokens_details?.cached_tokens ?? 0;
  const written = usage?.prompt_tokens_details?.cache_write_tokens ?? 0;
  return {
    input_tokens: Math.max(0, (usage?.prompt_tokens ?? 0) - cached - written),
    cache_creation_input_tokens: written,
    cache_read_input_tokens: cached,
    output_tokens: usage?.completion_tokens ?? 0,
  };
}

/**
 * A chat response from a non-Anthropic target as an Anthropic Message. Tool-call arguments that are not
 * valid JSON objects become `{}` with the raw text kept under `_raw_arguments`, because `input` must be an
 * object and dropping the model's output silently would hide the fault.
 */
export function convertChatResponseToAnthropic(response: ChatResponse): Record<string, unknown> {
  const choice = response.choices[0];
  const content: Array<Record<string, unknown>> = [];
  const text = choice?.message.content;
  if (text) content.push({ type: 'text', text });
  for (const call of choice?.message.tool_calls ?? []) {
    content.push({
      type: 'tool_use',
      id: call.id,
      name: call.function.name,
      input: parseToolInput(call.function.arguments),
    });
  }
  return {
    id: response.id.startsWith('msg_') ? response.id : createId('msg_'),
    type: 'message',
    role: 'assistant',
    model: response.model,
    content,
    stop_reason: mapFinishReasonToAnthropic(choice?.finish_reason),
    stop_sequence: null,
    usage: convertUsageToAnthropic(response.usage),
  };
}

export function parseToolInput(argumentsText: string): Record<string, unknown> {
  if (argumentsText.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(argumentsText);
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // fall through: keep the model's text for the caller to see
  }
  return { _raw_arguments: argumentsText };
}
