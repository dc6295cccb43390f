import type { SimulatedUsage } from '../simulated-answer.js';

/**
 * OpenAI's `usage` with every detail field current responses carry (fixture openai/nonstream-text.json);
 * the simulator has no cache, audio, reasoning or predictions, so those are 0.
 */
export function renderOpenAIUsage(usage: SimulatedUsage): Record<string, unknown> {
  return {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.promptTokens + usage.completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}
