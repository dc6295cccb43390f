import type {
  CircuitChangeReason,
  CircuitState,
  CircuitStateChange,
  CircuitStatus,
} from './circuit-state.js';
import { getFailureBlame, type AttemptFailure } from './get-failure-blame.js';
// Re-exported so callers need only this module.
export type {
  CircuitChangeReason,
  CircuitState,
  CircuitStateChange,
  CircuitStatus,
} from './circuit-state.js';

/** Thresholds and durations of every target's breaker; the defaults suit most upstreams. */
export interface CircuitBreakerOptions {
  /** Counted failures in a row that open the breaker. Default 5. */
  consecutiveFailures?: number;
  /** Share of failures in the window that opens it. Default 0.5. */
  errorRateThreshold?: number;
  /** Counted outcomes the error rate looks at. Default 20. */
  windowSize?: number;
  /** The error rate is ignored until the window holds this many outcomes. Default 10. */
  minimumRequests?: number;
  /** How long the breaker first stays open. Default 30 s. */
  openDurationInMs?: number;
  /** Each re-open (a failed probe) doubles the open duration, up to this. Default 5 minutes. */
  maxOpenDurationInMs?: number;
  /** A 429's `retry-after` is honoured up to this (PROVIDERS.md §9). Default 60 s. */
  maxRetryAfterInMs?: number;
  /**
   * A probe that has not reported after this long no longer blocks the next one. Attempts have their own
   * timeouts, so this only guards against an attempt whose end was never reported. Default 2 minutes.
   */
  probeTimeoutInMs?: number;
  /** Told of every state change (alerts, metrics). Must return at once. */
  onStateChange?: (change: CircuitStateChange) => void;
}

/** Per-target circuit breakers. Time is passed in, so the breaker is pure and tests need no clock. */
export interface CircuitBreaker {
  /** Whether an attempt would be admitted now. No side effect beyond noticing that an open period ended. */
  canAttempt(targetId: string, now: number): boolean;
  /**
   * Call right before starting an attempt. In half-open state it claims the single probe slot, so only one
   * caller gets `true`; the others should skip the target.
   */
  admit(targetId: string, now: number): boolean;
  onSuccess(targetId: string, now: number): void;
  /** Failures that do not count (see `countsAgainstBreaker`) only release a probe slot. */
  onFailure(targetId: string, failure: AttemptFailure, now: number): void;
  getState(targetId: string, now: number): CircuitStatus;
}

/**
 * Only upstream faults count: `server`, `overloaded`, `timeout`, `network` and `rate-limited`. A sustained
 * run of 429s means the target cannot take our traffic, and skipping it is what the caller needs; a
 * breaker opened by a 429 that carried `retry-after` stays open exactly that long (capped), so the
 * provider's own cooldown is used. Never counted: the caller's request (`bad-request`, `context-length`,
 * `content-filter`), a missing model (`not-found`), the key's problems (`auth`, `quota`: key health
 * disables or parks the key for every model that uses it) and `cancelled`.
 */
export function countsAgainstBreaker(kind: AttemptFailure['kind']): boolean {
  return getFailureBlame(kind) === 'upstream';
}

interface Breaker {
  state: CircuitState;
  consecutiveFailures: number;
  /** Ring of the last `windowSize` counted outcomes, true for a failure. */
  window: boolean[];
  next: number;
  openedAt?: number;
  probeAt?: number;
  reopenCount: number;
  probeStartedAt?: number;
}

/**
 * Circuit breakers for every target, also for routes with a single target (failing fast beats waiting on
 * a dead upstream). Closed → open after `consecutiveFailures` counted failures in a row, or when at least
 * `errorRateThreshold` of the last `windowSize` counted outcomes failed (once `minimumRequests` are in).
 * Open → half-open once the open duration has passed (noticed lazily, on the next look). Half-open admits
 * one probe at a time: its success closes the breaker and forgets the history; a counted failure re-opens
 * it for twice as long as the last time (30 s, 60 s, 120 s... up to `maxOpenDurationInMs`), unless a 429
 * said how long to wait. Successes of attempts that started before it opened do not close an open breaker.
 *
 * @example
 * const breakers = createCircuitBreaker({ onStateChange: (change) => log.warn(change) });
 * if (breakers.admit(target.id, clock.now())) {
 *   // ...attempt...; then breakers.onSuccess(target.id, clock.now()) or breakers.onFailure(target.id, error, clock.now())
 * }
 */
