import type { ToolCall } from '../../spec/chat-request.js';
import type { ChatChoice, ChatResponse } from '../../spec/chat-response.js';
import { ProviderError } from '../../spec/provider-error.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { createId } from '../../lib/create-id.js';
import { isObject, type GeminiCandidate, type GeminiResponse } from './gemini-api.js';
import { convertGeminiUsage } from './convert-gemini-usage.js';
import { createGeminiPromptBlockedError } from './create-gemini-prompt-blocked-error.js';
import { createGeminiToolCallId } from './gemini-tool-call-id.js';
import { mapGeminiFinishReason } from './map-gemini-finish-reason.js';

/**
 * A `generateContent` body as a ChatResponse (PROVIDERS.md §6.3): each candidate is a choice; `text`
 * parts are the content, `thought: true` parts the reasoning; `functionCall` parts become tool calls
 * with synthesized `call_…` ids (Gemini gives none) that carry the part's thought signature; a `STOP`
 * with function calls is `tool_calls`. Parts Arbiter cannot express in OpenAI's shape (generated
 * images, executable code) are left out, as are signatures of text parts, which Gemini does not
 * require back (only function calls are validated, see gemini-tool-call-id.ts).
 */
export function convertGeminiResponse(raw: unknown, provider: ProviderId, model: string): ChatResponse {
  if (!isObject(raw)) {
    throw new ProviderError({
      kind: 'server',
      provider,
      message: `${provider} returned a body that is not an object`,
    });
  }
  const body = raw as GeminiResponse;
  const candidates = body.candidates ?? [];
  if (candidates.length === 0 && body.promptFeedback?.blockReason) {
    throw createGeminiPromptBlockedError(provider, body.promptFeedback);
  }
  if (candidates.length === 0) {
    throw new ProviderError({ kind: 'server', provider, message: `${provider} returned no candidates` });
  }
  const response: ChatResponse = {
    id: body.responseId || createId('chatcmpl-'),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body.modelVersion || model,
    choices: candidates.map(convertCandidate),
  };
  if (isObject(body.usageMetadata)) response.usage = convertGeminiUsage(body.usageMetadata);
  return response;
}

function convertCandidate(candidate: GeminiCandidate, position: number): ChatChoice {
  let text: string | undefined;
  let reasoning: string | undefined;
  const toolCalls: ToolCall[] = [];
  for (const part of candidate.content?.parts ?? []) {
    if (isObject(part.functionCall)) {
      toolCalls.push({
        id: createGeminiToolCallId(part.thoughtSignature),
        type: 'function',
        function: {
          name: part.functionCall.name ?? '',
          arguments: JSON.stringify(part.functionCall.args ?? {}),
        },
      });
    } else if (typeof part.text === 'string') {
      if (part.thought === true) reasoning = (reasoning ?? '') + part.text;
      else text = (text ?? '') + part.text;
    }
  }
  const hasToolCalls = toolCalls.length > 0;
  const choice: ChatChoice = {
    index: candidate.index ?? position,
    message: {
      role: 'assistant',
      content: text ?? (hasToolCalls ? null : ''),
      refusal: null,
      ...(hasToolCalls ? { tool_calls: toolCalls } : {}),
      ...(reasoning !== undefined ? { reasoning_content: reasoning } : {}),
    },
    finish_reason: mapGeminiFinishReason(candidate.finishReason ?? 'STOP', hasToolCalls),
    logprobs: null,
  };
  return choice;
}
