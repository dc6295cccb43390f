import { describe, expect, it } from 'vitest';
import { createSlidingWindowCounts } from './sliding-window-counts.js';

describe('createSlidingWindowCounts', () => {
  it('counts successes and failures inside the window', () => {
    const window = createSlidingWindowCounts({ windowInMs: 60_000, bucketCount: 6 });
    window.add(true, 1_000);
    window.add(false, 15_000);
    window.add(true, 59_999);
    expect(window.counts(59_999)).toEqual({ successes: 2, failures: 1 });
  });

  it('drops a bucket once it is a whole window old', () => {
    const window = createSlidingWindowCounts({ windowInMs: 60_000, bucketCount: 6 });
    window.add(false, 5_000); // bucket 0: [0, 10 s)
    window.add(true, 12_000); // bucket 1: [10 s, 20 s)
    expect(window.counts(59_000)).toEqual({ successes: 1, failures: 1 });
    expect(window.counts(60_000)).toEqual({ successes: 1, failures: 0 });
    expect(window.counts(70_000)).toEqual({ successes: 0, failures: 0 });
  });

  it('reuses a slot for a newer bucket and ignores events older than the slot', () => {
    const window = createSlidingWindowCounts({ windowInMs: 60_000, bucketCount: 6 });
    window.add(false, 1_000);
    window.add(true, 61_000); // same slot, next lap: the old failure is gone
    window.add(false, 2_000); // late event for a bucket that left the window
    expect(window.counts(61_000)).toEqual({ successes: 1, failures: 0 });
  });

  it('uses 5 minutes in 10 buckets by default and refuses a window without buckets', () => {
    const window = createSlidingWindowCounts();
    window.add(true, 0);
    expect(window.counts(299_999)).toEqual({ successes: 1, failures: 0 });
    expect(window.counts(300_000)).toEqual({ successes: 0, failures: 0 });
    expect(() => createSlidingWindowCounts({ bucketCount: 0 })).toThrow(RangeError);
  });
});
