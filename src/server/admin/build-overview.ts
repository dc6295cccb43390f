import { usageLatencyBoundsInMs, type UsageTimeseriesRow } from '../../store/usage-store.js';
import { estimateHistogramQuantile } from './estimate-histogram-quantile.js';
import type { OverviewRange } from './parse-overview-query.js';

/** The provider name of requests that reached no provider. */
export const noProvider = 'none';

interface Sums {
  requests: number;
  errors: number;
  costInUsd: number;
  promptTokens: number;
  completionTokens: number;
  latencyCounts: number[];
}

const emptySums = (): Sums => ({
  requests: 0,
  errors: 0,
  costInUsd: 0,
  promptTokens: 0,
  completionTokens: 0,
  latencyCounts: new Array<number>(usageLatencyBoundsInMs.length + 1).fill(0),
});

function add(sums: Sums, row: UsageTimeseriesRow): void {
  sums.requests += row.requests;
  sums.errors += row.errors;
  sums.costInUsd += row.costInUsd;
  sums.promptTokens += row.promptTokens;
  sums.completionTokens += row.completionTokens;
  row.latencyCounts.forEach((count, index) => (sums.latencyCounts[index]! += count));
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));
/** p50 and p99 of the usage log's latency histogram (linear within a bucket; see the estimator). */
const percentile = (sums: Sums, q: number): number | null => {
  const value = estimateHistogramQuantile(sums.latencyCounts, usageLatencyBoundsInMs, q);
  return value === null ? null : round(value, 1);
};

/**
 * `GET /admin/overview`'s answer from the usage log's timeseries: totals over the window, and per
 * provider one point per bucket, oldest first, every bucket present (zeros where nothing happened). The
 * providers are `providers` (the configured ones, so the chart's legend does not change as traffic comes
 * and goes), then any other that answered in the window, then `none` when some requests reached no
 * provider.
 */
export function buildOverview(
  rows: readonly UsageTimeseriesRow[],
  range: OverviewRange,
  providers: readonly string[],
) {
  const bucketCount = Math.round((range.to - range.from) / range.bucketInMs);
  const totals = emptySums();
  const series = new Map<string, Sums[]>(
    providers.map((provider) => [provider, Array.from({ length: bucketCount }, emptySums)]),
  );
  const others = [...new Set(rows.map((row) => row.provider || noProvider))]
    .filter((provider) => !series.has(provider))
    .sort((left, right) => (left === noProvider ? 1 : right === noProvider ? -1 : left.localeCompare(right)));
  for (const provider of others) series.set(provider, Array.from({ length: bucketCount }, emptySums));
  for (const row of rows) {
    const index = Math.floor((row.bucketStart - range.from) / range.bucketInMs);
    const bucket = series.get(row.provider || noProvider)?.[index];
    if (!bucket) continue;
    add(bucket, row);
    add(totals, row);
  }
  return {
    window: range.window,
    bucket_ms: range.bucketInMs,
    from: range.from,
    to: range.to,
    totals: {
      requests: totals.requests,
      errors: totals.errors,
      success_rate: totals.requests === 0 ? 1 : round(1 - totals.errors / totals.requests, 4),
      p50_ms: percentile(totals, 0.5),
      p99_ms: percentile(totals, 0.99),
      cost_usd: round(totals.costInUsd, 9),
      prompt_tokens: totals.promptTokens,
      completion_tokens: totals.completionTokens,
    },
    series: [...series].map(([provider, buckets]) => ({
      provider,
      points: buckets.map((sums, index) => ({
        t: range.from + index * range.bucketInMs,
        requests: sums.requests,
        errors: sums.errors,
        p50_ms: percentile(sums, 0.5),
        p99_ms: percentile(sums, 0.99),
        cost_usd: round(sums.costInUsd, 9),
      })),
    })),
  };
}
