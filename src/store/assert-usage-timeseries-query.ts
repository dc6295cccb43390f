import type { UsageTimeseriesQuery } from './usage-store.js';

/**
 * A timeseries query every backend accepts alike: whole-millisecond bounds with `to` after `from`, and a
 * positive whole bucket width (SQL buckets by integer division, which a fraction would silently change).
 */
export function assertUsageTimeseriesQuery(query: UsageTimeseriesQuery): void {
  const { from, to, bucketInMs } = query;
  if (!Number.isSafeInteger(bucketInMs) || bucketInMs < 1)
    throw new RangeError(`Invalid usage bucket width ${bucketInMs}: expected a positive integer of ms.`);
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || to <= from)
    throw new RangeError(`Invalid usage time range [${from}, ${to}): expected whole ms with to after from.`);
}
