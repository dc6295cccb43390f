import { describe, expect, it } from 'vitest';
import type { Target } from '../target.js';
import { createSelectionContext, createTestTarget, idsOf } from './__fixtures__/create-selection-context.js';
import { createCostSelector } from './cost-selector.js';
import type { TargetPrice } from './selector.js';

const prices: Record<string, TargetPrice> = {
  'openai/gpt-4o@o#1': { inputPerMillion: 2.5, outputPerMillion: 10 },
  'openai/gpt-4o-mini@o#1': { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  'groq/llama-8b@g#1': { inputPerMillion: 0.05, outputPerMillion: 0.08 },
  'deepseek/chat@d#1': { inputPerMillion: 0.27, outputPerMillion: 1.1 },
};
const windows: Record<string, number> = { 'groq/llama-8b@g#1': 8_192, 'openai/gpt-4o-mini@o#1': 128_000 };
const ids = [
  'openai/gpt-4o@o#1',
  'local/mystery@l#1',
  'deepseek/chat@d#1',
  'openai/gpt-4o-mini@o#1',
  'groq/llama-8b@g#1',
];
const targets = ids.map(createTestTarget);

const contextFor = (estimatedInputTokens: number) =>
  createSelectionContext({
    request: { estimatedInputTokens },
    getPrice: (target: Target) => prices[target.id],
    getContextWindow: (target: Target) => windows[target.id],
  });

describe('cost selector', () => {
  it('puts the cheapest input + output price first and unknown prices last', () => {
    expect(idsOf(createCostSelector().order(targets, contextFor(1_000)))).toEqual([
      'groq/llama-8b@g#1', // 0.13
      'openai/gpt-4o-mini@o#1', // 0.75
      'deepseek/chat@d#1', // 1.37
      'openai/gpt-4o@o#1', // 12.5
      'local/mystery@l#1', // unknown
    ]);
  });

  it('drops targets whose known context window cannot hold the input', () => {
    expect(idsOf(createCostSelector().order(targets, contextFor(8_192)))).toEqual([
      'openai/gpt-4o-mini@o#1',
      'deepseek/chat@d#1',
      'openai/gpt-4o@o#1',
      'local/mystery@l#1',
    ]);
    expect(idsOf(createCostSelector().order(targets, contextFor(200_000)))).toEqual([
      'deepseek/chat@d#1',
      'openai/gpt-4o@o#1',
      'local/mystery@l#1',
    ]);
  });

  it('keeps the route order among equal prices and among the unpriced', () => {
    const context = createSelectionContext({ getPrice: () => ({ inputPerMillion: 1, outputPerMillion: 1 }) });
    expect(idsOf(createCostSelector().order(targets, context))).toEqual(ids);
    expect(idsOf(createCostSelector().order(targets, createSelectionContext()))).toEqual(ids);
  });
});
