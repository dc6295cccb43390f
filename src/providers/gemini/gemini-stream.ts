import type { ChatStreamPart } from '../../spec/chat-stream-part.js';
import { ProviderError, isProviderError } from '../../spec/provider-error.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { convertNetworkError } from '../../lib/convert-network-error.js';
import { parseJSONOrUndefined } from '../../lib/http-request.js';
import { parseSSE } from '../../lib/parse-sse.js';
import {
  isObject,
  type GeminiCandidate,
  type GeminiResponse,
  type GeminiUsageMetadata,
} from './gemini-api.js';
import { convertGeminiError } from './gemini-error.js';
import { convertGeminiUsage } from './convert-gemini-usage.js';
import { createGeminiPromptBlockedError } from './create-gemini-prompt-blocked-error.js';
import { createGeminiToolCallId } from './gemini-tool-call-id.js';
import { mapGeminiFinishReason } from './map-gemini-finish-reason.js';

interface ChoiceState {
  toolCalls: number;
  isFinished: boolean;
}

/**
 * A `streamGenerateContent?alt=sse` body as stream parts (PROVIDERS.md §6.4). Every `data:` event is a
 * whole GenerateContentResponse holding only the new parts; there are no event names and no `[DONE]`:
 * the stream ends when the connection closes, which is a clean end once a `finishReason` was seen and a
 * `network` error part before that. Function calls arrive whole, so each is one tool-call delta with
 * its id (carrying the thought signature), name and complete arguments. `usageMetadata` is cumulative
 * and repeated on every chunk: the last one is the usage. A chunk with a top-level `error` is an error
 * part, as js-genai treats it. A prompt block with nothing streamed yet is a `content-filter` error part;
 * after text it finishes the open choices with `content_filter` (fixture stream-prompt-blocked-safety.sse).
 */
export async function* convertGeminiStream(
  body: AsyncIterable<Uint8Array | string>,
  options: { provider: ProviderId; signal?: AbortSignal },
): AsyncGenerator<ChatStreamPart> {
  const { provider } = options;
  const choices = new Map<number, ChoiceState>();
  let usage: GeminiUsageMetadata | undefined;
  let isMetadataSent = false;
  let hasContent = false;
  try {
    for await (const message of parseSSE(body)) {
      const chunk = parseJSONOrUndefined(message.data);
      if (!isObject(chunk)) {
        yield errorPart(provider, `${provider} sent a stream event that is not a JSON object`);
        return;
      }
      const response = chunk as GeminiResponse;
      if (isObject(response.error)) {
        const code = response.error.code;
        const status = typeof code === 'number' && code >= 400 ? code : 500;
        yield {
          type: 'error',
          error: convertGeminiError({ provider, status, headers: {}, bodyText: message.data }),
        };
        return;
      }
      if (!isMetadataSent && (response.responseId || response.modelVersion)) {
        isMetadataSent = true;
        yield {
          type: 'response-metadata',
          ...(response.responseId ? { id: response.responseId } : {}),
          ...(response.modelVersion ? { model: response.modelVersion } : {}),
        };
      }
      if (isObject(response.usageMetadata)) usage = response.usageMetadata;
      const parts: ChatStreamPart[] = [];
      (response.candidates ?? []).forEach((candidate, position) =>
        convertCandidate(candidate, candidate.index ?? position, choices, parts),
      );
      for (const part of parts) {
        if (part.type !== 'finish') hasContent = true;
        yield part;
      }
      const blockReason = response.promptFeedback?.blockReason;
      if (blockReason && (response.candidates ?? []).length === 0) {
        if (!hasContent) {
          yield { type: 'error', error: createGeminiPromptBlockedError(provider, response.promptFeedback!) };
          return;
        }
        for (const [choiceIndex, state] of choices) {
          if (state.isFinished) continue;
          state.isFinished = true;
          yield { type: 'finish', choiceIndex, finishReason: 'content_filter' };
        }
      }
    }
  } catch (error) {
    const converted = convertNetworkError(error, provider, options.signal, 'stream');
    if (!isProviderError(converted)) throw converted;
    yield { type: 'error', error: converted };
    return;
  }
  if (![...choices.values()].some((state) => state.isFinished)) {
    yield {
      type: 'error',
      error: new ProviderError({
        kind: 'network',
        provider,
        message: `${provider} closed the stream before the answer was complete`,
      }),
    };
    return;
  }
  if (usage) yield { type: 'usage', usage: convertGeminiUsage(usage) };
}

function convertCandidate(
  candidate: GeminiCandidate,
  choiceIndex: number,
  choices: Map<number, ChoiceState>,
  result: ChatStreamPart[],
): void {
  let state = choices.get(choiceIndex);
  if (state === undefined) {
    state = { toolCalls: 0, isFinished: false };
    choices.set(choiceIndex, state);
  }
  for (const part of candidate.content?.parts ?? []) {
    if (isObject(part.functionCall)) {
      result.push({
        type: 'tool-call-delta',
        choiceIndex,
        toolCallIndex: state.toolCalls++,
        id: createGeminiToolCallId(part.thoughtSignature),
        name: part.functionCall.name ?? '',
        argumentsDelta: JSON.stringify(part.functionCall.args ?? {}),
      });
    } else if (typeof part.text === 'string' && part.text !== '') {
      result.push({
        type: part.thought === true ? 'reasoning-delta' : 'text-delta',
        choiceIndex,
        text: part.text,
      });
    }
  }
  if (candidate.finishReason) {
    state.isFinished = true;
    result.push({
      type: 'finish',
      choiceIndex,
      finishReason: mapGeminiFinishReason(candidate.finishReason, state.toolCalls > 0),
    });
  }
}

function errorPart(provider: ProviderId, message: string): ChatStreamPart {
  return { type: 'error', error: new ProviderError({ kind: 'server', provider, message }) };
}
