import type { Usage } from '../../spec/usage.js';
import type { OllamaChatChunk } from './ollama-api.js';

/**
 * Usage from the counts on Ollama's final object. Both are `omitempty` in Ollama's Go types, so an
 * absent count means 0 (PROVIDERS.md §7.1). Ollama reports no cached or reasoning split.
 */
export function convertOllamaUsage(chunk: OllamaChatChunk): Usage {
  const promptTokens = typeof chunk.prompt_eval_count === 'number' ? chunk.prompt_eval_count : 0;
  const completionTokens = typeof chunk.eval_count === 'number' ? chunk.eval_count : 0;
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
}
