/** Client-side limits for one target (or for every target sharing a `scope`). */
export interface RateLimits {
  requestsPerMinute?: number;
  tokensPerMinute?: number;
  /**
   * Targets with the same scope share one budget. Providers differ: Groq limits each model per
   * organisation, OpenRouter's `:free` limit covers the whole account. Default: the target's own id.
   */
  scope?: string;
}

/** A documented provider limit users can opt into by name. */
export interface RateLimitTier {
  requestsPerMinute: number;
  tokensPerMinute?: number;
  /** Where the numbers come from, and what they cover. */
  source: string;
}

/**
 * Published free-tier limits, applied only when a config names them (`rateLimit: { tier: groq-free }`):
 * limits change and accounts differ, so Arbiter never assumes a tier. Numbers as published in 2026.
 */
export const knownRateLimitTiers = {
  'groq-free': {
    requestsPerMinute: 30,
    tokensPerMinute: 6_000,
    source:
      'https://console.groq.com/docs/rate-limits — free plan, per model and organisation; llama-3.1-8b-instant and the lowest of the chat models',
  },
  'groq-free-llama-3.3-70b': {
    requestsPerMinute: 30,
    tokensPerMinute: 12_000,
    source: 'https://console.groq.com/docs/rate-limits — free plan, llama-3.3-70b-versatile',
  },
  'groq-free-gpt-oss': {
    requestsPerMinute: 30,
    tokensPerMinute: 8_000,
    source: 'https://console.groq.com/docs/rate-limits — free plan, openai/gpt-oss-120b and gpt-oss-20b',
  },
  'openrouter-free': {
    requestsPerMinute: 20,
    source:
      'https://openrouter.ai/docs/api-reference/limits — `:free` models, for the whole account: give them one scope',
  },
} as const satisfies Record<string, RateLimitTier>;

/** The names of the known tiers. */
export type RateLimitTierName = keyof typeof knownRateLimitTiers;

/** Rate limits as a config file states them: a known tier, explicit numbers, or a tier with overrides. */
export interface RateLimitConfig extends RateLimits {
  tier?: string;
}

/**
 * The limits a config asks for: the named tier's numbers, overridden by any number given explicitly.
 * Undefined when the config sets no limit. Throws, naming the known tiers, for an unknown tier name.
 */
export function resolveRateLimits(config: RateLimitConfig): RateLimits | undefined {
  const tier = config.tier === undefined ? undefined : getRateLimitTier(config.tier);
  const requestsPerMinute = config.requestsPerMinute ?? tier?.requestsPerMinute;
  const tokensPerMinute =
    config.tokensPerMinute ?? (tier && 'tokensPerMinute' in tier ? tier.tokensPerMinute : undefined);
  if (requestsPerMinute === undefined && tokensPerMinute === undefined) return undefined;
  return {
    ...(requestsPerMinute === undefined ? {} : { requestsPerMinute }),
    ...(tokensPerMinute === undefined ? {} : { tokensPerMinute }),
    ...(config.scope === undefined ? {} : { scope: config.scope }),
  };
}

function getRateLimitTier(name: string): RateLimitTier {
  if (Object.hasOwn(knownRateLimitTiers, name)) return knownRateLimitTiers[name as RateLimitTierName];
  const known = Object.keys(knownRateLimitTiers).join(', ');
  throw new Error(`unknown rate-limit tier "${name}"; known tiers: ${known}`);
}
