import { assertUsagePageLimit, decodeUsageCursor, encodeUsageCursor } from '../usage-cursor.js';
import type { UsageFilter, UsageRecord, UsageStore } from '../usage-store.js';
import { assertUsageTimeseriesQuery } from '../assert-usage-timeseries-query.js';
import { aggregateMemoryUsage } from './aggregate-memory-usage.js';
import { timeseriesMemoryUsage } from './timeseries-memory-usage.js';
import { compareUsagePosition, lowerBound, matchesUsageFilter } from './usage-position.js';

export interface MemoryUsageStoreOptions {
  /**
   * Records kept; the oldest (by `createdAt`) go first once full. A record without logged bodies takes
   * about 1 KB (measured: 107 MB of heap for 100,000 records with two attempts); logged bodies add theirs.
   */
  maxRecords?: number;
}

/**
 * The usage log in memory, for tests, demos and deployments without disk. Bounded: it keeps the newest
 * `maxRecords` (default 100,000) and forgets older ones, so a long-running gateway cannot grow without
 * limit. Records are kept sorted by (createdAt, requestId), the SQL backends' index order, so pages and
 * cursors behave the same on every backend; values are copied in and out, as a database would.
 */
export function createMemoryUsageStore(options: MemoryUsageStoreOptions = {}): UsageStore {
  const maxRecords = options.maxRecords ?? 100_000;
  const byId = new Map<string, UsageRecord>();
  const ordered: UsageRecord[] = [];

  /** Records in the filter's time range, newest first, starting below `before` when given. */
  function* newestFirst(filter: UsageFilter, before?: number): Generator<UsageRecord> {
    let index = before ?? ordered.length;
    if (filter.to !== undefined)
      index = Math.min(index, lowerBound(ordered, { createdAt: filter.to, requestId: '' }));
    for (index -= 1; index >= 0; index -= 1) {
      const record = ordered[index]!;
      if (filter.from !== undefined && record.createdAt < filter.from) return;
      if (matchesUsageFilter(record, filter)) yield record;
    }
  }

  return {
    async append(records) {
      let isSorted = true;
      for (const record of records) {
        if (byId.has(record.requestId)) continue;
        const copy = structuredClone(record);
        const last = ordered.at(-1);
        if (last !== undefined && compareUsagePosition(copy, last) < 0) isSorted = false;
        byId.set(copy.requestId, copy);
        ordered.push(copy);
      }
      // Batches arrive nearly in order (requests finish roughly as they start); the sort is close to linear.
      if (!isSorted) ordered.sort(compareUsagePosition);
      if (ordered.length > maxRecords) {
        for (const evicted of ordered.splice(0, ordered.length - maxRecords)) byId.delete(evicted.requestId);
      }
    },

    async aggregate(groupBy, filter) {
      return aggregateMemoryUsage(newestFirst(filter), groupBy);
    },

    async list(filter) {
      assertUsagePageLimit(filter.limit);
      const before =
        filter.cursor === undefined ? undefined : lowerBound(ordered, decodeUsageCursor(filter.cursor));
      const records: UsageRecord[] = [];
      let hasMore = false;
      for (const record of newestFirst(filter, before)) {
        if (records.length === filter.limit) {
          hasMore = true;
          break;
        }
        records.push(structuredClone(record));
      }
      const last = records.at(-1);
      return hasMore && last !== undefined ? { records, nextCursor: encodeUsageCursor(last) } : { records };
    },

    async get(requestId) {
      const record = byId.get(requestId);
      return record === undefined ? undefined : structuredClone(record);
    },

    async timeseries(query) {
      assertUsageTimeseriesQuery(query);
      return timeseriesMemoryUsage(newestFirst({ from: query.from, to: query.to }), query.bucketInMs);
    },
  };
}
