import type { LimitCounter } from '../../store/limit-store.js';

/** Counters without a limit still count (for the admin API) but say nothing to the caller. */
const unlimited = Number.MAX_SAFE_INTEGER;
/** The first two counters an admission reserves, in order. */
const kinds = ['requests', 'tokens'] as const;

/**
 * OpenAI-style rate-limit headers for the key's requests per hour and tokens per day (the first two
 * counters an admission reserves): `x-ratelimit-limit-requests`, `x-ratelimit-remaining-requests`,
 * `x-ratelimit-reset-requests` (`"1290s"`, time to the window's end) and the same for tokens.
 */
export function getRateLimitHeaders(counters: readonly LimitCounter[], now: number): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let index = 0; index < kinds.length; index++) {
    const counter = counters[index];
    if (!counter || counter.limit >= unlimited) continue;
    const kind = kinds[index]!;
    headers[`x-ratelimit-limit-${kind}`] = String(counter.limit);
    headers[`x-ratelimit-remaining-${kind}`] = String(counter.remaining);
    headers[`x-ratelimit-reset-${kind}`] = `${Math.max(0, Math.ceil((counter.resetAt - now) / 1000))}s`;
  }
  return headers;
}
