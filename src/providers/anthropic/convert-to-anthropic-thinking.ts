import type { AnthropicEffort, AnthropicThinkingParam } from './anthropic-request-body.js';
import type { AnthropicModelTraits } from './get-anthropic-model-traits.js';

const effortByReasoningEffort: Readonly<Record<string, AnthropicEffort>> = {
  minimal: 'low',
  low: 'low',
  medium: 'medium',
  high: 'high',
  xhigh: 'xhigh',
  max: 'max',
};

/** Thinking budgets for models without adaptive thinking; Anthropic's minimum is 1024. */
const budgetByEffort: Readonly<Record<AnthropicEffort, number>> = {
  low: 1024,
  medium: 4096,
  high: 16_384,
  xhigh: 32_768,
  max: 49_152,
};
const minimumBudget = 1024;
/** Room left for the visible answer when the limit is ours to choose. */
const answerRoom = 4096;

export interface AnthropicThinkingSettings {
  thinking?: AnthropicThinkingParam;
  effort?: AnthropicEffort;
  maxTokens: number;
}

/**
 * OpenAI's `reasoning_effort` as Anthropic thinking (PROVIDERS.md §5.3): `none` disables thinking; on
 * Claude 4.6 and later the effort becomes `output_config.effort` with adaptive thinking; on older models
 * a fixed `budget_tokens` per effort, which must stay below `max_tokens`. When the caller's own limit
 * leaves no room for the 1024-token minimum budget, the request is sent without thinking; when the limit
 * is ours, it grows to fit the budget and an answer.
 */
export function convertToAnthropicThinking(
  reasoningEffort: string | null | undefined,
  traits: AnthropicModelTraits,
  maxTokens: number,
  isLimitFromCaller: boolean,
): AnthropicThinkingSettings {
  if (reasoningEffort === 'none') return { thinking: { type: 'disabled' }, maxTokens };
  const effort = reasoningEffort ? effortByReasoningEffort[reasoningEffort] : undefined;
  if (effort === undefined) return { maxTokens };
  if (traits.hasAdaptiveThinking) return { thinking: { type: 'adaptive' }, effort, maxTokens };
  const budget = budgetByEffort[effort];
  if (!isLimitFromCaller) {
    return {
      thinking: { type: 'enabled', budget_tokens: budget },
      maxTokens: Math.max(maxTokens, budget + answerRoom),
    };
  }
  const fittingBudget = Math.min(budget, maxTokens - 1);
  if (fittingBudget < minimumBudget) return { maxTokens };
  return { thinking: { type: 'enabled', budget_tokens: fittingBudget }, maxTokens };
}
