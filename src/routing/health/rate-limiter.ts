import type { RateLimits } from './rate-limit-tiers.js';
import { createTokenBucket, type TokenBucket } from './token-bucket.js';

/**
 * Whether a request fits a target's client-side limits now. When it does not, `limit` says which one and
 * `waitInMs` how long until it would: the planner waits if that beats falling back, and logs both.
 * `waitInMs` is Infinity when the request's tokens exceed the whole per-minute budget, which the
 * provider would refuse as well.
 */
export type RateLimitDecision =
  | { allowed: true }
  | { allowed: false; limit: 'requests' | 'tokens'; limitPerMinute: number; waitInMs: number };

/** Where limits come from, and how many budgets to keep. */
export interface RateLimiterOptions {
  /** A target's limits, or undefined for none. Called on every check, so it should be a lookup. */
  limitsOf: (targetId: string) => RateLimits | undefined;
  /**
   * Budgets kept at most. A budget that has refilled completely equals a new one, so those are forgotten
   * first; past that, the oldest. Default 10,000.
   */
  maxBudgets?: number;
}

/** Client-side per-target rate limits. */
export interface RateLimiter {
  /** Whether one request of `estimatedTokens` fits now. Takes nothing. */
  check(targetId: string, estimatedTokens: number, now: number): RateLimitDecision;
  /** Like `check`, and when allowed also takes one request and `estimatedTokens` from the budget. */
  reserve(targetId: string, estimatedTokens: number, now: number): RateLimitDecision;
  /** Takes one request and `estimatedTokens` whatever the budget says (a request sent anyway). */
  consume(targetId: string, estimatedTokens: number, now: number): void;
  /** Corrects the token budget once the answer's real usage is known. */
  settle(targetId: string, reservedTokens: number, actualTokens: number, now: number): void;
}

interface Budget {
  requests?: TokenBucket;
  tokens?: TokenBucket;
}

const minuteInMs = 60_000;
const allowed: RateLimitDecision = { allowed: true };

/**
 * Token buckets per target (or per shared scope) for requests per minute and tokens per minute, refilled
 * continuously: a 30 requests/minute budget that is used up admits the next request 2 s later, not at the
 * top of the next minute. Targets without limits are always allowed and cost nothing.
 *
 * @example
 * const limiter = createRateLimiter({ limitsOf: (targetId) => limitsByTarget.get(targetId) });
 * const decision = limiter.reserve(target.id, estimatedTokens, clock.now());
 * if (!decision.allowed && decision.waitInMs < fallbackCostInMs) await clock.sleep(decision.waitInMs, signal);
 * // ...after the answer: limiter.settle(target.id, estimatedTokens, usage.total_tokens, clock.now())
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const maxBudgets = options.maxBudgets ?? 10_000;
  const budgets = new Map<string, Budget>();

  function budgetOf(targetId: string, now: number): Budget | undefined {
    const limits = options.limitsOf(targetId);
    if (!limits || (limits.requestsPerMinute === undefined && limits.tokensPerMinute === undefined)) return;
    const scope = limits.scope ?? targetId;
    let budget = budgets.get(scope);
    if (!budget) {
      makeRoom(now);
      budget = {
        ...(limits.requestsPerMinute === undefined
          ? {}
          : { requests: createTokenBucket(limits.requestsPerMinute, minuteInMs, now) }),
        ...(limits.tokensPerMinute === undefined
          ? {}
          : { tokens: createTokenBucket(limits.tokensPerMinute, minuteInMs, now) }),
      };
      budgets.set(scope, budget);
    }
    return budget;
  }

  function makeRoom(now: number): void {
    if (budgets.size < maxBudgets) return;
    for (const [scope, budget] of budgets) {
      if ((budget.requests?.isFull(now) ?? true) && (budget.tokens?.isFull(now) ?? true))
        budgets.delete(scope);
    }
    const oldest = budgets.keys().next();
    if (budgets.size >= maxBudgets && !oldest.done) budgets.delete(oldest.value);
  }

  function decide(budget: Budget, estimatedTokens: number, now: number): RateLimitDecision {
    const requestWait = budget.requests?.waitFor(1, now) ?? 0;
    const tokenWait = budget.tokens?.waitFor(estimatedTokens, now) ?? 0;
    if (requestWait === 0 && tokenWait === 0) return allowed;
    return tokenWait > requestWait
      ? { allowed: false, limit: 'tokens', limitPerMinute: budget.tokens!.capacity, waitInMs: tokenWait }
      : {
          allowed: false,
          limit: 'requests',
          limitPerMinute: budget.requests!.capacity,
          waitInMs: requestWait,
        };
  }

  function take(budget: Budget, estimatedTokens: number, now: number): void {
    budget.requests?.take(1, now);
    budget.tokens?.take(estimatedTokens, now);
  }

  return {
    check(targetId, estimatedTokens, now) {
      const budget = budgetOf(targetId, now);
      return budget ? decide(budget, Math.max(0, estimatedTokens), now) : allowed;
    },
    reserve(targetId, estimatedTokens, now) {
      const budget = budgetOf(targetId, now);
      if (!budget) return allowed;
      const decision = decide(budget, Math.max(0, estimatedTokens), now);
      if (decision.allowed) take(budget, Math.max(0, estimatedTokens), now);
      return decision;
    },
    consume(targetId, estimatedTokens, now) {
      const budget = budgetOf(targetId, now);
      if (budget) take(budget, Math.max(0, estimatedTokens), now);
    },
    settle(targetId, reservedTokens, actualTokens, now) {
      const tokens = budgetOf(targetId, now)?.tokens;
      const difference = actualTokens - reservedTokens;
      if (!tokens || difference === 0) return;
      if (difference > 0) tokens.take(difference, now);
      else tokens.give(-difference, now);
    },
  };
}
