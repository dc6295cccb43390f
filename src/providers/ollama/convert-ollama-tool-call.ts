import type { ToolCall } from '../../spec/chat-request.js';
import { createId } from '../../lib/create-id.js';
import type { OllamaToolCall } from './ollama-api.js';

/**
 * One Ollama tool call as OpenAI's: the arguments object becomes a JSON string, and a `call_…` id is
 * made up when the server sent none (older servers never do), so the caller can answer the call.
 */
export function convertOllamaToolCall(call: OllamaToolCall): ToolCall {
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
