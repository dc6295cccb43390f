import type { AttemptRecord } from './attempt-record.js';
import type { StrategyInput } from './strategy-input.js';
import type { Target } from './target.js';

/**
 * Consults the gate before an attempt. A rate limit that clears soon is waited out when that is faster
 * than falling back (or there is nothing to fall back to); anything else is a skip, recorded with its
 * reason so the log says which target was passed over and why. Returns the target bounded by the
 * request's deadline, or undefined when it is skipped.
 */
export async function prepareAttempt<T>(
  target: Target,
  input: StrategyInput<T>,
  hasAlternatives: boolean,
): Promise<Target | undefined> {
  let decision = input.gate.check(target, input.estimatedTokens);
  if (decision.kind === 'wait' && (!hasAlternatives || decision.waitInMs <= input.maxGateWaitInMs)) {
    if (input.clock.now() + decision.waitInMs < input.deadline) {
      await input.clock.sleep(decision.waitInMs, input.context.signal);
      decision = input.gate.check(target, input.estimatedTokens);
    }
  }
  if (decision.kind === 'skip' && decision.isSoft && input.isLastResort) decision = { kind: 'go' };
  if (decision.kind !== 'go') {
    input.attempts.push({
      ...skipRecord(target, decision.reason),
      ...(decision.kind === 'skip' && decision.isSoft ? { isSoftSkip: true } : {}),
    });
    return undefined;
  }
  const remaining = input.deadline - input.clock.now();
  if (remaining <= 0) {
    input.attempts.push(skipRecord(target, 'the request deadline passed'));
    return undefined;
  }
  return remaining < target.timeoutInMs ? { ...target, timeoutInMs: remaining } : target;
}

function skipRecord(target: Target, reason: string): AttemptRecord {
  return {
    targetId: target.id,
    provider: target.provider,
    model: target.model,
    credentialId: target.credential.id,
    isSuccess: false,
    latencyInMs: 0,
    skipped: reason,
  };
}
