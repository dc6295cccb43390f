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
  try {
    const value = await call(target, attempt.signal);
    const latencyInMs = now() - startedAt;
    // Objects spelled out rather than spread from a shared base: spreads were among the costlier lines.
    context.onOutcome({
      targetId: target.id,
      provider: target.provider,
      model: target.model,
      credentialId: target.credential.id,
      requestId: context.requestId,
      route: context.route,
      isStream: false,
      isSuccess: true,
      startedAt,
      latencyInMs,
      usage: usageOf(value),
    });
    const record: AttemptRecord = {
      targetId: target.id,
      provider: target.provider,
      model: target.model,
      credentialId: target.credential.id,
      isSuccess: true,
      latencyInMs,
    };
    return { isSuccess: true, value, record };
  } catch (thrown) {
    const failure = describeFailure(thrown, target, now() - startedAt);
    context.onOutcome({
      targetId: target.id,
      provider: target.provider,
      model: target.model,
      credentialId: target.credential.id,
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
