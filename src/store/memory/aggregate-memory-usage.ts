import type { UsageAggregate, UsageGroupBy, UsageRecord } from '../usage-store.js';

/** The group a record falls in; `''` when it lacks the grouped field, as in the SQL backends. */
function groupOf(record: UsageRecord, groupBy: UsageGroupBy): string {
  switch (groupBy) {
    case 'key':
      return record.keyId ?? '';
    case 'provider':
      return record.provider ?? '';
    case 'model':
      return record.provider === undefined || record.model === undefined
        ? ''
        : `${record.provider}/${record.model}`;
    case 'day':
      return new Date(record.createdAt).toISOString().slice(0, 10);
    default: {
      const _exhaustiveCheck: never = groupBy;
      throw new RangeError(`Unknown usage grouping ${String(_exhaustiveCheck)}`);
    }
  }
}

/** Sums already-filtered records per group, ordered by group like every backend. */
export function aggregateMemoryUsage(
  records: Iterable<UsageRecord>,
  groupBy: UsageGroupBy,
): UsageAggregate[] {
  const totals = new Map<string, UsageAggregate & { latencySumInMs: number }>();
  for (const record of records) {
    const group = groupOf(record, groupBy);
    let total = totals.get(group);
    if (total === undefined) {
      total = {
        group,
        requests: 0,
        errors: 0,
        promptTokens: 0,
        completionTokens: 0,
        costInUsd: 0,
        averageLatencyInMs: 0,
        latencySumInMs: 0,
      };
      totals.set(group, total);
    }
    total.requests += 1;
    if (record.status >= 400) total.errors += 1;
    total.promptTokens += record.promptTokens;
    total.completionTokens += record.completionTokens;
    total.costInUsd += record.costInUsd;
    total.latencySumInMs += record.latencyInMs;
  }
  return [...totals.values()]
    .map(({ latencySumInMs, ...total }) => ({
      ...total,
      averageLatencyInMs: latencySumInMs / total.requests,
    }))
    .sort((left, right) => (left.group < right.group ? -1 : left.group > right.group ? 1 : 0));
}
