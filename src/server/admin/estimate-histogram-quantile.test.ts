import { describe, expect, it } from 'vitest';
import { estimateHistogramQuantile } from './estimate-histogram-quantile.js';

const bounds = [100, 200, 400];

describe('estimateHistogramQuantile', () => {
  it('interpolates linearly inside the bucket the rank falls in', () => {
    expect(estimateHistogramQuantile([2, 2, 0, 0], bounds, 0.5)).toBe(100);
    expect(estimateHistogramQuantile([0, 4, 0, 0], bounds, 0.5)).toBe(150);
    expect(estimateHistogramQuantile([0, 0, 10, 0], bounds, 0.99)).toBeCloseTo(398, 9);
    expect(estimateHistogramQuantile([1, 0, 0, 0], bounds, 0.5)).toBe(50);
  });

  it('skips empty buckets and answers the last bound for the open bucket above it', () => {
    expect(estimateHistogramQuantile([0, 0, 1, 1], bounds, 0.25)).toBe(300);
    expect(estimateHistogramQuantile([0, 0, 1, 1], bounds, 0.99)).toBe(400);
    expect(estimateHistogramQuantile([0, 0, 0, 0], bounds, 0.5)).toBeNull();
  });
});
