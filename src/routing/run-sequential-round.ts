import { CallerCancelledError } from './attempt-context.js';
import { prepareAttempt } from './prepare-attempt.js';
import type { RoundResult, StrategyInput } from './strategy-input.js';
import type { Target } from './target.js';

/** One round of the `sequential` strategy: each target in order until one answers. */
export async function runSequentialRound<T>(
  targets: readonly Target[],
  input: StrategyInput<T>,
): Promise<RoundResult<T>> {
  const retryable: RoundResult<T>['retryable'] = [];
  for (const [index, candidate] of targets.entries()) {
    const target = await prepareAttempt(candidate, input, index < targets.length - 1);
    if (!target) continue;
    input.gate.begin(candidate, input.estimatedTokens, input.context.requestId);
    const result = await input.attempt(target, input.context).finally(() => input.gate.end(candidate));
    input.attempts.push(result.record);
    if (result.isSuccess) return { winner: { value: result.value, target: candidate }, retryable };
    if (result.isCancelled) throw new CallerCancelledError();
    if (result.record.error?.retryable)
      retryable.push({ target: candidate, retryAfterMs: result.record.error.retryAfterMs });
  }
  return { retryable };
}
