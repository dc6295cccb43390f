import type { RoutingHealth } from '../../gateway/create-routing-health.js';
import type { CircuitState, CircuitStatus } from '../../routing/health/circuit-state.js';
import { summarizeTimings, toTimingHistogram } from './summarize-timings.js';

/** Worse first: what the dashboard should show when a model's keys disagree. */
const severity: Readonly<Record<CircuitState, number>> = { closed: 0, 'half-open': 1, open: 2 };

/**
 * The live routing health of one `provider/model` as `GET /admin/providers` shows it, over its targets
 * (one per key): the worst key's breaker (with the highest error rate and failure run among them), the
 * attempts in flight and the successes and failures of the sliding window summed, and the timings of the
 * recent samples pooled. Latency is start to full answer, of plain calls and of streams alike; TTFT is
 * the streams' time to first token.
 */
export function describeTargetHealth(health: RoutingHealth, targetIds: readonly string[], now: number) {
  const circuits = targetIds.map((id) => health.breaker.getState(id, now));
  const worst = circuits.reduce<CircuitStatus | undefined>(
    (chosen, circuit) => (!chosen || severity[circuit.state] > severity[chosen.state] ? circuit : chosen),
    undefined,
  );
  const counts = targetIds.map((id) => health.stats.counts(id, now));
  const latency = targetIds.flatMap((id) => [
    ...health.stats.samples(id, 'latency'),
    ...health.stats.samples(id, 'stream-duration'),
  ]);
  const ttft = targetIds.flatMap((id) => health.stats.samples(id, 'ttft'));
  return {
    circuit: {
      state: worst?.state ?? 'closed',
      opened_at: worst?.openedAt ?? null,
      probe_at: worst?.probeAt ?? null,
      error_rate: Number(Math.max(0, ...circuits.map((circuit) => circuit.errorRate)).toFixed(4)),
      consecutive_failures: Math.max(0, ...circuits.map((circuit) => circuit.consecutiveFailures)),
    },
    in_flight: targetIds.reduce((sum, id) => sum + health.stats.inFlight(id), 0),
    successes: counts.reduce((sum, count) => sum + count.successes, 0),
    failures: counts.reduce((sum, count) => sum + count.failures, 0),
    latency_ms: summarizeTimings(latency),
    ttft_ms: summarizeTimings(ttft),
    latency_histogram: toTimingHistogram(latency),
    ttft_histogram: toTimingHistogram(ttft),
  };
}
