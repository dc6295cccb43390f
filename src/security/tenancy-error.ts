import type { LimitCounter } from '../store/limit-store.js';

/** What went wrong, for the HTTP layer to pick a status and a stable code. */
export type TenancyErrorKind =
  /** No gateway key (or admin key) came with the request. */
  | 'missing-key'
  /** A key came but is not one of ours, or was revoked. */
  | 'invalid-key'
  /** `/admin/*` was called but no `ARBITER_ADMIN_KEY` is configured. */
  | 'admin-disabled'
  /** The key's plan or its own list does not allow the model (or one of the fallbacks) asked for. */
  | 'model-not-allowed'
  /** The key names a plan this gateway does not define (any more). */
  | 'unknown-plan'
  /** A limit of the key or its plan would be exceeded; `limit` says which. */
  | 'quota-exceeded'
  /** Every slot is busy and the queue wait ran out. */
  | 'gateway-saturated'
  /** The shared limit store (Redis) is unreachable and limits fail closed (`LIMITS_FAIL_MODE`). */
  | 'limits-unavailable'
  /** Admin API: the key id does not exist. */
  | 'not-found'
  /** Admin API: the change is not possible in the key's state (revoked, configured in the environment). */
  | 'conflict'
  /** Admin API: an invalid value (an unknown plan). */
  | 'invalid-request';

/** The limits a request can run into, as `QuotaExceeded` names them. */
export type QuotaLimit = 'requests-per-hour' | 'tokens-per-day' | 'budget-per-day' | 'budget-per-month';

export interface TenancyErrorDetails {
  /** For `quota-exceeded`, `gateway-saturated` and `limits-unavailable`: when trying again can succeed. */
  retryAfterMs?: number;
  limit?: QuotaLimit;
  /** The counters as the refused reservation found them, for `x-ratelimit-*` headers. */
  counters?: readonly LimitCounter[];
  /** The request field the problem is in (`model`, `plan`). */
  param?: string;
}

/**
 * A refusal by the tenancy layer (keys, plans, limits, the admission queue), with a message meant for the
 * caller: it names the limit and its value, never a secret.
 */
export class TenancyError extends Error {
  override readonly name = 'TenancyError';

  constructor(
    readonly kind: TenancyErrorKind,
    message: string,
    readonly details: TenancyErrorDetails = {},
  ) {
    super(message);
  }
}
