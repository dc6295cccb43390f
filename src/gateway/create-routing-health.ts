import type { Clock } from '../lib/clock.js';
import { createCircuitBreaker } from '../routing/health/circuit-breaker.js';
import type { CircuitStateChange } from '../routing/health/circuit-state.js';
import { createKeyHealth, type KeyDisabledReason } from '../routing/health/key-health.js';
import type { RateLimits } from '../routing/health/rate-limit-tiers.js';
import { createRateLimiter } from '../routing/health/rate-limiter.js';
import { createTargetStats } from '../routing/health/target-stats.js';
import type { Outcome } from '../routing/outcome.js';
import type { GateDecision, TargetGate } from '../routing/target-gate.js';
import type { Target } from '../routing/target.js';

/** Something an operator (logs, alerts, the dashboard) should hear about as it happens. */
export type HealthEvent =
  | ({ type: 'circuit' } & CircuitStateChange)
  | ({ type: 'key-disabled'; credentialId: string; provider: string } & KeyDisabledReason);

const isoTime = (at: number | undefined): string =>
  at === undefined || !Number.isFinite(at) ? 'further notice' : new Date(at).toISOString();

/**
 * The routing health of one gateway: live target statistics, circuit breakers, key health and
 * client-side rate limits, fed by attempt outcomes, and the gate strategies consult before each attempt.
 * Other instances' outcomes (`isRemote`, shared through Redis) feed the same statistics, breakers and
 * key health — so a target tripped anywhere is avoided everywhere — but never settle this instance's
 * reservations, and in-flight counts stay this instance's own (they move only through the gate).
 */
export function createRoutingHealth(options: {
  clock: Clock;
  limitsOf: (targetId: string) => RateLimits | undefined;
  onEvent: (event: HealthEvent) => void;
}) {
  const { clock } = options;
  const providerOf = (credentialId: string): string => credentialId.split('#')[0] ?? credentialId;
  const stats = createTargetStats();
  const breaker = createCircuitBreaker({
    onStateChange: (change) => options.onEvent({ type: 'circuit', ...change }),
  });
  const keys = createKeyHealth({
    onDisabled: (credentialId, reason) =>
      options.onEvent({ type: 'key-disabled', credentialId, provider: providerOf(credentialId), ...reason }),
  });
  const limiter = createRateLimiter({ limitsOf: options.limitsOf });
  /** Tokens reserved per attempt (request id + target), settled when the outcome says what was used. */
  const reservations = new Map<string, number>();

  /**
   * Auth and quota failures concern the whole key; a 429 concerns the key for that model only, since
   * providers (OpenAI, Groq, Anthropic) count rate limits per model. Key health is asked about both.
   */
  const rateLimitScope = (target: { id: string }): string => `${target.id}`;

  function check(target: Target, estimatedTokens: number): GateDecision {
    const now = clock.now();
    if (!breaker.canAttempt(target.id, now)) {
      return {
        kind: 'skip',
        isSoft: true,
        reason: `circuit breaker open until ${isoTime(breaker.getState(target.id, now).probeAt)}`,
      };
    }
    for (const scope of [target.credential.id, rateLimitScope(target)]) {
      if (keys.isAvailable(scope, now)) continue;
      const key = keys.describe(scope, now);
      const name = `key ${target.credential.id}${scope === target.credential.id ? '' : ` for ${target.model}`}`;
      if (key.state === 'cooling' && key.until !== undefined)
        return {
          kind: 'wait',
          waitInMs: key.until - now,
          reason: `${name} is cooling down after a 429 until ${isoTime(key.until)}`,
        };
      if (key.state === 'disabled')
        return { kind: 'skip', reason: `${name} is disabled after the provider rejected it` };
      return {
        kind: 'skip',
        isSoft: true,
        reason: `${name} is parked (quota spent) until ${isoTime(key.until)}`,
      };
    }
    const decision = limiter.check(target.id, estimatedTokens, now);
    if (decision.allowed) return { kind: 'go' };
    const reason = `client-side limit of ${decision.limitPerMinute} ${decision.limit}/minute`;
    return Number.isFinite(decision.waitInMs)
      ? { kind: 'wait', waitInMs: decision.waitInMs, reason }
      : { kind: 'skip', reason: `the request exceeds the ${reason}` };
  }

  const gate: TargetGate = {
    check,
    begin(target, estimatedTokens, requestId) {
      const now = clock.now();
      breaker.admit(target.id, now);
      stats.begin(target.id);
      limiter.consume(target.id, estimatedTokens, now);
      if (estimatedTokens > 0) reservations.set(`${requestId} ${target.id}`, estimatedTokens);
    },
    end(target) {
      stats.end(target.id);
    },
  };

  return {
    stats,
    breaker,
    keys,
    gate,
    onOutcome(outcome: Outcome): void {
      const now = clock.now();
      stats.record(outcome);
      if (outcome.isRemote) {
        // Another instance's call against the same provider limits: counted here too, after the fact, so
        // the client-side limits hold for the instances together. It has no reservation of ours to settle.
        limiter.consume(outcome.targetId, outcome.usage?.total_tokens ?? 0, now);
      } else {
        const key = `${outcome.requestId} ${outcome.targetId}`;
        const reserved = reservations.get(key);
        if (reserved !== undefined) {
          reservations.delete(key);
          limiter.settle(outcome.targetId, reserved, outcome.usage?.total_tokens ?? reserved, now);
        }
      }
      if (outcome.isSuccess) {
        breaker.onSuccess(outcome.targetId, now);
        keys.onSuccess(outcome.credentialId);
        keys.onSuccess(outcome.targetId);
      } else if (outcome.errorKind) {
        const failure = {
          kind: outcome.errorKind,
          status: outcome.status,
          retryAfterMs: outcome.retryAfterMs,
        };
        breaker.onFailure(outcome.targetId, failure, now);
        keys.onFailure(
          failure.kind === 'rate-limited' ? outcome.targetId : outcome.credentialId,
          failure,
          now,
        );
      }
    },
  };
}

export type RoutingHealth = ReturnType<typeof createRoutingHealth>;
