import type { Usage } from '../../spec/usage.js';
import type { AnthropicUsage } from './anthropic-api.js';

/**
 * Anthropic usage in OpenAI's shape (PROVIDERS.md §5.4): Anthropic's `input_tokens` excludes cached
 * tokens, so `prompt_tokens` = input + cache creation + cache read, with the cache counts kept in
 * `prompt_tokens_details`; `output_tokens` already includes thinking, which is reported as reasoning.
 */
export function convertAnthropicUsage(usage: AnthropicUsage): Usage {
  const cacheRead = usage.cache_read_input_tokens;
  const cacheWrite = usage.cache_creation_input_tokens;
  const promptTokens = (usage.input_tokens ?? 0) + (cacheRead ?? 0) + (cacheWrite ?? 0);
  const completionTokens = usage.output_tokens ?? 0;
  const result: Usage = {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
  if (typeof cacheRead === 'number' || typeof cacheWrite === 'number') {
    result.prompt_tokens_details = { cached_tokens: cacheRead ?? 0, cache_write_tokens: cacheWrite ?? 0 };
  }
  const thinkingTokens = usage.output_tokens_details?.thinking_tokens;
  if (typeof thinkingTokens === 'number') {
    result.completion_tokens_details = { reasoning_tokens: thinkingTokens };
  }
  return result;
}
