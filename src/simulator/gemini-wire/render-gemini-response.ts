import type { SimulatedAnswer, SimulatedChoice } from '../simulated-answer.js';
import type { GeminiResponseMeta } from './gemini-response-meta.js';
import { mapToGeminiFinishReason, renderGeminiFunctionCall } from './render-gemini-parts.js';
import { renderGeminiUsage } from './render-gemini-usage.js';

/**
 * A `generateContent` body, key for key in the order of fixtures nonstream-text.json and
 * nonstream-tool-call.json: candidates (content, finishReason, index, and `finishMessage` after a
 * function call), usageMetadata, modelVersion, responseId. Sent pretty-printed (send-gemini-json.ts).
 */
export function renderGeminiResponse(
  answer: SimulatedAnswer,
  meta: GeminiResponseMeta,
): Record<string, unknown> {
  return {
    candidates: answer.choices.map((choice) => renderCandidate(choice, meta)),
    usageMetadata: renderGeminiUsage(answer.usage.promptTokens, answer.usage.completionTokens),
    modelVersion: meta.modelVersion,
    responseId: meta.responseId,
  };
}

function renderCandidate(choice: SimulatedChoice, meta: GeminiResponseMeta): Record<string, unknown> {
  const calls = choice.toolCalls.flatMap(
    (_call, callIndex) => renderGeminiFunctionCall(choice, callIndex, meta) ?? [],
  );
  const parts = calls.length > 0 ? calls : [{ text: choice.textTokens.join('') }];
  return {
    content: { parts, role: 'model' },
    finishReason: mapToGeminiFinishReason(choice.finishReason),
    index: choice.index,
    ...(calls.length > 0 ? { finishMessage: 'Model generated function call(s).' } : {}),
  };
}
