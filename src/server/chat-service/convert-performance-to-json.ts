import type { TargetPerformance } from '../../learning/target-performance.js';

const round = (value: number, digits: number) => Number(value.toFixed(digits));
const roundOrNull = (value: number | null, digits: number) => (value === null ? null : round(value, digits));
const isoOrNull = (time: number | null) => (time === null ? null : new Date(time).toISOString());

/** One target's row of `GET /performance`, in the chat-service endpoints' snake_case. */
export function convertTargetPerformance(row: TargetPerformance): Record<string, unknown> {
  return {
    target: row.targetId,
    provider: row.provider,
    model: row.model,
    key_id: row.keyId,
    route: row.route,
    requests: row.requests,
    successes: row.successes,
    failures: row.failures,
    success_rate: roundOrNull(row.successRate, 4),
    latency_ms: {
      average: roundOrNull(row.latency.averageInMs, 1),
      p95: roundOrNull(row.latency.p95InMs, 1),
    },
    ttft_ms: { average: roundOrNull(row.ttft.averageInMs, 1), p95: roundOrNull(row.ttft.p95InMs, 1) },
    tokens: { input: row.promptTokens, output: row.completionTokens },
    tokens_per_second: roundOrNull(row.tokensPerSecond, 1),
    cost_usd: round(row.costInUsd, 9),
    average_cost_usd: roundOrNull(row.averageCostInUsd, 9),
    quality: roundOrNull(row.quality, 4),
    quality_signals: row.qualitySignals,
    last_success_at: isoOrNull(row.lastSuccessAt),
    last_failure_at: isoOrNull(row.lastFailureAt),
    score: round(row.score, 4),
    terms: {
      reliability: round(row.terms.reliability, 4),
      speed: round(row.terms.speed, 4),
      quality: round(row.terms.quality, 4),
      recency: round(row.terms.recency, 4),
    },
    competition: { wins: row.competitionWins, entries: row.competitionEntries },
  };
}

/**
 * Per-provider totals over the rows, as the original brief's `/performance` reported per provider: the
 * average latency is weighed by each target's successes.
 */
export function summarizeProviders(rows: readonly TargetPerformance[]): Record<string, unknown> {
  const providers = new Map<string, TargetPerformance[]>();
  for (const row of rows) providers.set(row.provider, [...(providers.get(row.provider) ?? []), row]);
  return Object.fromEntries(
    [...providers].map(([provider, group]) => {
      const sum = (pick: (row: TargetPerformance) => number) =>
        group.reduce((total, row) => total + pick(row), 0);
      const successes = sum((row) => row.successes);
      const failures = sum((row) => row.failures);
      const timed = group.filter((row) => row.latency.averageInMs !== null && row.successes > 0);
      const timedSuccesses = timed.reduce((total, row) => total + row.successes, 0);
      return [
        provider,
        {
          targets: group.length,
          requests: sum((row) => row.requests),
          successes,
          failures,
          success_rate: successes + failures > 0 ? round(successes / (successes + failures), 4) : null,
          average_latency_ms:
            timedSuccesses > 0
              ? round(
                  timed.reduce((total, row) => total + row.latency.averageInMs! * row.successes, 0) /
                    timedSuccesses,
                  1,
                )
              : null,
          tokens: { input: sum((row) => row.promptTokens), output: sum((row) => row.completionTokens) },
          cost_usd: round(
            sum((row) => row.costInUsd),
            9,
          ),
          competition: {
            wins: sum((row) => row.competitionWins),
            entries: sum((row) => row.competitionEntries),
          },
        },
      ];
    }),
  );
}
