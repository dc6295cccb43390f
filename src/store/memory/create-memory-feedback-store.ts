import type { FeedbackRecord, FeedbackStore } from '../feedback-store.js';

/**
 * Feedback in memory, newest kept: past `maxRecords` the oldest is dropped, so votes cannot grow the
 * process without bound. Lost on restart; the SQL backends keep everything. Records are copied in and out.
 */
export function createMemoryFeedbackStore(options: { maxRecords?: number } = {}): FeedbackStore {
  const maxRecords = options.maxRecords ?? 10_000;
  const records = new Map<string, FeedbackRecord>();
  const byAge = (left: FeedbackRecord, right: FeedbackRecord) =>
    left.createdAt - right.createdAt || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0);
  return {
    async append(record) {
      if (records.has(record.id)) return;
      records.set(record.id, structuredClone(record));
      // The first in arrival order is the oldest: the gateway stamps feedback as it arrives.
      if (records.size > maxRecords) records.delete(records.keys().next().value!);
    },
    async listByRequest(requestId) {
      return [...records.values()]
        .filter((record) => record.requestId === requestId)
        .sort(byAge)
        .map((record) => structuredClone(record));
    },
    async listRecent(limit) {
      if (!Number.isInteger(limit) || limit < 1)
        throw new RangeError(`limit must be a positive integer, got ${limit}`);
      return [...records.values()]
        .sort((left, right) => byAge(right, left))
        .slice(0, limit)
        .map((record) => structuredClone(record));
    },
  };
}
