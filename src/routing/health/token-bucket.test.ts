import { describe, expect, it } from 'vitest';
import { createTokenBucket } from './token-bucket.js';

describe('createTokenBucket', () => {
  it('starts full and refills continuously', () => {
    const bucket = createTokenBucket(30, 60_000, 0);
    expect(bucket.available(0)).toBe(30);
    bucket.take(30, 0);
    expect(bucket.available(1_000)).toBe(0.5);
    expect(bucket.available(60_000)).toBe(30);
    expect(bucket.available(120_000)).toBe(30);
  });

  it('says exactly how long until an amount is there', () => {
    const bucket = createTokenBucket(30, 60_000, 0);
    expect(bucket.waitFor(1, 0)).toBe(0);
    bucket.take(30, 0);
    expect(bucket.waitFor(1, 0)).toBe(2_000);
    expect(bucket.waitFor(1, 1_500)).toBe(500);
    expect(bucket.waitFor(1, 2_000)).toBe(0);
    expect(bucket.waitFor(31, 2_000)).toBe(Number.POSITIVE_INFINITY);
  });

  it('rounds waits up to whole ms and tolerates float rounding', () => {
    const bucket = createTokenBucket(6_000, 60_000, 0);
    bucket.take(6_000, 0);
    expect(bucket.waitFor(0.3, 0)).toBe(3); // 0.3 tokens at 0.1 per ms
    expect(bucket.waitFor(1_001, 0)).toBe(10_010);
    expect(bucket.waitFor(1_001, 10_010)).toBe(0);
  });

  it('goes into debt on take and gives back up to the capacity', () => {
    const bucket = createTokenBucket(100, 60_000, 0);
    bucket.take(150, 0);
    expect(bucket.available(0)).toBe(-50);
    expect(bucket.waitFor(10, 0)).toBe(36_000);
    bucket.give(500, 0);
    expect(bucket.available(0)).toBe(100);
    expect(bucket.isFull(0)).toBe(true);
  });

  it('ignores time going backwards and refuses an empty bucket', () => {
    const bucket = createTokenBucket(10, 1_000, 5_000);
    bucket.take(10, 5_000);
    expect(bucket.available(4_000)).toBe(0);
    expect(bucket.isFull(5_999)).toBe(false);
    expect(bucket.isFull(6_000)).toBe(true);
    expect(() => createTokenBucket(0, 60_000, 0)).toThrow(RangeError);
  });
});
