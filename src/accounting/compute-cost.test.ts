import { describe, expect, it } from 'vitest';
import { computeCost } from './compute-cost.js';
import { createModelInfoLookup } from './get-model-info.js';

const lookup = createModelInfoLookup();

describe('computeCost', () => {
  it('bills input and output per million tokens at the catalog price', () => {
    // gpt-4o-mini: $0.15 in, $0.60 out per million.
    const cost = computeCost(
      { prompt_tokens: 1_000_000, completion_tokens: 500_000, total_tokens: 1_500_000 },
      lookup('openai', 'gpt-4o-mini'),
    );
    expect(cost).toBe(0.45);
    // 1,234 in and 567 out on gpt-4o ($2.50 / $10): 0.003085 + 0.00567.
    expect(
      computeCost(
        { prompt_tokens: 1234, completion_tokens: 567, total_tokens: 1801 },
        lookup('openai', 'gpt-4o'),
      ),
    ).toBe(0.008755);
  });

  it('bills cached input at the cached price and cache writes at the write price', () => {
    // claude-sonnet-4-5: $3 in, $0.30 cache read, $3.75 cache write, $15 out.
    const cost = computeCost(
      {
        prompt_tokens: 10_000,
        completion_tokens: 1_000,
        total_tokens: 11_000,
        prompt_tokens_details: { cached_tokens: 6_000, cache_write_tokens: 2_000 },
      },
      lookup('anthropic', 'claude-sonnet-4-5'),
    );
    expect(cost).toBeCloseTo((2_000 * 3 + 6_000 * 0.3 + 2_000 * 3.75 + 1_000 * 15) / 1e6, 12);
  });

  it('bills reasoning tokens once, as the output they are part of', () => {
    const usage = {
      prompt_tokens: 100,
      completion_tokens: 1_100,
      total_tokens: 1_200,
      completion_tokens_details: { reasoning_tokens: 1_000 },
    };
    // o4-mini: $1.10 in, $4.40 out.
    expect(computeCost(usage, lookup('openai', 'o4-mini'))).toBeCloseTo((100 * 1.1 + 1_100 * 4.4) / 1e6, 12);
  });

  it('costs nothing for unknown models (which say so) and simulated ones', () => {
    const usage = { prompt_tokens: 5_000, completion_tokens: 5_000, total_tokens: 10_000 };
    const unknown = lookup('my-vllm', 'qwen2.5-coder');
    expect(computeCost(usage, unknown)).toBe(0);
    expect(unknown.isKnown).toBe(false);
    expect(computeCost(usage, lookup('groq', 'sim-fast'))).toBe(0);
  });

  it('uses the input price for cached tokens when a model has no cached price', () => {
    const usage = {
      prompt_tokens: 1_000_000,
      completion_tokens: 0,
      total_tokens: 1_000_000,
      prompt_tokens_details: { cached_tokens: 500_000 },
    };
    expect(computeCost(usage, lookup('groq', 'llama-3.3-70b-versatile'))).toBe(0.59);
  });
});
