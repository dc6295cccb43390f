import { createHash } from 'node:crypto';
import { isObject } from './openai-compatible-api.js';

/**
 * Mistral's differences from OpenAI's request: `tool_choice: "required"` is `"any"`, `seed` is
 * `random_seed`, and tool call ids must be 9 alphanumeric characters, so ids minted by other providers
 * (`call_…`, `toolu_…`) are mapped to stable 9-character ones in both the assistant turn and the tool
 * result that answers it. @see ../../../../shared/protocols/PROVIDERS.md §3 (Mistral)
 */
export function transformMistralRequest(body: Record<string, unknown>): Record<string, unknown> {
  if (body.tool_choice === 'required') body.tool_choice = 'any';
  if (body.seed !== undefined) {
    body.random_seed = body.seed;
    delete body.seed;
  }
  if (Array.isArray(body.messages)) body.messages = body.messages.map(mapToolCallIds);
  return body;
}

function mapToolCallIds(message: unknown): unknown {
  if (!isObject(message)) return message;
  if (message.role === 'tool' && typeof message.tool_call_id === 'string') {
    return { ...message, tool_call_id: toMistralToolCallId(message.tool_call_id) };
  }
  if (message.role === 'assistant' && Array.isArray(message.tool_calls)) {
    return {
      ...message,
      tool_calls: message.tool_calls.map((call: unknown) =>
        isObject(call) && typeof call.id === 'string' ? { ...call, id: toMistralToolCallId(call.id) } : call,
      ),
    };
  }
  return message;
}

export function toMistralToolCallId(id: string): string {
  if (/^[A-Za-z0-9]{9}$/.test(id)) return id;
  return createHash('sha256')
    .update(id)
    .digest('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 9);
}
