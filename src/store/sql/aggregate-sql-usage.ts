import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { UsageAggregate, UsageFilter, UsageGroupBy } from '../usage-store.js';
import type { Database } from './database.js';
import { whereUsageFilter } from './where-usage-filter.js';

const dayInMs = 86_400_000;

/**
 * The grouped value per `groupBy`, as SQL both SQLite and PostgreSQL read the same way. Constants are
 * inlined rather than bound because PostgreSQL only matches a SELECT expression to its GROUP BY twin when
 * the text is identical, and two `$n` placeholders are not. Days are bucketed by integer division of the
 * millisecond timestamp (integer on both dialects), which avoids the one place date functions differ
 * (`strftime` vs `to_char`); the bucket becomes `YYYY-MM-DD` in JavaScript.
 */
function groupExpression(groupBy: UsageGroupBy): RawBuilder<string | number> {
  switch (groupBy) {
    case 'key':
      return sql`coalesce(key_id, '')`;
    case 'provider':
      return sql`coalesce(provider, '')`;
    case 'model':
      return sql`case when provider is null or model is null then '' else provider || '/' || model end`;
    case 'day':
      return sql`created_at / ${sql.lit(dayInMs)}`;
    default: {
      const _exhaustiveCheck: never = groupBy;
      throw new RangeError(`Unknown usage grouping ${String(_exhaustiveCheck)}`);
    }
  }
}

/**
 * `UsageStore.aggregate` in one GROUP BY over the filtered range. Sums come back as strings from
 * PostgreSQL's numeric type, hence `Number()` on every figure; the average is computed here from the sum
 * so it means the same on every backend.
 */
export async function aggregateSqlUsage(
  db: Kysely<Database>,
  groupBy: UsageGroupBy,
  filter: UsageFilter,
): Promise<UsageAggregate[]> {
  const group = groupExpression(groupBy);
  const rows = await whereUsageFilter(db.selectFrom('usage_records'), filter)
    .select([
      group.as('group_value'),
      sql<number>`count(*)`.as('requests'),
      sql<number>`sum(case when status >= 400 then 1 else 0 end)`.as('errors'),
      sql<number>`sum(prompt_tokens)`.as('prompt_tokens'),
      sql<number>`sum(completion_tokens)`.as('completion_tokens'),
      sql<number>`sum(cost_in_usd)`.as('cost_in_usd'),
      sql<number>`sum(latency_in_ms)`.as('latency_in_ms'),
    ])
    .groupBy(group)
    .execute();
  const aggregates = rows.map((row): UsageAggregate => {
    const requests = Number(row.requests);
    return {
      group:
        groupBy === 'day'
          ? new Date(Number(row.group_value) * dayInMs).toISOString().slice(0, 10)
          : String(row.group_value),
      requests,
      errors: Number(row.errors),
      promptTokens: Number(row.prompt_tokens),
      completionTokens: Number(row.completion_tokens),
      costInUsd: Number(row.cost_in_usd),
      averageLatencyInMs: Number(row.latency_in_ms) / requests,
    };
  });
  // Sorted here, not by ORDER BY, because PostgreSQL would sort text by its locale's collation.
  return aggregates.sort((left, right) => (left.group < right.group ? -1 : left.group > right.group ? 1 : 0));
}
