import type { TargetGate } from '../routing/target-gate.js';
import type { Target } from '../routing/target.js';
import type { Contender } from './contender.js';
import type { ContenderResult } from './contender-result.js';

/**
 * The one target a contender is called on: its first target the health gate lets through now, else, as
 * a last resort, the first one the gate only advised against (an open breaker, a cooling key, a rate
 * limit asking to wait: a competition's deadline is too short to wait one out), else none, with the
 * gate's reason.
 */
export function pickContenderTarget(
  contender: Contender,
  gate: TargetGate,
  estimatedTokens: number,
): { target: Target } | { target: Target; skipped: string } {
  let softlySkipped: Target | undefined;
  let firstReason: string | undefined;
  for (const target of contender.targets) {
    const decision = gate.check(target, estimatedTokens);
    if (decision.kind === 'go') return { target };
    firstReason ??= decision.reason;
    if (decision.kind === 'wait' || decision.isSoft) softlySkipped ??= target;
  }
  if (softlySkipped) return { target: softlySkipped };
  return { target: contender.targets[0]!, skipped: firstReason ?? 'no target can serve it' };
}

/** The result of a contender the gate refused: never called, so nothing to blame or to learn. */
export function createSkippedResult(name: string, target: Target, reason: string): ContenderResult {
  return {
    name,
    target,
    text: '',
    error: { kind: 'skipped', message: `${name} was not called: ${reason}` },
    isTimedOut: false,
    latencyInMs: 0,
    record: {
      targetId: target.id,
      provider: target.provider,
      model: target.model,
      credentialId: target.credential.id,
      isSuccess: false,
      latencyInMs: 0,
      skipped: reason,
    },
  };
}
