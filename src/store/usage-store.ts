import type { ProviderErrorKind } from '../spec/provider-error.js';

/** One attempt of a request, as the usage log keeps it. */
export interface AttemptSummary {
  targetId: string;
  provider: string;
  model: string;
  isSuccess: boolean;
  errorKind?: ProviderErrorKind | 'cancelled';
  status?: number;
  latencyInMs: number;
  ttftInMs?: number;
}

/** One request in the usage log: who, what, where it went, what it cost. */
export interface UsageRecord {
  requestId: string;
  /** Unix milliseconds when the request arrived. */
  createdAt: number;
  /** The gateway key's id (never the key); undefined without gateway keys. */
  keyId?: string;
  /** `/v1/chat/completions`, `/v1/messages`, `/chat`, ... */
  endpoint: string;
  /** The route the caller named. */
  route: string;
  /** The target that answered (or the last one tried). */
  provider?: string;
  model?: string;
  /** HTTP status sent to the caller (499 when the caller went away). */
  status: number;
  isStream: boolean;
  isCacheHit: boolean;
  attempts: AttemptSummary[];
  promptTokens: number;
  completionTokens: number;
  /** Where the token counts came from: the provider, or Arbiter's own tokenizer when it gave none. */
  tokenSource: 'provider' | 'estimated' | 'none';
  costInUsd: number;
  latencyInMs: number;
  ttftInMs?: number;
  errorCode?: string;
  conversationId?: string;
  /** Only when `LOG_REQUESTS` / `LOG_RESPONSES` are on. */
  requestBody?: string;
  responseBody?: string;
}

export type UsageGroupBy = 'key' | 'model' | 'provider' | 'day';

export interface UsageFilter {
  /** Unix milliseconds, inclusive. */
  from?: number;
  /** Unix milliseconds, exclusive. */
  to?: number;
  keyId?: string;
  provider?: string;
  /** The record's `model` as the provider names it (no `provider/` prefix; add `provider` to pin one). */
  model?: string;
}

export interface UsageAggregate {
  /**
   * The group's value: a key id, `provider/model`, a provider or a `YYYY-MM-DD` UTC day. Records without
   * the grouped field (no gateway key, no target reached) share the group `''`.
   */
  group: string;
  requests: number;
  /** Requests answered with a status of 400 or more (499, the caller leaving, included). */
  errors: number;
  promptTokens: number;
  completionTokens: number;
  costInUsd: number;
  averageLatencyInMs: number;
}

/** A page of the usage log, newest first; `nextCursor` continues where it stopped (keyset pagination). */
export interface UsagePage {
  records: UsageRecord[];
  /** Opaque; set only when older records match the filter. */
  nextCursor?: string;
}

/**
 * Upper bounds (ms, inclusive) of the latency histogram `timeseries` returns, fixed so every backend
 * counts the same buckets and the dashboard can estimate percentiles from them. Dense below a second,
 * where answers mostly are, and wide enough above for slow streams; one more count holds everything over
 * the last bound.
 */
export const usageLatencyBoundsInMs: readonly number[] = [
  25, 50, 100, 250, 500, 1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 60_000, 120_000,
];

/** The time range of a `timeseries` query and the width of its buckets. */
export interface UsageTimeseriesQuery {
  /** Unix milliseconds, inclusive. */
  from: number;
  /** Unix milliseconds, exclusive. */
  to: number;
  /** A positive whole number of ms; buckets start at multiples of it (since the Unix epoch, UTC). */
  bucketInMs: number;
}

/** One provider's requests in one time bucket. */
export interface UsageTimeseriesRow {
  /** Unix milliseconds: a multiple of the query's `bucketInMs`. */
  bucketStart: number;
  /** The provider that answered (or was tried last); `''` for requests that reached none. */
  provider: string;
  requests: number;
  /** Requests answered with a status of 400 or more, as in `aggregate`. */
  errors: number;
  promptTokens: number;
  completionTokens: number;
  costInUsd: number;
  /**
   * Requests per latency bucket: `latencyCounts[i]` have a latency above `usageLatencyBoundsInMs[i - 1]`
   * (0 for the first) and at most `usageLatencyBoundsInMs[i]`; the last entry counts those above the last
   * bound. One entry more than there are bounds.
   */
  latencyCounts: number[];
}

/** The usage log's store port. Appends come in batches from the off-path writer, never per request. */
export interface UsageStore {
  /**
   * Stores the batch atomically. A record whose `requestId` is already stored is ignored (first write
   * wins), so a retried batch is harmless.
   */
  append(records: readonly UsageRecord[]): Promise<void>;
  /** One row per group, ordered by `group` (code-unit order, so days run oldest first). */
  aggregate(groupBy: UsageGroupBy, filter: UsageFilter): Promise<UsageAggregate[]>;
  /**
   * At most `limit` records older than `cursor` (newest first, ties broken by `requestId`), by an index:
   * never an unbounded scan. Rejects with a RangeError when `limit` is not a positive integer or `cursor`
   * did not come from a previous page.
   */
  list(filter: UsageFilter & { cursor?: string; limit: number }): Promise<UsagePage>;
  get(requestId: string): Promise<UsageRecord | undefined>;
  /**
   * Per (time bucket, provider) in `[from, to)`: requests, errors, tokens, cost and a latency histogram
   * (`usageLatencyBoundsInMs`), ordered by bucket, then provider. Only buckets and providers with requests
   * have a row. Reads the range by the `created_at` index, never beyond it. Rejects with a RangeError
   * when `bucketInMs` is not a positive whole number or `to` is not after `from`.
   */
  timeseries(query: UsageTimeseriesQuery): Promise<UsageTimeseriesRow[]>;
}
