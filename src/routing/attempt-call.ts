import type { Usage } from '../spec/usage.js';
import type { AttemptContext } from './attempt-context.js';
import type { AttemptRecord } from './attempt-record.js';
import { createAttemptSignal } from './create-attempt-signal.js';
import type { Target } from './target.js';
import { describeFailure, type AttemptResult } from './attempt-result.js';

/**
 * One non-streamed attempt against one target, whatever the wire format: `call` does the work with the
 * attempt's signal (timeout and caller cancellation linked in); the outcome event and the record follow.
 */
export async function attemptCall<T>(
  target: Target,
  context: AttemptContext,
  call: (target: Target, signal: AbortSignal) => Promise<T>,
  usageOf: (value: T) => Usage | undefined,
): Promise<AttemptResult<T>> {
  const now = context.now ?? Date.now;
  const startedAt = now();
  const attempt = createAttemptSignal(context.signal, target.timeoutInMs);
  const base = {
    targetId: target.id,
    provider: target.provider,
    model: target.model,
    credentialId: target.credential.id,
  };
  try {
    const value = await call(target, attempt.signal);
    const latencyInMs = now() - startedAt;
    context.onOutcome({
      ...base,
      requestId: context.requestId,
      route: context.route,
      isStream: false,
      isSuccess: true,
      startedAt,
      latencyInMs,
      usage: usageOf(value),
    });
    return {
      isSuccess: true,
      value,
      record: { ...base, isSuccess: true, latencyInMs } satisfies AttemptRecord,
    };
  } catch (thrown) {
    const failure = describeFailure(thrown, target, now() - startedAt);
    context.onOutcome({
      ...base,
      requestId: context.requestId,
      route: context.route,
      isStream: false,
      isSuccess: false,
      errorKind: failure.record.errorKind,
      status: failure.record.status,
      retryAfterMs: failure.record.error?.retryAfterMs,
      startedAt,
      latencyInMs: failure.record.latencyInMs,
    });
    return failure;
  } finally {
    attempt.dispose();
  }
}
