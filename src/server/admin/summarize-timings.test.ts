import { describe, expect, it } from 'vitest';
import { dashboardTimingBoundsInMs, summarizeTimings, toTimingHistogram } from './summarize-timings.js';

describe('summarizeTimings', () => {
  it('gives the mean and nearest-rank p50 and p90, or nulls without measurements', () => {
    expect(summarizeTimings([])).toEqual({ avg: null, p50: null, p90: null });
    expect(summarizeTimings([400, 100, 300, 200, 1000.04])).toEqual({ avg: 400, p50: 300, p90: 1000 });
  });
});

describe('toTimingHistogram', () => {
  it('counts a value on a bound in that bound, and above the last in the extra count', () => {
    const histogram = toTimingHistogram([0, 50, 50.5, 8000, 8001, 99_999]);
    expect(histogram.bounds_ms).toEqual(dashboardTimingBoundsInMs);
    expect(histogram.counts).toEqual([2, 1, 0, 0, 0, 0, 0, 1, 2]);
  });
});
