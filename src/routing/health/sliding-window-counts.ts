/** Successes and failures in the recent past. */
export interface WindowCounts {
  successes: number;
  failures: number;
}

/** Counts of recent successes and failures over a sliding time window. */
export interface SlidingWindowCounts {
  add(isSuccess: boolean, at: number): void;
  counts(now: number): WindowCounts;
}

/** The window's span and granularity. */
export interface SlidingWindowOptions {
  /** How far back counts reach. Default 5 minutes. */
  windowInMs?: number;
  /** How many slices the window is cut into; more slices, finer edges. Default 10. */
  bucketCount?: number;
}

/**
 * Counts over the last `windowInMs`, to the precision of one bucket (`windowInMs / bucketCount`): events
 * leave the window a whole bucket at a time. Fixed memory: `bucketCount` pairs of counters, reused as
 * time moves on. An event older than the bucket that now holds its slot is dropped, since its time has
 * already left the window.
 *
 * @example
 * const window = createSlidingWindowCounts({ windowInMs: 60_000, bucketCount: 6 });
 * window.add(true, Date.now());
 * window.counts(Date.now()); // { successes: 1, failures: 0 }
 */
export function createSlidingWindowCounts(options: SlidingWindowOptions = {}): SlidingWindowCounts {
  const windowInMs = options.windowInMs ?? 300_000;
  const bucketCount = options.bucketCount ?? 10;
  if (!Number.isInteger(bucketCount) || bucketCount < 1 || !(windowInMs > 0)) {
    throw new RangeError('a sliding window needs a positive length and at least one bucket');
  }
  const widthInMs = windowInMs / bucketCount;
  // Each slot remembers which bucket number (time / width) it currently counts for.
  const slots = Array.from({ length: bucketCount }, () => ({ bucket: -1, successes: 0, failures: 0 }));

  return {
    add(isSuccess, at) {
      const bucket = Math.floor(at / widthInMs);
      const slot = slots[bucket % bucketCount]!;
      if (slot.bucket > bucket) return;
      if (slot.bucket < bucket) Object.assign(slot, { bucket, successes: 0, failures: 0 });
      if (isSuccess) slot.successes += 1;
      else slot.failures += 1;
    },
    counts(now) {
      const current = Math.floor(now / widthInMs);
      let successes = 0;
      let failures = 0;
      for (const slot of slots) {
        if (slot.bucket > current - bucketCount && slot.bucket <= current) {
          successes += slot.successes;
          failures += slot.failures;
        }
      }
      return { successes, failures };
    },
  };
}
