import type { ProviderErrorKind } from '../../spec/provider-error.js';

/** What the health components need to know about one failed attempt. A ProviderError fits as it is. */
export interface AttemptFailure {
  kind: ProviderErrorKind | 'cancelled';
  /** Upstream HTTP status, when there was a response. */
  status?: number;
  /** How long the upstream asked us to wait (`retry-after`, reset headers, `RetryInfo`). */
  retryAfterMs?: number;
}

/**
 * What a failed attempt says something about:
 * - `upstream`: the target itself is struggling or busy (5xx, overload, timeout, network, 429). Another
 *   attempt, later or elsewhere, can succeed. Only these count against a circuit breaker.
 * - `credential`: the key, not the model: it was rejected (`auth`) or its quota is spent (`quota`). Key
 *   health acts on these, for every model that shares the key.
 * - `target`: the target cannot serve as configured (`not-found`: the provider has no such model).
 * - `request`: the caller's request (`bad-request`, `context-length`, `content-filter`). It says nothing about
 *   the target's health, so it must never open a breaker or lower a target's standing.
 * - `none`: the caller went away (`cancelled`); nothing was learned.
 */
export type FailureBlame = 'upstream' | 'credential' | 'target' | 'request' | 'none';

/** The one place that decides which failures count against what. */
export function getFailureBlame(kind: AttemptFailure['kind']): FailureBlame {
  switch (kind) {
    case 'server':
    case 'overloaded':
    case 'timeout':
    case 'network':
    case 'rate-limited':
      return 'upstream';
    case 'auth':
    case 'quota':
      return 'credential';
    case 'not-found':
      return 'target';
    case 'bad-request':
    case 'context-length':
    case 'content-filter':
      return 'request';
    case 'cancelled':
      return 'none';
    default: {
      const exhaustiveCheck: never = kind;
      throw new Error(`unknown failure kind ${String(exhaustiveCheck)}`);
    }
  }
}
