import type { Clock } from '../lib/clock.js';
import type { AttemptContext } from './attempt-context.js';
import type { AttemptRecord } from './attempt-record.js';
import type { AttemptResult } from './attempt-result.js';
import type { HedgeBudget } from './hedge-budget.js';
import type { RoutePolicy } from './route-policy.js';
import type { TargetGate } from './target-gate.js';
import type { Target } from './target.js';

/** Everything a strategy needs to run one request over a route's ordered targets. */
export interface StrategyInput<T> {
  targets: readonly Target[];
  context: AttemptContext;
  policy: RoutePolicy;
  gate: TargetGate;
  clock: Clock;
  random: () => number;
  /** Input tokens of the request, for rate limits. */
  estimatedTokens: number;
  /** One attempt (attemptCall or attemptStream, bound to the request). */
  attempt: (target: Target, context: AttemptContext) => Promise<AttemptResult<T>>;
  /** Releases a value nobody will use: a stream that committed after another target won. */
  discard: (value: T) => void;
  /** Hedge: how long to give `target` before starting the next one. */
  getHedgeDelay: (target: Target) => number;
  hedgeBudget?: HedgeBudget;
  /** Longest wait for a client-side rate limit before moving to the next target instead. */
  maxGateWaitInMs: number;
  /** Every attempt and skip so far, in order. */
  attempts: AttemptRecord[];
  /** Unix milliseconds by which the request must be answered. */
  deadline: number;
  /** Set for the last-resort round: soft skips are ignored because nothing else could be tried. */
  isLastResort?: boolean;
}

/** What one round over targets produced: a winner, or the targets worth retrying. */
export interface RoundResult<T> {
  winner?: { value: T; target: Target };
  retryable: Array<{ target: Target; retryAfterMs?: number }>;
}

/**
 * The targets a round skipped only softly (open breaker, cooling or parked key): when the round found no
 * answer, they are the last resort, tried rather than failing a request one of them might still serve.
 */
export function getLastResortTargets(
  targets: readonly Target[],
  attempts: readonly AttemptRecord[],
  roundStart: number,
): Target[] {
  const softlySkipped = new Set(
    attempts.slice(roundStart).flatMap((attempt) => (attempt.isSoftSkip ? [attempt.targetId] : [])),
  );
  return targets.filter((target) => softlySkipped.has(target.id));
}
