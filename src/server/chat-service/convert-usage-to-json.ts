import type { ModelInfoLookup } from '../../accounting/get-model-info.js';
import type { UsageAggregate, UsageGroupBy, UsageRecord } from '../../store/usage-store.js';

/** What each grouping's value is called in the answer. */
const groupFields: Record<UsageGroupBy, string> = {
  key: 'key_id',
  model: 'model',
  provider: 'provider',
  day: 'day',
};

/** One `/usage` group, in the snake_case the chat-service endpoints use; `null` for records without the field. */
export function convertUsageAggregate(groupBy: UsageGroupBy, aggregate: UsageAggregate) {
  return {
    [groupFields[groupBy]]: aggregate.group === '' ? null : aggregate.group,
    ...convertTotals(aggregate),
  };
}

/** Sums of groups (of any one grouping: every record is in exactly one group of it). */
export function sumUsageAggregates(aggregates: readonly UsageAggregate[]) {
  const total = aggregates.reduce(
    (sum, aggregate) => ({
      requests: sum.requests + aggregate.requests,
      errors: sum.errors + aggregate.errors,
      promptTokens: sum.promptTokens + aggregate.promptTokens,
      completionTokens: sum.completionTokens + aggregate.completionTokens,
      costInUsd: sum.costInUsd + aggregate.costInUsd,
      latencySum: sum.latencySum + aggregate.averageLatencyInMs * aggregate.requests,
    }),
    { requests: 0, errors: 0, promptTokens: 0, completionTokens: 0, costInUsd: 0, latencySum: 0 },
  );
  const averageLatencyInMs = total.requests > 0 ? total.latencySum / total.requests : 0;
  return convertTotals({ ...total, group: '', averageLatencyInMs });
}

function convertTotals(aggregate: UsageAggregate) {
  return {
    requests: aggregate.requests,
    errors: aggregate.errors,
    error_rate: aggregate.requests > 0 ? round(aggregate.errors / aggregate.requests, 4) : 0,
    prompt_tokens: aggregate.promptTokens,
    completion_tokens: aggregate.completionTokens,
    tokens_used: aggregate.promptTokens + aggregate.completionTokens,
    cost_estimate: round(aggregate.costInUsd, 9),
    average_latency_ms: Math.round(aggregate.averageLatencyInMs),
  };
}

/** One usage-log record for `/usage/requests`; `cost_known` is looked up again (it is not stored). */
export function convertUsageRecord(record: UsageRecord, getModelInfo: ModelInfoLookup) {
  return {
    request_id: record.requestId,
    created_at: new Date(record.createdAt).toISOString(),
    key_id: record.keyId ?? null,
    endpoint: record.endpoint,
    route: record.route,
    provider: record.provider ?? null,
    model: record.model ?? null,
    status: record.status,
    stream: record.isStream,
    cache_hit: record.isCacheHit,
    attempts: record.attempts.map((attempt) => ({
      target: attempt.targetId,
      provider: attempt.provider,
      model: attempt.model,
      outcome: attempt.isSuccess ? 'success' : (attempt.errorKind ?? 'failed'),
      status: attempt.status ?? null,
      latency_ms: attempt.latencyInMs,
      ttft_ms: attempt.ttftInMs ?? null,
    })),
    prompt_tokens: record.promptTokens,
    completion_tokens: record.completionTokens,
    tokens_used: record.promptTokens + record.completionTokens,
    token_source: record.tokenSource,
    cost_estimate: record.costInUsd,
    cost_known: record.provider && record.model ? getModelInfo(record.provider, record.model).isKnown : false,
    latency_ms: record.latencyInMs,
    ttft_ms: record.ttftInMs ?? null,
    error_code: record.errorCode ?? null,
    conversation_id: record.conversationId ?? null,
    ...(record.requestBody === undefined ? {} : { request_body: record.requestBody }),
    ...(record.responseBody === undefined ? {} : { response_body: record.responseBody }),
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
