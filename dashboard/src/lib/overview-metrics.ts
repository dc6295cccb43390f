import type { Overview, OverviewPoint } from '../api/admin-api-types';
import { formatCount, formatDuration, formatPercent, formatTimestamp, formatUsd } from './format-values';

/** What one Overview chart plots. */
export type OverviewMetric = 'requests' | 'success' | 'latency' | 'cost';

/** One line of a chart: a provider's values per bucket (`null` is a gap: nothing to plot there). */
export interface ChartLine {
  provider: string;
  /** `p99` lines are drawn dashed beside the `p50` ones on the latency chart. */
  variant: 'main' | 'p99';
  values: Array<number | null>;
}

export interface ChartData {
  /** Bucket starts in seconds, as uPlot's time axis wants them. */
  times: number[];
  lines: ChartLine[];
}

const pick: Record<Exclude<OverviewMetric, 'latency'>, (point: OverviewPoint) => number | null> = {
  requests: (point) => point.requests,
  success: (point) => (point.requests > 0 ? 1 - point.errors / point.requests : null),
  cost: (point) => point.cost_usd,
};

/** The lines of one chart for the providers shown (every series shares the window's buckets). */
export function getChartData(
  overview: Overview,
  metric: OverviewMetric,
  shown: ReadonlySet<string>,
): ChartData {
  const series = overview.series.filter((entry) => shown.has(entry.provider));
  const times = (overview.series[0]?.points ?? []).map((point) => point.t / 1_000);
  const lines: ChartLine[] = [];
  for (const entry of series) {
    if (metric === 'latency') {
      lines.push({
        provider: entry.provider,
        variant: 'main',
        values: entry.points.map((point) => point.p50_ms),
      });
      lines.push({
        provider: entry.provider,
        variant: 'p99',
        values: entry.points.map((point) => point.p99_ms),
      });
    } else {
      lines.push({ provider: entry.provider, variant: 'main', values: entry.points.map(pick[metric]) });
    }
  }
  return { times, lines };
}

const windowNames: Record<Overview['window'], string> = {
  '1h': 'the last hour',
  '24h': 'the last 24 hours',
  '7d': 'the last 7 days',
  '30d': 'the last 30 days',
};

/**
 * One or two sentences that say what a chart shows, for screen readers and anyone who would rather
 * read than look: totals per provider, and the busiest or slowest bucket.
 */
export function summarizeOverviewMetric(overview: Overview, metric: OverviewMetric): string {
  const span = windowNames[overview.window];
  const { totals } = overview;
  if (totals.requests === 0) return `No requests in ${span}.`;
  const perProvider = overview.series
    .map((entry) => ({
      provider: entry.provider,
      requests: sum(entry.points, (point) => point.requests),
      errors: sum(entry.points, (point) => point.errors),
      cost: sum(entry.points, (point) => point.cost_usd),
    }))
    .filter((entry) => entry.requests > 0)
    .sort((left, right) => right.requests - left.requests);
  const peak = findPeak(overview, metric);
  const at = peak ? ` at ${formatTimestamp(peak.time)} (${peak.provider})` : '';
  switch (metric) {
    case 'requests':
      return (
        `${formatCount(totals.requests)} requests in ${span}: ` +
        `${perProvider.map((entry) => `${entry.provider} ${formatCount(entry.requests)}`).join(', ')}.` +
        (peak ? ` Busiest bucket: ${formatCount(peak.value)}${at}.` : '')
      );
    case 'success':
      return (
        `Success rate ${formatPercent(totals.success_rate)} in ${span}: ` +
        `${perProvider.map((entry) => `${entry.provider} ${formatPercent(1 - entry.errors / entry.requests)}`).join(', ')}.`
      );
    case 'latency':
      return (
        `Latency in ${span}: p50 ${formatDuration(totals.p50_ms)}, p99 ${formatDuration(totals.p99_ms)}.` +
        (peak ? ` Slowest bucket: p99 ${formatDuration(peak.value)}${at}.` : '')
      );
    case 'cost':
      return (
        `${formatUsd(totals.cost_usd)} spent in ${span}: ` +
        `${perProvider.map((entry) => `${entry.provider} ${formatUsd(entry.cost)}`).join(', ')}.`
      );
  }
}

function findPeak(overview: Overview, metric: OverviewMetric) {
  if (metric === 'success' || metric === 'cost') return undefined;
  let peak: { value: number; time: number; provider: string } | undefined;
  for (const entry of overview.series) {
    for (const point of entry.points) {
      const value = metric === 'requests' ? point.requests : point.p99_ms;
      if (value !== null && value > 0 && (!peak || value > peak.value))
        peak = { value, time: point.t, provider: entry.provider };
    }
  }
  return peak;
}

function sum(points: readonly OverviewPoint[], of: (point: OverviewPoint) => number): number {
  return points.reduce((total, point) => total + of(point), 0);
}
