import type { Usage } from '../spec/usage.js';
import type { CatalogEntry } from './model-catalog.js';

/**
 * The cost in USD of one answer's usage at a model's prices (per million tokens). Input tokens read from
 * the prompt cache are billed at the cached price and those written to it at the cache-write price (both
 * default to the input price); reasoning tokens are already part of `completion_tokens` (see Usage) and
 * are billed as output, once.
 * @example computeCost({ prompt_tokens: 1000, completion_tokens: 500, total_tokens: 1500 }, info)
 */
export function computeCost(usage: Usage, price: CatalogEntry): number {
  const cached = usage.prompt_tokens_details?.cached_tokens ?? 0;
  const written = usage.prompt_tokens_details?.cache_write_tokens ?? 0;
  const uncached = Math.max(0, usage.prompt_tokens - cached - written);
  const microDollars =
    uncached * price.input +
    cached * (price.cachedInput ?? price.input) +
    written * (price.cacheWrite ?? price.input) +
    usage.completion_tokens * price.output;
  // Rounded to a billionth of a dollar so sums of many small costs do not show float noise.
  return Math.round(microDollars * 1e3) / 1e9;
}
