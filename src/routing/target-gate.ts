import type { Target } from './target.js';

/** Whether a target may be attempted now, and if not, why (for the log) and whether waiting helps. */
export type GateDecision =
  { kind: 'go' } | { kind: 'wait'; waitInMs: number; reason: string } | { kind: 'skip'; reason: string };

/**
 * The health checks strategies consult before each attempt: circuit breakers, key cooldowns and
 * client-side rate limits. `begin`/`end` bracket an attempt (in-flight counts, limiter reservations).
 */
export interface TargetGate {
  check(target: Target, estimatedTokens: number): GateDecision;
  begin(target: Target, estimatedTokens: number): void;
  end(target: Target): void;
}

/** A gate that lets everything through, for routes without health state (tests, one-off calls). */
export const openGate: TargetGate = {
  check: () => ({ kind: 'go' }),
  begin: () => undefined,
  end: () => undefined,
};