export function createCircuitBreaker(options: CircuitBreakerOptions = {}): CircuitBreaker {
  const consecutiveLimit = options.consecutiveFailures ?? 5;
  const errorRateThreshold = options.errorRateThreshold ?? 0.5;
  const windowSize = options.windowSize ?? 20;
  const minimumRequests = options.minimumRequests ?? 10;
  const openDurationInMs = options.openDurationInMs ?? 30_000;
  const maxOpenDurationInMs = options.maxOpenDurationInMs ?? 300_000;
  const maxRetryAfterInMs = options.maxRetryAfterInMs ?? 60_000;
  const probeTimeoutInMs = options.probeTimeoutInMs ?? 120_000;
  if (!(consecutiveLimit >= 1 && windowSize >= 1 && minimumRequests <= windowSize)) {
    throw new RangeError(
      'a breaker needs consecutiveFailures ≥ 1, windowSize ≥ 1 and minimumRequests ≤ windowSize',
    );
  }
  if (!(errorRateThreshold > 0 && errorRateThreshold <= 1)) {
    throw new RangeError(`errorRateThreshold must be in (0, 1], got ${errorRateThreshold}`);
  }
  const breakers = new Map<string, Breaker>();

  function breakerOf(targetId: string, now: number): Breaker {
    let breaker = breakers.get(targetId);
    if (!breaker) {
      breaker = { state: 'closed', consecutiveFailures: 0, window: [], next: 0, reopenCount: 0 };
      breakers.set(targetId, breaker);
    }
    if (breaker.state === 'open' && now >= breaker.probeAt!) {
      breaker.probeStartedAt = undefined;
      change(targetId, breaker, 'half-open', 'open-duration-elapsed', now);
    }
    return breaker;
  }

  function change(
    targetId: string,
    breaker: Breaker,
    to: CircuitState,
    reason: CircuitChangeReason,
    at: number,
  ) {
    const from = breaker.state;
    breaker.state = to;
    options.onStateChange?.({
      targetId,
      from,
      to,
      reason,
      at,
      ...(to === 'open' ? { probeAt: breaker.probeAt } : {}),
    });
  }

  function open(
    targetId: string,
    breaker: Breaker,
    reason: CircuitChangeReason,
    failure: AttemptFailure,
    now: number,
  ) {
    const backoffInMs = Math.min(openDurationInMs * 2 ** breaker.reopenCount, maxOpenDurationInMs);
    const isToldWhen = failure.kind === 'rate-limited' && failure.retryAfterMs !== undefined;
    breaker.openedAt = now;
    breaker.probeAt = now + (isToldWhen ? Math.min(failure.retryAfterMs!, maxRetryAfterInMs) : backoffInMs);
    breaker.probeStartedAt = undefined;
    change(targetId, breaker, 'open', reason, now);
  }

  function remember(breaker: Breaker, isFailure: boolean): void {
    if (breaker.window.length < windowSize) breaker.window.push(isFailure);
    else breaker.window[breaker.next] = isFailure;
    breaker.next = (breaker.next + 1) % windowSize;
  }

  function canAttempt(targetId: string, now: number): boolean {
    if (!breakers.has(targetId)) return true;
    const breaker = breakerOf(targetId, now);
    if (breaker.state === 'closed') return true;
    if (breaker.state === 'open') return false;
    return breaker.probeStartedAt === undefined || now - breaker.probeStartedAt >= probeTimeoutInMs;
  }

  return {
    canAttempt,
    admit(targetId, now) {
      if (!canAttempt(targetId, now)) return false;
      const breaker = breakers.get(targetId);
      if (breaker?.state === 'half-open') breaker.probeStartedAt = now;
      return true;
    },
    onSuccess(targetId, now) {
      const breaker = breakerOf(targetId, now);
      if (breaker.state === 'half-open') {
        Object.assign(breaker, { consecutiveFailures: 0, window: [], next: 0, reopenCount: 0 });
        Object.assign(breaker, { openedAt: undefined, probeAt: undefined, probeStartedAt: undefined });
        change(targetId, breaker, 'closed', 'probe-succeeded', now);
      } else if (breaker.state === 'closed') {
        breaker.consecutiveFailures = 0;
        remember(breaker, false);
      }
    },
    onFailure(targetId, failure, now) {
      if (!countsAgainstBreaker(failure.kind)) {
        const breaker = breakers.get(targetId);
        if (breaker?.state === 'half-open') breaker.probeStartedAt = undefined;
        return;
      }
      const breaker = breakerOf(targetId, now);
      if (breaker.state === 'half-open') {
        breaker.reopenCount += 1;
        open(targetId, breaker, 'probe-failed', failure, now);
      } else if (breaker.state === 'closed') {
        breaker.consecutiveFailures += 1;
        remember(breaker, true);
        const failures = breaker.window.filter(Boolean).length;
        if (breaker.consecutiveFailures >= consecutiveLimit)
          open(targetId, breaker, 'consecutive-failures', failure, now);
        else if (
          breaker.window.length >= minimumRequests &&
          failures / breaker.window.length >= errorRateThreshold
        )
          open(targetId, breaker, 'error-rate', failure, now);
      }
    },
    getState(targetId, now) {
      if (!breakers.has(targetId))
        return { state: 'closed', consecutiveFailures: 0, requests: 0, errorRate: 0, reopenCount: 0 };
      const breaker = breakerOf(targetId, now);
      const failures = breaker.window.filter(Boolean).length;
      return {
        state: breaker.state,
        ...(breaker.openedAt === undefined ? {} : { openedAt: breaker.openedAt, probeAt: breaker.probeAt }),
        consecutiveFailures: breaker.consecutiveFailures,
        requests: breaker.window.length,
        errorRate: breaker.window.length === 0 ? 0 : failures / breaker.window.length,
        reopenCount: breaker.reopenCount,
      };
    },
  };
}
