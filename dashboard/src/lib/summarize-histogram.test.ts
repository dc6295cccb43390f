import { describe, expect, it } from 'vitest';
import { estimatePercentile, summarizeHistogram } from './summarize-histogram';

const bounds = [50, 100, 250, 500, 1000, 2000, 4000, 8000];

describe('summarizeHistogram', () => {
  it('labels each bucket, the last one open-ended, and scales bars to the tallest', () => {
    const summary = summarizeHistogram({ bounds_ms: bounds, counts: [1, 4, 2, 0, 0, 0, 0, 0, 1] }, 'Latency');
    expect(summary.bars.map((bar) => bar.label)).toEqual([
      '≤ 50 ms',
      '50 ms–100 ms',
      '100 ms–250 ms',
      '250 ms–500 ms',
      '500 ms–1 s',
      '1 s–2 s',
      '2 s–4 s',
      '4 s–8 s',
      '> 8 s',
    ]);
    expect(summary.bars.map((bar) => bar.height)).toEqual([0.25, 1, 0.5, 0, 0, 0, 0, 0, 0.25]);
    expect(summary.total).toBe(8);
  });

  it('places percentiles linearly inside their bucket', () => {
    // 10 samples: 2 under 50 ms, 8 between 50 and 100 ms → the 5th sample is 3/8 into the second bucket.
    const histogram = { bounds_ms: bounds, counts: [2, 8, 0, 0, 0, 0, 0, 0, 0] };
    expect(estimatePercentile(histogram, 0.5)).toBeCloseTo(50 + (3 / 8) * 50);
    expect(estimatePercentile(histogram, 0.9)).toBeCloseTo(50 + (7 / 8) * 50);
    expect(estimatePercentile({ bounds_ms: bounds, counts: [4, 0, 0, 0, 0, 0, 0, 0, 0] }, 0.5)).toBe(25);
  });

  it('says "over" the last bound when a percentile lands in the open-ended bucket', () => {
    const summary = summarizeHistogram({ bounds_ms: bounds, counts: [1, 0, 0, 0, 0, 0, 0, 0, 9] }, 'TTFT');
    expect(summary.p50).toBe(8000);
    expect(summary.text).toBe('TTFT: 10 samples, p50 over 8 s, p90 over 8 s.');
  });

  it('reads an estimate as approximate, and an empty histogram as no samples', () => {
    expect(
      summarizeHistogram({ bounds_ms: bounds, counts: [0, 2, 0, 0, 0, 0, 0, 0, 0] }, 'Latency').text,
    ).toBe('Latency: 2 samples, p50 ≈ 75 ms, p90 ≈ 95 ms.');
    const empty = summarizeHistogram({ bounds_ms: bounds, counts: new Array(9).fill(0) }, 'Latency');
    expect(empty).toMatchObject({ total: 0, p50: null, p90: null, text: 'Latency: no samples yet.' });
    expect(empty.bars.every((bar) => bar.height === 0)).toBe(true);
  });
});
