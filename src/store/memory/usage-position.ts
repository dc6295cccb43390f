import type { UsageCursor } from '../usage-cursor.js';
import type { UsageFilter, UsageRecord } from '../usage-store.js';

/**
 * Orders usage positions as the SQL backends' `(created_at, request_id)` index does: by time, then by
 * request id in code-unit order.
 */
export function compareUsagePosition(left: UsageCursor, right: UsageCursor): number {
  if (left.createdAt !== right.createdAt) return left.createdAt - right.createdAt;
  return left.requestId < right.requestId ? -1 : left.requestId > right.requestId ? 1 : 0;
}

/** The index of the first record at or after `position` in an ascending array (binary search). */
export function lowerBound(records: readonly UsageRecord[], position: UsageCursor): number {
  let low = 0;
  let high = records.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareUsagePosition(records[middle]!, position) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The key, provider and model conditions of a filter; the time range is applied by position. */
export function matchesUsageFilter(record: UsageRecord, filter: UsageFilter): boolean {
  return (
    (filter.keyId === undefined || record.keyId === filter.keyId) &&
    (filter.provider === undefined || record.provider === filter.provider) &&
    (filter.model === undefined || record.model === filter.model)
  );
}
