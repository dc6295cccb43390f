import type { Usage } from '../../spec/usage.js';
import type { OpenAICompatibleUsage } from './openai-compatible-api.js';

/**
 * Usage as OpenAI reports it, null-tolerant. Hosts add fields of their own (Groq timings, DeepSeek cache
 * counters); those are dropped here, the caller's response keeps the upstream's original usage object.
 */
export function convertOpenAICompatibleUsage(usage: OpenAICompatibleUsage): Usage {
  const promptTokens = usage.prompt_tokens ?? 0;
  const completionTokens = usage.completion_tokens ?? 0;
  const result: Usage = {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: usage.total_tokens ?? promptTokens + completionTokens,
  };
  const cachedTokens = usage.prompt_tokens_details?.cached_tokens ?? usage.prompt_cache_hit_tokens;
  if (typeof cachedTokens === 'number') result.prompt_tokens_details = { cached_tokens: cachedTokens };
  const reasoningTokens = usage.completion_tokens_details?.reasoning_tokens;
  if (typeof reasoningTokens === 'number')
    result.completion_tokens_details = { reasoning_tokens: reasoningTokens };
  return result;
}
