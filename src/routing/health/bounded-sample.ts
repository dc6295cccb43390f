/** The most recent values of one measurement, at most `capacity` of them, with quantiles. */
export interface BoundedSample {
  add(value: number): void;
  /**
   * The nearest-rank quantile of the values held (`q` in 0..1): the smallest value that at least `q` of
   * the values do not exceed. Nearest-rank rather than interpolation because it always returns a value
   * that was actually measured, which is what a hedging delay should be. Undefined when empty.
   */
  quantile(q: number): number | undefined;
  /** A copy of the values held, in no particular order (histograms). */
  values(): number[];
  readonly size: number;
}

/**
 * A ring buffer of the last `capacity` values: memory stays fixed however long the process runs, and old
 * measurements leave as new ones arrive. The sorted copy is kept until the next `add`, so asking for
 * several quantiles in a row sorts once.
 *
 * @example
 * const ttft = createBoundedSample(64);
 * ttft.add(420);
 * ttft.quantile(0.9); // 420
 */
export function createBoundedSample(capacity: number): BoundedSample {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`a sample holds at least one value, got capacity ${capacity}`);
  }
  const values: number[] = [];
  let next = 0;
  let sorted: number[] | undefined;

  return {
    add(value) {
      if (values.length < capacity) values.push(value);
      else values[next] = value;
      next = (next + 1) % capacity;
      sorted = undefined;
    },
    quantile(q) {
      if (values.length === 0) return undefined;
      sorted ??= [...values].sort((a, b) => a - b);
      const clamped = Math.min(1, Math.max(0, q));
      const rank = Math.max(1, Math.ceil(clamped * sorted.length));
      return sorted[rank - 1];
    },
    values: () => [...values],
    get size() {
      return values.length;
    },
  };
}
