import type { ChatStreamPart } from '../../spec/chat-stream-part.js';
import { ProviderError, isProviderError } from '../../spec/provider-error.js';
import { convertNetworkError } from '../../lib/convert-network-error.js';
import { parseSSE } from '../../lib/parse-sse.js';
import type {
  OpenAICompatibleChunk,
  OpenAICompatibleMessage,
  OpenAICompatibleUsage,
} from './openai-compatible-api.js';
import { isObject } from './openai-compatible-api.js';
import type { OpenAICompatibleConfig } from './openai-compatible-config.js';
import { convertOpenAICompatibleError } from './openai-compatible-error.js';
import { convertOpenAICompatibleUsage } from './convert-openai-compatible-usage.js';
import { mapOpenAICompatibleFinishReason } from './map-openai-compatible-finish-reason.js';

/**
 * An OpenAI-style SSE body as stream parts. Tolerates what hosts do differently: Azure's first chunk with
 * empty `choices` and no id, Mistral tool calls without `index`, usage on the finish chunk (Groq also in
 * `x_groq.usage`) or in a last `choices: []` chunk, reasoning in `reasoning_content` or `reasoning`, and a
 * mid-stream `{"error": ...}` payload with no `[DONE]` (PROVIDERS.md §2.5, §3).
 */
export async function* convertOpenAICompatibleStream(
  body: AsyncIterable<Uint8Array>,
  config: OpenAICompatibleConfig,
  signal?: AbortSignal,
): AsyncGenerator<ChatStreamPart> {
  const toolCalls = new ToolCallIndexer();
  const finishedChoices = new Set<number>();
  let usage: OpenAICompatibleUsage | undefined;
  let isMetadataSent = false;
  let isDone = false;
  try {
    for await (const message of parseSSE(body)) {
      if (message.data === '[DONE]') {
        isDone = true;
        break;
      }
      const chunk = parseChunk(message.data);
      if (chunk === undefined) {
        yield errorPart(config, `${config.provider} sent a stream event that is not JSON`);
        return;
      }
      if (message.event === 'error' || (chunk.error !== undefined && chunk.error !== null)) {
        yield { type: 'error', error: convertStreamError(chunk, config) };
        return;
      }
      if (!isMetadataSent && chunk.id) {
        isMetadataSent = true;
        yield {
          type: 'response-metadata',
          id: chunk.id,
          model: chunk.model,
          created: chunk.created,
          systemFingerprint: chunk.system_fingerprint,
        };
      }
      for (const choice of chunk.choices ?? []) {
        const choiceIndex = choice.index ?? 0;
        if (choice.delta) yield* convertDelta(choice.delta, choiceIndex, toolCalls);
        if (choice.finish_reason) {
          const reason = mapOpenAICompatibleFinishReason(choice.finish_reason);
          if (reason === 'error') {
            yield errorPart(config, `${config.provider} ended the generation with an error`);
            return;
          }
          finishedChoices.add(choiceIndex);
          yield { type: 'finish', choiceIndex, finishReason: reason };
        }
      }
      const chunkUsage = chunk.usage ?? chunk.x_groq?.usage;
      if (isObject(chunkUsage)) usage = chunkUsage;
    }
  } catch (error) {
    const converted = convertNetworkError(error, config.provider, signal, 'stream');
    if (!isProviderError(converted)) throw converted;
    yield { type: 'error', error: converted };
    return;
  }
  if (!isDone && finishedChoices.size === 0) {
    yield {
      type: 'error',
      error: new ProviderError({
        kind: 'network',
        provider: config.provider,
        message: `${config.provider} closed the stream before the answer was complete`,
      }),
    };
    return;
  }
  if (usage) yield { type: 'usage', usage: (config.convertUsage ?? convertOpenAICompatibleUsage)(usage) };
}

function* convertDelta(
  delta: OpenAICompatibleMessage,
  choiceIndex: number,
  toolCalls: ToolCallIndexer,
): Generator<ChatStreamPart> {
  const reasoning = delta.reasoning_content ?? delta.reasoning;
  if (reasoning) yield { type: 'reasoning-delta', choiceIndex, text: reasoning };
  const content = delta.content;
  if (typeof content === 'string') {
    if (content !== '') yield { type: 'text-delta', choiceIndex, text: content };
  } else if (Array.isArray(content)) {
    for (const part of content) {
      if (part.type === 'text' && part.text) yield { type: 'text-delta', choiceIndex, text: part.text };
      if (part.type === 'thinking' && typeof part.thinking === 'string') {
        yield { type: 'reasoning-delta', choiceIndex, text: part.thinking };
      }
    }
  }
  for (const call of delta.tool_calls ?? []) {
    const args = call.function?.arguments;
    yield {
      type: 'tool-call-delta',
      choiceIndex,
      toolCallIndex: toolCalls.indexOf(choiceIndex, call.index, call.id ?? undefined),
      id: call.id ?? undefined,
      name: call.function?.name ?? undefined,
      argumentsDelta: typeof args === 'string' ? args : args ? JSON.stringify(args) : '',
    };
  }
}

/**
 * Numbers tool calls per choice. OpenAI sends `index`; Mistral sends none, so a fragment with a new `id`
 * starts the next call and one without continues the last.
 */
class ToolCallIndexer {
  private readonly byChoice = new Map<number, { byUpstreamIndex: Map<number, number>; last: number }>();

  indexOf(choiceIndex: number, upstreamIndex: number | undefined, id: string | undefined): number {
    let state = this.byChoice.get(choiceIndex);
    if (!state) {
      state = { byUpstreamIndex: new Map(), last: -1 };
      this.byChoice.set(choiceIndex, state);
    }
    if (upstreamIndex !== undefined) {
      let index = state.byUpstreamIndex.get(upstreamIndex);
      if (index === undefined) {
        index = state.last + 1;
        state.byUpstreamIndex.set(upstreamIndex, index);
      }
      state.last = Math.max(state.last, index);
      return index;
    }
    if (id !== undefined || state.last === -1) state.last += 1;
    return state.last;
  }
}

function parseChunk(data: string): OpenAICompatibleChunk | undefined {
  try {
    const value: unknown = JSON.parse(data);
    return isObject(value) ? (value as OpenAICompatibleChunk) : undefined;
  } catch {
    return undefined;
  }
}

function convertStreamError(chunk: OpenAICompatibleChunk, config: OpenAICompatibleConfig): ProviderError {
  const code = isObject(chunk.error) ? chunk.error.code : undefined;
  const status = typeof code === 'number' && code >= 400 ? code : 500;
  return convertOpenAICompatibleError({
    provider: config.provider,
    status,
    headers: {},
    bodyText: JSON.stringify(chunk),
  });
}

function errorPart(config: OpenAICompatibleConfig, message: string): ChatStreamPart {
  return { type: 'error', error: new ProviderError({ kind: 'server', provider: config.provider, message }) };
}
