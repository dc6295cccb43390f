import type { Usage } from '../../spec/usage.js';
import { isObject } from './openai-compatible-api.js';

/** The Responses API's usage (`input_tokens`, `output_tokens`, details) in the internal shape. */
export function convertOpenAIResponsesUsage(usage: unknown): Usage | undefined {
  if (!isObject(usage)) return undefined;
  const number = (value: unknown): number => (typeof value === 'number' ? value : 0);
  const promptTokens = number(usage.input_tokens);
  const completionTokens = number(usage.output_tokens);
  const inputDetails = isObject(usage.input_tokens_details) ? usage.input_tokens_details : {};
  const outputDetails = isObject(usage.output_tokens_details) ? usage.output_tokens_details : {};
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: number(usage.total_tokens) || promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: number(inputDetails.cached_tokens) },
    completion_tokens_details: { reasoning_tokens: number(outputDetails.reasoning_tokens) },
  };
}
