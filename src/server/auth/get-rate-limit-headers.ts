import type { LimitCounter } from '../../store/limit-store.js';

/** Counters without a limit still count (for the admin API) but say nothing to the caller. */
const unlimited = Number.MAX_SAFE_INTEGER;
/** Header names for the first two counters an admission reserves, in order. */
const headerNames = (['requests', 'tokens'] as const).map((kind) => ({
  limit: `x-ratelimit-limit-${kind}`,
  remaining: `x-ratelimit-remaining-${kind}`,
  reset: `x-ratelimit-reset-${kind}`,
}));

/**
 * OpenAI-style rate-limit headers for the key's requests per hour and tokens per day (the first two
 * counters an admission reserves): `x-ratelimit-limit-requests`, `x-ratelimit-remaining-requests`,
 * `x-ratelimit-reset-requests` (`"1290s"`, time to the window's end) and the same for tokens.
 */
export function getRateLimitHeaders(counters: readonly LimitCounter[], now: number): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let index = 0; index < headerNames.length; index++) {
    const counter = counters[index];
    if (!counter || counter.limit >= unlimited) continue;
    const names = headerNames[index]!;
    headers[names.limit] = String(counter.limit);
    headers[names.remaining] = String(counter.remaining);
    headers[names.reset] = `${Math.max(0, Math.ceil((counter.resetAt - now) / 1000))}s`;
  }
  return headers;
}
