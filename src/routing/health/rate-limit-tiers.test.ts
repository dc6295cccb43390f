import { describe, expect, it } from 'vitest';
import { knownRateLimitTiers, resolveRateLimits } from './rate-limit-tiers.js';

describe('resolveRateLimits', () => {
  it("uses a named tier's documented numbers", () => {
    expect(resolveRateLimits({ tier: 'groq-free' })).toEqual({
      requestsPerMinute: 30,
      tokensPerMinute: 6_000,
    });
    expect(resolveRateLimits({ tier: 'openrouter-free', scope: 'openrouter#key-a' })).toEqual({
      requestsPerMinute: 20,
      scope: 'openrouter#key-a',
    });
  });

  it('lets explicit numbers override the tier', () => {
    expect(resolveRateLimits({ tier: 'groq-free', tokensPerMinute: 12_000 })).toEqual({
      requestsPerMinute: 30,
      tokensPerMinute: 12_000,
    });
    expect(resolveRateLimits({ requestsPerMinute: 500 })).toEqual({ requestsPerMinute: 500 });
  });

  it('applies nothing unless asked', () => {
    expect(resolveRateLimits({})).toBeUndefined();
    expect(resolveRateLimits({ scope: 'shared' })).toBeUndefined();
  });

  it('names the known tiers when given an unknown one', () => {
    expect(() => resolveRateLimits({ tier: 'groq-pro' })).toThrow(
      'unknown rate-limit tier "groq-pro"; known tiers: groq-free, groq-free-llama-3.3-70b, groq-free-gpt-oss, openrouter-free',
    );
    expect(() => resolveRateLimits({ tier: 'toString' })).toThrow('unknown rate-limit tier');
  });

  it('documents where every tier comes from', () => {
    for (const tier of Object.values(knownRateLimitTiers)) expect(tier.source).toMatch(/^https:\/\//);
  });
});
