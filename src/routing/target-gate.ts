import type { Target } from './target.js';

/**
 * Whether a target may be attempted now, and if not, why (for the log) and whether waiting helps. A
 * soft skip (an open breaker, a cooling or parked key) is advice: when every target of a route is
 * skipped, soft-skipped ones are tried anyway rather than failing a request that might succeed.
 */
export type GateDecision =
  | { kind: 'go' }
  | { kind: 'wait'; waitInMs: number; reason: string }
  | { kind: 'skip'; reason: string; isSoft?: boolean };

/**
 * The health checks strategies consult before each attempt: circuit breakers, key cooldowns and
 * client-side rate limits. `begin`/`end` bracket an attempt (in-flight counts, limiter reservations).
 */
export interface TargetGate {
  check(target: Target, estimatedTokens: number): GateDecision;
  begin(target: Target, estimatedTokens: number, requestId: string): void;
  end(target: Target): void;
}

/** A gate that lets everything through, for routes without health state (tests, one-off calls). */
export const openGate: TargetGate = {
  check: () => ({ kind: 'go' }),
  begin: () => undefined,
  end: () => undefined,
};
