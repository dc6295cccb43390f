import type { ChatStreamPart } from '../../spec/chat-stream-part.js';
import { ProviderError, isProviderError } from '../../spec/provider-error.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { convertNetworkError } from '../../lib/convert-network-error.js';
import { createId } from '../../lib/create-id.js';
import { parseNDJSONLines } from '../../lib/parse-ndjson.js';
import { isObject, type OllamaChatChunk } from './ollama-api.js';
import { convertOllamaCreatedAt } from './convert-ollama-response.js';
import { convertOllamaToolCall } from './convert-ollama-tool-call.js';
import { convertOllamaUsage } from './convert-ollama-usage.js';
import { convertOllamaError } from './ollama-error.js';
import { mapOllamaDoneReason } from './map-ollama-done-reason.js';

/**
 * An `/api/chat` NDJSON body as stream parts (PROVIDERS.md §1 and §7.1; fixtures ollama/chat-stream-*).
 * Each object carries a delta; tool calls arrive whole in a non-final object, so each becomes one
 * fragment with its id, name and complete arguments. The `done: true` object ends the answer with the
 * finish reason and usage. A `{"error": ...}` line (HTTP status still 200, fixture
 * ollama/generate-stream-midstream-error.ndjson) and a body that ends before `done: true` are errors.
 */
export async function* convertOllamaStream(
  body: AsyncIterable<Uint8Array>,
  provider: ProviderId,
  signal?: AbortSignal,
): AsyncGenerator<ChatStreamPart> {
  let isMetadataSent = false;
  let toolCallCount = 0;
  try {
    for await (const line of parseNDJSONLines(body)) {
      const chunk = parseChunk(line);
      if (chunk === undefined) {
        yield errorPart(provider, 'server', `${provider} sent a stream line that is not a JSON object`);
        return;
      }
      if (chunk.error !== undefined && chunk.error !== null) {
        const error = convertOllamaError({ provider, status: 500, headers: {}, bodyText: line });
        yield { type: 'error', error };
        return;
      }
      if (!isMetadataSent) {
        isMetadataSent = true;
        yield {
          type: 'response-metadata',
          id: createId('chatcmpl-'),
          model: chunk.model,
          created: convertOllamaCreatedAt(chunk.created_at),
        };
      }
      const message = chunk.message;
      if (message?.thinking) yield { type: 'reasoning-delta', choiceIndex: 0, text: message.thinking };
      if (message?.content) yield { type: 'text-delta', choiceIndex: 0, text: message.content };
      for (const call of message?.tool_calls ?? []) {
        const converted = convertOllamaToolCall(call);
        yield {
          type: 'tool-call-delta',
          choiceIndex: 0,
          toolCallIndex: toolCallCount++,
          id: converted.id,
          name: converted.function.name,
          argumentsDelta: converted.function.arguments,
        };
      }
      if (chunk.done === true) {
        const finishReason = mapOllamaDoneReason(chunk.done_reason, toolCallCount > 0);
        yield { type: 'finish', choiceIndex: 0, finishReason };
        yield { type: 'usage', usage: convertOllamaUsage(chunk) };
        return;
      }
    }
  } catch (error) {
    const converted = convertNetworkError(error, provider, signal, 'stream');
    if (!isProviderError(converted)) throw converted;
    yield { type: 'error', error: converted };
    return;
  }
  yield errorPart(provider, 'network', `${provider} closed the stream before the answer was complete`);
}

function parseChunk(line: string): OllamaChatChunk | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return isObject(value) ? (value as OllamaChatChunk) : undefined;
  } catch {
    return undefined;
  }
}

function errorPart(provider: ProviderId, kind: 'server' | 'network', message: string): ChatStreamPart {
  return { type: 'error', error: new ProviderError({ kind, provider, message }) };
}
