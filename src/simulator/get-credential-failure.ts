import type { SimulatedFailure } from './simulated-answer.js';

/** What a `ratelimited` key asks the caller to wait, in seconds. */
const keyRetryAfterSeconds = 1;

/**
 * Failures chosen by words in the caller's API key, so gateway tests can exercise key pools without
 * real accounts: `invalid` → 401, `quota` → 429 quota exhausted (not retryable), `ratelimited` → 429
 * rate limit with `retry-after`. Checked before the body is read, as a real provider authenticates first.
 */
export function getCredentialFailure(apiKey: string): SimulatedFailure | undefined {
  if (apiKey.includes('invalid')) return { kind: 'invalid-key', status: 401, apiKey };
  if (apiKey.includes('quota')) return { kind: 'quota', status: 429 };
  if (apiKey.includes('ratelimited')) {
    return { kind: 'rate-limited', status: 429, retryAfterSeconds: keyRetryAfterSeconds };
  }
  return undefined;
}
