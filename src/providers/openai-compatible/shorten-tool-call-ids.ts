import { createHash } from 'node:crypto';
import { isObject } from './openai-compatible-api.js';

/** OpenAI refuses tool-call ids longer than 40 characters in the conversation it is sent. */
const maxToolCallIdLength = 40;

/**
 * Replaces over-long tool-call ids (Gemini's carry its thought signature) with stable short ones, in the
 * assistant turn and in the tool result that answers it alike, so a conversation started on another
 * provider can fall back to an OpenAI-family host. Messages are copied only when something changes.
 */
export function shortenToolCallIds(messages: unknown[]): unknown[] {
  let changed = false;
  const result = messages.map((message) => {
    if (!isObject(message)) return message;
    if (
      message.role === 'tool' &&
      typeof message.tool_call_id === 'string' &&
      message.tool_call_id.length > maxToolCallIdLength
    ) {
      changed = true;
      return { ...message, tool_call_id: toShortToolCallId(message.tool_call_id) };
    }
    if (message.role === 'assistant' && Array.isArray(message.tool_calls)) {
      const calls = message.tool_calls.map((call: unknown) =>
        isObject(call) && typeof call.id === 'string' && call.id.length > maxToolCallIdLength
          ? { ...call, id: toShortToolCallId(call.id) }
          : call,
      );
      if (calls.some((call, index) => call !== (message.tool_calls as unknown[])[index])) {
        changed = true;
        return { ...message, tool_calls: calls };
      }
    }
    return message;
  });
  return changed ? result : messages;
}

export function toShortToolCallId(id: string): string {
  return 'call_' + createHash('sha256').update(id).digest('base64url').slice(0, 32);
}
