import type { RoutingHealth } from '../../gateway/create-routing-health.js';
import type { TargetGaugeSource } from './create-gateway-metrics.js';

/** Every target the routing health has seen, with its breaker state and in-flight attempts, for gauges. */
export function describeTargetGauges(health: RoutingHealth, now: number): TargetGaugeSource[] {
  return health.stats.snapshot(now).map((target) => ({
    targetId: target.targetId,
    provider: target.targetId.split('/')[0] ?? target.targetId,
    circuitState: health.breaker.getState(target.targetId, now).state,
    inFlight: target.inFlight,
  }));
}
