import { z } from 'zod';
import type { UsageFilter, UsageGroupBy } from '../../store/usage-store.js';
import { ApiError } from '../api-error.js';

const groupings: readonly UsageGroupBy[] = ['key', 'model', 'provider', 'day'];

const usageQuerySchema = z.strictObject({
  group_by: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  key_id: z.string().min(1).optional(),
  provider: z.string().min(1).optional(),
  model: z.string().min(1).optional(),
  limit: z.string().regex(/^\d+$/, 'must be a whole number').optional(),
  cursor: z.string().min(1).optional(),
});

export interface UsageQuery {
  groupBy: UsageGroupBy[];
  filter: UsageFilter;
  limit: number;
  cursor?: string;
}

/** Records one page of `/usage/requests` may hold. */
export const usagePageLimits = { default: 50, max: 500 } as const;

/**
 * The query string of `/usage` and `/usage/requests`: `group_by` (a comma list of key, model, provider,
 * day; default all four), `from`/`to` (ISO 8601 or Unix milliseconds; `to` is exclusive, and a date alone
 * covers that whole UTC day), `key_id`, `provider`, `model` (`provider/model` pins both), `limit`,
 * `cursor`. Anything else is a 400 naming it.
 */
export function parseUsageQuery(query: unknown, providerNames: readonly string[]): UsageQuery {
  const result = usageQuerySchema.safeParse(query ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const param = issue.code === 'unrecognized_keys' ? issue.keys[0] : String(issue.path[0] ?? '');
    const message =
      issue.code === 'unrecognized_keys'
        ? `Unknown query parameter: '${param}'.`
        : `Invalid '${param}': ${issue.code === 'invalid_type' ? 'give it once' : issue.message}.`;
    throw invalid(message, param ?? null);
  }
  const { group_by: groupBy, from, to, key_id: keyId, provider, model, limit, cursor } = result.data;
  const filter: UsageFilter = { keyId, provider, model };
  const slash = model?.indexOf('/') ?? -1;
  if (model && slash > 0 && providerNames.includes(model.slice(0, slash))) {
    filter.provider = model.slice(0, slash);
    filter.model = model.slice(slash + 1);
  }
  if (from !== undefined) filter.from = parseTime(from, 'from', false);
  if (to !== undefined) filter.to = parseTime(to, 'to', true);
  const pageSize = limit === undefined ? usagePageLimits.default : Number(limit);
  if (pageSize < 1 || pageSize > usagePageLimits.max)
    throw invalid(`Invalid 'limit': give 1 to ${usagePageLimits.max}.`, 'limit');
  return { groupBy: parseGroupBy(groupBy), filter, limit: pageSize, cursor };
}

function parseGroupBy(text: string | undefined): UsageGroupBy[] {
  if (text === undefined) return [...groupings];
  const names = text.split(',').map((name) => name.trim());
  const unknown = names.find((name) => !(groupings as readonly string[]).includes(name));
  if (unknown !== undefined)
    throw invalid(`Invalid 'group_by': '${unknown}' is not one of ${groupings.join(', ')}.`, 'group_by');
  return [...new Set(names as UsageGroupBy[])];
}

function parseTime(text: string, param: string, isEnd: boolean): number {
  if (/^\d+$/.test(text)) return Number(text);
  const time = Date.parse(text);
  if (Number.isNaN(time))
    throw invalid(`Invalid '${param}': '${text}' is neither an ISO 8601 time nor Unix milliseconds.`, param);
  const isDateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  return isDateOnly && isEnd ? time + 86_400_000 : time;
}

function invalid(message: string, param: string | null): ApiError {
  return new ApiError(400, 'invalid_request_error', message, { code: 'invalid_value', param });
}
