import { usageLatencyBoundsInMs, type UsageRecord, type UsageTimeseriesRow } from '../usage-store.js';

/** The histogram bucket of a latency: the first bound it does not exceed, else the overflow bucket. */
function getLatencyIndex(latencyInMs: number): number {
  const index = usageLatencyBoundsInMs.findIndex((bound) => latencyInMs <= bound);
  return index === -1 ? usageLatencyBoundsInMs.length : index;
}

/**
 * Sums records already limited to the query's range per (bucket, provider), ordered like every backend:
 * by bucket start, then provider in code-unit order.
 */
export function timeseriesMemoryUsage(
  records: Iterable<UsageRecord>,
  bucketInMs: number,
): UsageTimeseriesRow[] {
  const rows = new Map<string, UsageTimeseriesRow>();
  for (const record of records) {
    const bucketStart = Math.floor(record.createdAt / bucketInMs) * bucketInMs;
    const provider = record.provider ?? '';
    const key = `${bucketStart}\u0000${provider}`;
    let row = rows.get(key);
    if (row === undefined) {
      row = {
        bucketStart,
        provider,
        requests: 0,
        errors: 0,
        promptTokens: 0,
        completionTokens: 0,
        costInUsd: 0,
        latencyCounts: new Array<number>(usageLatencyBoundsInMs.length + 1).fill(0),
      };
      rows.set(key, row);
    }
    row.requests += 1;
    if (record.status >= 400) row.errors += 1;
    row.promptTokens += record.promptTokens;
    row.completionTokens += record.completionTokens;
    row.costInUsd += record.costInUsd;
    row.latencyCounts[getLatencyIndex(record.latencyInMs)]! += 1;
  }
  return [...rows.values()].sort(
    (left, right) =>
      left.bucketStart - right.bucketStart ||
      (left.provider < right.provider ? -1 : left.provider > right.provider ? 1 : 0),
  );
}
