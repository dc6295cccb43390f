/**
 * A quantile (`q` in 0..1) estimated from a histogram: `counts[i]` values lie in `(bounds[i - 1],
 * bounds[i]]` (from 0 for the first), and the last count, one past the bounds, lies above the last bound.
 * Within a bucket the values are assumed spread evenly, so the estimate is linear between its edges (the
 * usual estimate of Prometheus' `histogram_quantile`); in the open last bucket it is the last bound, a
 * floor of the truth. Null when the histogram is empty.
 * @example estimateHistogramQuantile([2, 2, 0], [100, 200], 0.5) // 100
 */
export function estimateHistogramQuantile(
  counts: readonly number[],
  bounds: readonly number[],
  q: number,
): number | null {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.min(1, Math.max(0, q)) * total;
  let below = 0;
  for (const [index, count] of counts.entries()) {
    if (count > 0 && below + count >= rank) {
      if (index >= bounds.length) return bounds.at(-1) ?? null;
      const lower = index === 0 ? 0 : bounds[index - 1]!;
      return lower + ((bounds[index]! - lower) * (rank - below)) / count;
    }
    below += count;
  }
  return bounds.at(-1) ?? null;
}
