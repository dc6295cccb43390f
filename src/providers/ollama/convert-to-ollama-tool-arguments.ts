import { ProviderError } from '../../spec/provider-error.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { isObject } from './ollama-api.js';

/**
 * An earlier assistant turn's `function.arguments` (a JSON string in OpenAI's format) as the JSON object
 * Ollama requires (PROVIDERS.md §7.1; Ollama's `ToolCallFunctionArguments` is a map and refuses a string).
 *
 * Policy: an empty string means "no arguments" and becomes `{}` (OpenAI-style clients send `""` for
 * functions without parameters). Anything else must be a JSON object; invalid JSON, or JSON that is not
 * an object, is a `bad-request` naming the call rather than a silently rewritten history: the model's
 * earlier call would otherwise reach Ollama as something it never said.
 */
export function convertToOllamaToolArguments(
  argumentsText: string,
  call: { id: string; name: string },
  provider: ProviderId,
): Record<string, unknown> {
  if (argumentsText.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(argumentsText);
  } catch {
    throw invalidArguments(call, provider, 'is not valid JSON');
  }
  if (!isObject(parsed)) throw invalidArguments(call, provider, 'is not a JSON object');
  return parsed;
}

function invalidArguments(call: { id: string; name: string }, provider: ProviderId, problem: string) {
  return new ProviderError({
    kind: 'bad-request',
    provider,
    param: 'messages',
    message:
      `the arguments of tool call "${call.id}" (${call.name}) ${problem}; Ollama takes tool call arguments ` +
      'as JSON objects, so this conversation cannot be sent to it as it is',
  });
}
