import { describe, expect, it } from 'vitest';
import { getAnthropicModelTraits } from './get-anthropic-model-traits.js';

describe('getAnthropicModelTraits', () => {
  it('marks models released after Claude Opus 4.6 as rejecting sampling parameters', () => {
    const rejects = (model: string) => getAnthropicModelTraits(model).rejectsSamplingParameters;
    for (const model of [
      'claude-3-5-haiku-latest',
      'claude-3-haiku-20240307',
      'claude-opus-4-20250514',
      'claude-sonnet-4-5-20250929',
      'claude-opus-4-6',
      'claude-sonnet-4-6',
      'anthropic.claude-3-7-sonnet-20250219-v1:0',
      'sim-fast',
      'llama-3.3-70b',
    ]) {
      expect(rejects(model), model).toBe(false);
    }
    for (const model of [
      'claude-opus-4-7',
      'claude-opus-4-8',
      'claude-opus-4-10',
      'claude-opus-5',
      'claude-sonnet-5-5',
      'claude-fable-5',
      'claude-mythos-preview',
      'claude-opus-4-7@20260401',
    ]) {
      expect(rejects(model), model).toBe(true);
    }
  });

  it('gives adaptive thinking from 4.6 and a default max_tokens per model family', () => {
    expect(getAnthropicModelTraits('claude-opus-4-6')).toEqual({
      rejectsSamplingParameters: false,
      hasAdaptiveThinking: true,
      defaultMaxTokens: 64_000,
    });
    expect(getAnthropicModelTraits('claude-sonnet-4-5').hasAdaptiveThinking).toBe(false);
    expect(getAnthropicModelTraits('claude-3-haiku-20240307').defaultMaxTokens).toBe(4096);
    expect(getAnthropicModelTraits('claude-3-5-sonnet-latest').defaultMaxTokens).toBe(8192);
    expect(getAnthropicModelTraits('claude-3-7-sonnet-latest').defaultMaxTokens).toBe(64_000);
    expect(getAnthropicModelTraits('claude-opus-4-1').defaultMaxTokens).toBe(32_000);
    expect(getAnthropicModelTraits('claude-opus-4-5').defaultMaxTokens).toBe(64_000);
    expect(getAnthropicModelTraits('sim-fast').defaultMaxTokens).toBe(4096);
  });
});
