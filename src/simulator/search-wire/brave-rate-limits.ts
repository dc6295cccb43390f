/** The free plan's limits, as Brave's rate-limit headers and error `meta` report them (PROVIDERS.md §8.2). */
export const braveRateLimitPerSecond = 1;
export const braveQuotaPerMonth = 2000;

/**
 * `X-RateLimit-*` pairs, each value "per-second window, per-month window" (PROVIDERS.md §8.2); resets
 * are in seconds.
 */
export function getBraveRateLimitHeaders(
  remaining: { perSecond: number; perMonth: number },
  secondsToReset = 1,
): string[] {
  return [
    'x-ratelimit-limit',
    `${braveRateLimitPerSecond}, ${braveQuotaPerMonth}`,
    'x-ratelimit-policy',
    `${braveRateLimitPerSecond};w=1, ${braveQuotaPerMonth};w=2592000`,
    'x-ratelimit-remaining',
    `${remaining.perSecond}, ${remaining.perMonth}`,
    'x-ratelimit-reset',
    `${secondsToReset}, 1419704`,
  ];
}
