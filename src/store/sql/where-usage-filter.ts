import type { SelectQueryBuilder } from 'kysely';
import type { UsageFilter } from '../usage-store.js';
import type { Database } from './database.js';

/**
 * Adds a usage filter to a query as plain equality and range conditions, the shape the usage indexes
 * (`key_id`, `provider`, `model`, each followed by `created_at, request_id`) can seek on.
 */
export function whereUsageFilter<Output>(
  query: SelectQueryBuilder<Database, 'usage_records', Output>,
  filter: UsageFilter,
): SelectQueryBuilder<Database, 'usage_records', Output> {
  let filtered = query;
  if (filter.from !== undefined) filtered = filtered.where('created_at', '>=', filter.from);
  if (filter.to !== undefined) filtered = filtered.where('created_at', '<', filter.to);
  if (filter.keyId !== undefined) filtered = filtered.where('key_id', '=', filter.keyId);
  if (filter.provider !== undefined) filtered = filtered.where('provider', '=', filter.provider);
  if (filter.model !== undefined) filtered = filtered.where('model', '=', filter.model);
  return filtered;
}
