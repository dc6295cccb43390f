/** The latency and TTFT histogram bounds the dashboard draws (ms, inclusive upper bounds). */
export const dashboardTimingBoundsInMs: readonly number[] = [50, 100, 250, 500, 1000, 2000, 4000, 8000];

/** A timing as `GET /admin/providers` shows it: mean and nearest-rank percentiles, null when unmeasured. */
export interface TimingSummary {
  avg: number | null;
  p50: number | null;
  p90: number | null;
}

/** A histogram: `counts[i]` values at most `bounds_ms[i]` (and above the bound before); the last, above all. */
export interface TimingHistogram {
  bounds_ms: readonly number[];
  counts: number[];
}

const round = (value: number): number => Number(value.toFixed(1));

/**
 * Mean, p50 and p90 of recent measurements. Percentiles are nearest-rank, like the routing statistics'
 * own (`createBoundedSample`), so the dashboard shows values that were really measured.
 */
export function summarizeTimings(values: readonly number[]): TimingSummary {
  if (values.length === 0) return { avg: null, p50: null, p90: null };
  const sorted = [...values].sort((left, right) => left - right);
  const rank = (q: number): number => sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
  const sum = sorted.reduce((total, value) => total + value, 0);
  return { avg: round(sum / sorted.length), p50: round(rank(0.5)), p90: round(rank(0.9)) };
}

/** Counts of recent measurements per bucket of `dashboardTimingBoundsInMs`. */
export function toTimingHistogram(values: readonly number[]): TimingHistogram {
  const counts = new Array<number>(dashboardTimingBoundsInMs.length + 1).fill(0);
  for (const value of values) {
    const index = dashboardTimingBoundsInMs.findIndex((bound) => value <= bound);
    counts[index === -1 ? dashboardTimingBoundsInMs.length : index]! += 1;
  }
  return { bounds_ms: dashboardTimingBoundsInMs, counts };
}
