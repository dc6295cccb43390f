import { describe, expect, it } from 'vitest';
import { createBoundedSample } from './bounded-sample.js';

describe('createBoundedSample', () => {
  it('answers nearest-rank quantiles of what it holds', () => {
    const sample = createBoundedSample(10);
    for (const value of [50, 10, 40, 20, 30]) sample.add(value);
    expect(sample.quantile(0)).toBe(10);
    expect(sample.quantile(0.2)).toBe(10);
    expect(sample.quantile(0.5)).toBe(30);
    expect(sample.quantile(0.9)).toBe(50);
    expect(sample.quantile(1)).toBe(50);
  });

  it('keeps only the newest values once full', () => {
    const sample = createBoundedSample(3);
    for (const value of [1000, 2000, 3000, 10, 20]) sample.add(value);
    expect(sample.size).toBe(3);
    expect(sample.quantile(0)).toBe(10);
    expect(sample.quantile(1)).toBe(3000);
    sample.add(30);
    expect(sample.quantile(1)).toBe(30);
    expect(sample.values().sort((a, b) => a - b)).toEqual([10, 20, 30]);
  });

  it('re-sorts after an add and clamps q to 0..1', () => {
    const sample = createBoundedSample(4);
    sample.add(5);
    expect(sample.quantile(0.5)).toBe(5);
    sample.add(1);
    expect(sample.quantile(0.5)).toBe(1);
    expect(sample.quantile(-1)).toBe(1);
    expect(sample.quantile(2)).toBe(5);
  });

  it('is empty until the first value and refuses a capacity below one', () => {
    expect(createBoundedSample(2).quantile(0.9)).toBeUndefined();
    expect(() => createBoundedSample(0)).toThrow(RangeError);
    expect(() => createBoundedSample(1.5)).toThrow('at least one value');
  });
});
