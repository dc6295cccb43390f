/**
 * The wait before retry round `round` (1, 2, …): exponential from `baseDelayInMs`, with ±25 % jitter so
 * many callers do not retry in step, and never shorter than what the provider asked (`retryAfterMs`),
 * as the official SDKs do (PROVIDERS.md §2.6).
 */
export function computeBackoff(
  round: number,
  baseDelayInMs: number,
  retryAfterMs: number | undefined,
  random: () => number,
): number {
  const exponential = baseDelayInMs * 2 ** (round - 1);
  const jittered = exponential * (0.75 + random() * 0.5);
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}
