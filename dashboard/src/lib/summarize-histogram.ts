import type { Histogram } from '../api/admin-api-types';
import { formatDuration } from './format-values';

/** One bar of a histogram as drawn: its label, its count and its height relative to the tallest bar. */
export interface HistogramBar {
  /** `≤ 50 ms`, `50–100 ms`, `> 8 s`. */
  label: string;
  count: number;
  /** 0..1 of the tallest bar (0 when the histogram is empty). */
  height: number;
}

export interface HistogramSummary {
  bars: HistogramBar[];
  total: number;
  /** Estimated percentiles, null without samples. */
  p50: number | null;
  p90: number | null;
  /** One sentence for screen readers and the chart's caption. */
  text: string;
}

/**
 * Bars, estimated percentiles and a text summary of a fixed-bound histogram. A percentile is placed
 * linearly inside the bucket holding it (the bucket below the first bound starts at 0); a percentile
 * landing in the last, open-ended bucket is reported as its lower bound, since nothing says how far
 * above it the samples are — the text then says "over".
 */
export function summarizeHistogram(histogram: Histogram, name: string): HistogramSummary {
  const { bounds_ms: bounds, counts } = histogram;
  const total = counts.reduce((sum, count) => sum + count, 0);
  const tallest = Math.max(0, ...counts);
  const bars = counts.map((count, index) => ({
    label: getBucketLabel(bounds, index),
    count,
    height: tallest > 0 ? count / tallest : 0,
  }));
  const p50 = locatePercentile(histogram, 0.5);
  const p90 = locatePercentile(histogram, 0.9);
  const describe = (label: string, located: LocatedPercentile) =>
    `${label} ${located.isAboveLastBound ? 'over' : '≈'} ${formatDuration(located.value)}`;
  const text =
    p50 === undefined || p90 === undefined
      ? `${name}: no samples yet.`
      : `${name}: ${total} sample${total === 1 ? '' : 's'}, ${describe('p50', p50)}, ${describe('p90', p90)}.`;
  return { bars, total, p50: p50?.value ?? null, p90: p90?.value ?? null, text };
}

/** The value below which `quantile` (0..1) of the samples fall, estimated from the buckets. */
export function estimatePercentile(histogram: Histogram, quantile: number): number | null {
  return locatePercentile(histogram, quantile)?.value ?? null;
}

interface LocatedPercentile {
  value: number;
  /** In the open-ended last bucket: `value` is the last bound, a floor rather than an estimate. */
  isAboveLastBound: boolean;
}

function locatePercentile(histogram: Histogram, quantile: number): LocatedPercentile | undefined {
  const { bounds_ms: bounds, counts } = histogram;
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return undefined;
  const rank = quantile * total;
  let below = 0;
  for (let index = 0; index < counts.length; index++) {
    const count = counts[index]!;
    const upper = bounds[index];
    if (upper === undefined) break;
    if (count > 0 && below + count >= rank) {
      const lower = index === 0 ? 0 : bounds[index - 1]!;
      return { value: lower + ((rank - below) / count) * (upper - lower), isAboveLastBound: false };
    }
    below += count;
  }
  return { value: bounds.at(-1) ?? 0, isAboveLastBound: true };
}

function getBucketLabel(bounds: readonly number[], index: number): string {
  const upper = bounds[index];
  if (upper === undefined) return `> ${formatDuration(bounds.at(-1) ?? 0)}`;
  if (index === 0) return `≤ ${formatDuration(upper)}`;
  return `${formatDuration(bounds[index - 1]!)}–${formatDuration(upper)}`;
}
