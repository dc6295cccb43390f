import { AllAttemptsFailedError } from './all-attempts-failed-error.js';
import { CallerCancelledError } from './attempt-context.js';
import { computeBackoff } from './compute-backoff.js';
import type { RouteSuccess } from './route-success.js';
import { runConcurrentRound } from './run-concurrent-round.js';
import { runSequentialRound } from './run-sequential-round.js';
import { getLastResortTargets, type RoundResult, type StrategyInput } from './strategy-input.js';
import type { Target } from './target.js';

/**
 * Runs a request over its route with the route's strategy, then, while the deadline allows, further
 * rounds over the targets that failed in a retryable way: exponential backoff with jitter, never sooner
 * than the providers' `retry-after` (a target asking for longer than `maxRetryAfterInMs` is not retried).
 * When a round finds no answer, the targets it skipped softly (open breakers, cooling or parked keys)
 * are tried as a last resort: a caller never sees an error while a target might still answer.
 */
export async function runRoute<T>(input: StrategyInput<T>): Promise<RouteSuccess<T>> {
  const { policy, clock } = input;
  if (policy.strategy === 'hedge') input.hedgeBudget?.earn();
  let targets: readonly Target[] = input.targets;
  for (let round = 0; targets.length > 0; round++) {
    const roundStart = input.attempts.length;
    let result = await runRound(targets, input);
    const lastResort = result.winner ? [] : getLastResortTargets(targets, input.attempts, roundStart);
    if (lastResort.length > 0) {
      input.isLastResort = true;
      const rescue = await runRound(lastResort, input);
      input.isLastResort = false;
      result = { winner: rescue.winner, retryable: [...result.retryable, ...rescue.retryable] };
    }
    if (result.winner)
      return { value: result.winner.value, target: result.winner.target, attempts: input.attempts };
    const worthRetrying = result.retryable.filter(
      (entry) => (entry.retryAfterMs ?? 0) <= policy.maxRetryAfterInMs,
    );
    if (round >= policy.maxRetries || worthRetrying.length === 0) break;
    const retryAfter = Math.min(...worthRetrying.map((entry) => entry.retryAfterMs ?? 0));
    const wait = computeBackoff(round + 1, policy.retryBaseDelayInMs, retryAfter, input.random);
    if (clock.now() + wait >= input.deadline) break;
    try {
      await clock.sleep(wait, input.context.signal);
    } catch {
      throw new CallerCancelledError();
    }
    targets = worthRetrying.map((entry) => entry.target);
  }
  throw new AllAttemptsFailedError(input.context.route, input.attempts);
}

function runRound<T>(targets: readonly Target[], input: StrategyInput<T>): Promise<RoundResult<T>> {
  return input.policy.strategy === 'sequential'
    ? runSequentialRound(targets, input)
    : runConcurrentRound(targets, input, input.policy.strategy === 'hedge' ? 'hedge' : 'race');
}
