import type { Usage } from '../../spec/usage.js';
import type { GeminiUsageMetadata } from './gemini-api.js';

/**
 * `usageMetadata` in OpenAI's shape. Gemini's `candidatesTokenCount` EXCLUDES thoughts, OpenAI's
 * `completion_tokens` include reasoning, so completion = candidates + thoughts (fixture
 * recording-stream-system-instruction.json: 20 + 253 + 260 = 533 total). Tool-use prompt tokens (from
 * built-in tools) are input the caller pays for, so they join the prompt. Null-tolerant: early stream
 * chunks omit zero counts.
 * @see ../../../../shared/protocols/PROVIDERS.md §6.3.
 */
export function convertGeminiUsage(usage: GeminiUsageMetadata): Usage {
  const promptTokens = (usage.promptTokenCount ?? 0) + (usage.toolUsePromptTokenCount ?? 0);
  const thoughtsTokens = usage.thoughtsTokenCount;
  const completionTokens = (usage.candidatesTokenCount ?? 0) + (thoughtsTokens ?? 0);
  const result: Usage = {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: usage.totalTokenCount ?? promptTokens + completionTokens,
  };
  if (typeof usage.cachedContentTokenCount === 'number') {
    result.prompt_tokens_details = { cached_tokens: usage.cachedContentTokenCount };
  }
  if (typeof thoughtsTokens === 'number') {
    result.completion_tokens_details = { reasoning_tokens: thoughtsTokens };
  }
  return result;
}
