import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDuration,
  formatPercent,
  formatRelativeTime,
  formatUsd,
  noValue,
} from './format-values';

describe('formatting', () => {
  it('writes durations in the unit that reads best', () => {
    expect([0, 12.4, 999, 1_000, 1_250, 12_345, 90_000, 5_400_000].map(formatDuration)).toEqual([
      '0 ms',
      '12 ms',
      '999 ms',
      '1 s',
      '1.25 s',
      '12.3 s',
      '1.5 min',
      '1.5 h',
    ]);
  });

  it('writes dollars to the precision a per-request cost needs', () => {
    expect([0, 1234.5, 1, 0.1234, 0.01, 0.0042, 0.000012, 0.0000001, -0.5].map(formatUsd)).toEqual([
      '$0',
      '$1,234.50',
      '$1.00',
      '$0.1234',
      '$0.01',
      '$0.0042',
      '$0.000012',
      '<$0.000001',
      '-$0.5',
    ]);
  });

  it('writes counts with separators and shares as percentages', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect([1, 0.995, 0.5, 0].map(formatPercent)).toEqual(['100%', '99.5%', '50%', '0%']);
  });

  it('writes relative times both ways', () => {
    expect(formatRelativeTime(10_000 + 12_000, 10_000)).toBe('in 12 s');
    expect(formatRelativeTime(10_000 - 180_000, 10_000)).toBe('3 min ago');
    expect(formatRelativeTime(10_400, 10_000)).toBe('now');
    expect(formatRelativeTime(10_000 + 9.4 * 86_400_000, 10_000)).toBe('in 9.4 d');
    expect(formatRelativeTime(10_000 + 3 * 86_400_000, 10_000)).toBe('in 3 d');
  });

  it('shows a dash for missing values', () => {
    expect([
      formatDuration(null),
      formatUsd(undefined),
      formatCount(Number.NaN),
      formatPercent(null),
    ]).toEqual([noValue, noValue, noValue, noValue]);
    expect(formatRelativeTime(null, 0)).toBe(noValue);
  });
});
