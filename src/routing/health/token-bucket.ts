/** A budget that refills continuously: `capacity` units per `periodInMs`, never holding more than `capacity`. */
export interface TokenBucket {
  readonly capacity: number;
  /** Units available at `now` (negative while in debt). */
  available(now: number): number;
  /** Ms until `amount` units are available: 0 if they are, Infinity if `amount` exceeds the capacity. */
  waitFor(amount: number, now: number): number;
  /** Takes `amount` units even if that leaves the bucket in debt (an answer used more than estimated). */
  take(amount: number, now: number): void;
  /** Gives back `amount` units, up to the capacity (an answer used less than reserved). */
  give(amount: number, now: number): void;
  /** True once the bucket has refilled completely: it then equals a new bucket and can be forgotten. */
  isFull(now: number): boolean;
}

// Float rounding (e.g. 0.1 + 0.2) must not make an exact wait come up a hair short.
const tolerance = 1e-9;

/**
 * A token bucket, full at creation. Refill is computed from elapsed time on each call, so no timer runs.
 * Rates are kept as `capacity` per `periodInMs` rather than a per-ms fraction so waits come out exact
 * (30 requests per minute → one every 2,000 ms).
 *
 * @example
 * const requests = createTokenBucket(30, 60_000, clock.now()); // 30 per minute
 * requests.waitFor(1, clock.now()); // 0 while below the limit
 */
export function createTokenBucket(capacity: number, periodInMs: number, now: number): TokenBucket {
  if (!(capacity > 0 && periodInMs > 0)) {
    throw new RangeError(
      `a token bucket needs a positive capacity and period, got ${capacity}/${periodInMs} ms`,
    );
  }
  let level = capacity;
  let updatedAt = now;

  function refill(at: number): void {
    if (at <= updatedAt) return;
    level = Math.min(capacity, level + ((at - updatedAt) * capacity) / periodInMs);
    updatedAt = at;
  }

  return {
    capacity,
    available(at) {
      refill(at);
      return level;
    },
    waitFor(amount, at) {
      if (amount > capacity + tolerance) return Number.POSITIVE_INFINITY;
      refill(at);
      const missing = amount - level;
      return missing <= tolerance ? 0 : Math.ceil((missing * periodInMs) / capacity - tolerance);
    },
    take(amount, at) {
      refill(at);
      level -= amount;
    },
    give(amount, at) {
      refill(at);
      level = Math.min(capacity, level + amount);
    },
    isFull(at) {
      refill(at);
      return level >= capacity - tolerance;
    },
  };
}
