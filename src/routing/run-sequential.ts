import { AllAttemptsFailedError } from './all-attempts-failed-error.js';
import { CallerCancelledError, type AttemptContext } from './attempt-context.js';
import type { AttemptRecord } from './attempt-record.js';
import type { AttemptResult } from './attempt-result.js';
import type { Target } from './target.js';

export interface RouteSuccess<T> {
  value: T;
  target: Target;
  attempts: AttemptRecord[];
}

/**
 * The `sequential` strategy: try the targets in order, falling back on any failure, until one answers.
 * Throws AllAttemptsFailedError when none did, or CallerCancelledError when the caller went away.
 */
export async function runSequential<T>(
  targets: readonly Target[],
  context: AttemptContext,
  attempt: (target: Target) => Promise<AttemptResult<T>>,
): Promise<RouteSuccess<T>> {
  const attempts: AttemptRecord[] = [];
  for (const target of targets) {
    const result = await attempt(target);
    attempts.push(result.record);
    if (result.isSuccess) return { value: result.value, target, attempts };
    if (result.isCancelled) throw new CallerCancelledError();
  }
  throw new AllAttemptsFailedError(context.route, attempts);
}
