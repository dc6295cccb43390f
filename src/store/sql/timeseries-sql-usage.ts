import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { assertUsageTimeseriesQuery } from '../assert-usage-timeseries-query.js';
import {
  usageLatencyBoundsInMs,
  type UsageTimeseriesQuery,
  type UsageTimeseriesRow,
} from '../usage-store.js';
import type { Database } from './database.js';

/**
 * `UsageStore.timeseries` in one GROUP BY over `created_at` in `[from, to)`, which both dialects answer
 * with one range seek on the `(created_at, request_id)` index. The bucket is the integer division of the
 * millisecond timestamp (integer on both), with the width inlined so PostgreSQL matches the SELECT
 * expression to its GROUP BY twin. The histogram is one `sum(case when latency_in_ms <= bound …)` per
 * bound: cumulative counts, plain SQL on both dialects, turned into per-bucket counts here.
 */
export async function timeseriesSqlUsage(
  db: Kysely<Database>,
  query: UsageTimeseriesQuery,
): Promise<UsageTimeseriesRow[]> {
  assertUsageTimeseriesQuery(query);
  const bucket = sql<number>`created_at / ${sql.lit(query.bucketInMs)}`;
  const provider = sql<string>`coalesce(provider, '')`;
  const atMost = usageLatencyBoundsInMs.map((bound, index) =>
    sql<number>`sum(case when latency_in_ms <= ${sql.lit(bound)} then 1 else 0 end)`.as(`at_most_${index}`),
  );
  const rows = await db
    .selectFrom('usage_records')
    .where('created_at', '>=', query.from)
    .where('created_at', '<', query.to)
    .select([
      bucket.as('bucket'),
      provider.as('provider_value'),
      sql<number>`count(*)`.as('requests'),
      sql<number>`sum(case when status >= 400 then 1 else 0 end)`.as('errors'),
      sql<number>`sum(prompt_tokens)`.as('prompt_tokens'),
      sql<number>`sum(completion_tokens)`.as('completion_tokens'),
      sql<number>`sum(cost_in_usd)`.as('cost_in_usd'),
    ])
    .select(atMost)
    .groupBy([bucket, provider])
    .execute();
  const result = rows.map((row): UsageTimeseriesRow => {
    const requests = Number(row.requests);
    const cumulative = usageLatencyBoundsInMs.map((_, index) => Number(row[`at_most_${index}`]));
    return {
      bucketStart: Number(row.bucket) * query.bucketInMs,
      provider: String(row.provider_value),
      requests,
      errors: Number(row.errors),
      promptTokens: Number(row.prompt_tokens),
      completionTokens: Number(row.completion_tokens),
      costInUsd: Number(row.cost_in_usd),
      latencyCounts: [...cumulative, requests].map(
        (count, index) => count - (index === 0 ? 0 : cumulative[index - 1]!),
      ),
    };
  });
  // Sorted here, not by ORDER BY, because PostgreSQL would sort text by its locale's collation.
  return result.sort(
    (left, right) =>
      left.bucketStart - right.bucketStart ||
      (left.provider < right.provider ? -1 : left.provider > right.provider ? 1 : 0),
  );
}
