import type { Selectable } from 'kysely';
import type { AttemptSummary, UsageRecord } from '../usage-store.js';
import type { UsageRecordsTable } from './database.js';

type UsageRow = Selectable<UsageRecordsTable>;

/** A record as a row: absent fields become NULL, booleans 0/1, attempts JSON. */
export function toUsageRow(record: UsageRecord): UsageRow {
  return {
    request_id: record.requestId,
    created_at: record.createdAt,
    key_id: record.keyId ?? null,
    endpoint: record.endpoint,
    route: record.route,
    provider: record.provider ?? null,
    model: record.model ?? null,
    status: record.status,
    is_stream: record.isStream ? 1 : 0,
    is_cache_hit: record.isCacheHit ? 1 : 0,
    attempts: JSON.stringify(record.attempts),
    prompt_tokens: record.promptTokens,
    completion_tokens: record.completionTokens,
    token_source: record.tokenSource,
    cost_in_usd: record.costInUsd,
    latency_in_ms: record.latencyInMs,
    ttft_in_ms: record.ttftInMs ?? null,
    error_code: record.errorCode ?? null,
    conversation_id: record.conversationId ?? null,
    request_body: record.requestBody ?? null,
    response_body: record.responseBody ?? null,
  };
}

/** A row as a record: NULL columns leave their optional field out rather than set it to undefined. */
export function fromUsageRow(row: UsageRow): UsageRecord {
  const record: UsageRecord = {
    requestId: row.request_id,
    createdAt: Number(row.created_at),
    endpoint: row.endpoint,
    route: row.route,
    status: row.status,
    isStream: row.is_stream === 1,
    isCacheHit: row.is_cache_hit === 1,
    attempts: JSON.parse(row.attempts) as AttemptSummary[],
    promptTokens: Number(row.prompt_tokens),
    completionTokens: Number(row.completion_tokens),
    tokenSource: row.token_source as UsageRecord['tokenSource'],
    costInUsd: row.cost_in_usd,
    latencyInMs: row.latency_in_ms,
  };
  if (row.key_id !== null) record.keyId = row.key_id;
  if (row.provider !== null) record.provider = row.provider;
  if (row.model !== null) record.model = row.model;
  if (row.ttft_in_ms !== null) record.ttftInMs = row.ttft_in_ms;
  if (row.error_code !== null) record.errorCode = row.error_code;
  if (row.conversation_id !== null) record.conversationId = row.conversation_id;
  if (row.request_body !== null) record.requestBody = row.request_body;
  if (row.response_body !== null) record.responseBody = row.response_body;
  return record;
}
