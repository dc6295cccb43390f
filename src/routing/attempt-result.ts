import type { AttemptRecord } from './attempt-record.js';
import { CallerCancelledError } from './attempt-context.js';
import type { Target } from './target.js';
import { toProviderError } from './to-provider-error.js';

/** How one attempt ended: a value to answer with, or a failure the strategy may move past. */
export type AttemptResult<T> =
  | { isSuccess: true; value: T; record: AttemptRecord }
  | { isSuccess: false; record: AttemptRecord; isCancelled: boolean };

/** The failed result for whatever an attempt threw. */
export function describeFailure(thrown: unknown, target: Target, latencyInMs: number): AttemptResult<never> {
  const error = toProviderError(thrown, target.provider);
  const isCancelled = error instanceof CallerCancelledError;
  return {
    isSuccess: false,
    isCancelled,
    record: {
      targetId: target.id,
      provider: target.provider,
      model: target.model,
      credentialId: target.credential.id,
      isSuccess: false,
      errorKind: isCancelled ? 'cancelled' : error.kind,
      status: isCancelled ? undefined : error.status,
      latencyInMs,
      error: isCancelled ? undefined : error,
    },
  };
}
