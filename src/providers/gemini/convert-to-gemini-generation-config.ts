import type { ChatRequest } from '../../spec/chat-request.js';
import { isGemini3OrLater } from './is-gemini-3-or-later.js';

/** Thinking levels of Gemini 3 by OpenAI `reasoning_effort`; Gemini 3 cannot switch thinking off. */
const thinkingLevels: Readonly<Record<string, string>> = {
  none: 'MINIMAL',
  minimal: 'MINIMAL',
  low: 'LOW',
  medium: 'MEDIUM',
  high: 'HIGH',
};

/** Thinking budgets (tokens) of Gemini 2.5 by `reasoning_effort`; 0 switches thinking off. */
const thinkingBudgets: Readonly<Record<string, number>> = {
  none: 0,
  minimal: 512,
  low: 1024,
  medium: 8192,
  high: 24_576,
};

/**
 * The request's sampling and output options as `generationConfig` (PROVIDERS.md §6.2); `{}` when there
 * are none, as js-genai sends it (fixture recording-stream-function-calling.json). `response_format` json_object → `responseMimeType: application/json`; json_schema
 * adds the schema as `responseJsonSchema` (JSON Schema, not the OpenAPI subset of `responseSchema`).
 *
 * `reasoning_effort` becomes `thinkingConfig`: Gemini 3 models take `thinkingLevel`, Gemini 2.5 models
 * `thinkingBudget` (low 1024, medium 8192, high 24576 tokens; `none` is 0, which 2.5 Pro refuses with a
 * 400 because it cannot stop thinking). Only one of the two may be sent (400 otherwise, §6.2). Any
 * effort but `none` also asks for `includeThoughts`, so the thought summaries arrive as reasoning.
 * Not mapped: `logit_bias`, `logprobs` (Gemini's log-probabilities have another shape) and `user`.
 */
export function convertToGeminiGenerationConfig(
  request: ChatRequest,
  model: string,
): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  const maxTokens = request.max_completion_tokens ?? request.max_tokens;
  if (maxTokens != null) config.maxOutputTokens = maxTokens;
  if (request.temperature != null) config.temperature = request.temperature;
  if (request.top_p != null) config.topP = request.top_p;
  if (request.stop != null)
    config.stopSequences = typeof request.stop === 'string' ? [request.stop] : request.stop;
  if (request.seed != null) config.seed = request.seed;
  if (request.n != null) config.candidateCount = request.n;
  if (request.presence_penalty != null) config.presencePenalty = request.presence_penalty;
  if (request.frequency_penalty != null) config.frequencyPenalty = request.frequency_penalty;
  const format = request.response_format;
  if (format?.type === 'json_object' || format?.type === 'json_schema') {
    config.responseMimeType = 'application/json';
    if (format.type === 'json_schema' && format.json_schema.schema) {
      config.responseJsonSchema = format.json_schema.schema;
    }
  }
  const thinkingConfig = getThinkingConfig(request.reasoning_effort, model);
  if (thinkingConfig !== undefined) config.thinkingConfig = thinkingConfig;
  return config;
}

function getThinkingConfig(
  effort: string | null | undefined,
  model: string,
): Record<string, unknown> | undefined {
  if (effort == null) return undefined;
  const includeThoughts = effort !== 'none';
  if (isGemini3OrLater(model)) {
    const thinkingLevel = thinkingLevels[effort];
    return thinkingLevel === undefined ? undefined : { thinkingLevel, includeThoughts };
  }
  const thinkingBudget = thinkingBudgets[effort];
  return thinkingBudget === undefined ? undefined : { thinkingBudget, includeThoughts };
}
