import { createFakeAdapter, createFakeTarget, textResponse } from '../../../test/support/create-fake-adapter.js';
import type { ContenderResult } from '../contender-result.js';

/** A contender's result for evaluator tests: an answer (`text`) or a failure, after `latencyInMs`. */
export function createContenderResult(
  name: string,
  outcome: { text: string } | { failure: 'timeout' | 'server' },
  latencyInMs: number,
): ContenderResult {
  const target = createFakeTarget(name, createFakeAdapter(name, [{ response: '' }]).adapter);
  const record = {
    targetId: target.id,
    provider: target.provider,
    model: target.model,
    credentialId: target.credential.id,
    latencyInMs,
  };
  if ('text' in outcome) {
    return {
      name,
      target,
      response: textResponse(outcome.text),
      text: outcome.text,
      isTimedOut: false,
      latencyInMs,
      record: { ...record, isSuccess: true },
    };
  }
  return {
    name,
    target,
    text: '',
    error: { kind: outcome.failure, message: `${name} failed` },
    isTimedOut: outcome.failure === 'timeout',
    latencyInMs,
    record: { ...record, isSuccess: false, errorKind: outcome.failure },
  };
}
