/**
 * The dashboard's data API as the gateway answers it (snake_case, times in Unix ms, money in USD,
 * durations in ms). These mirror the contract shared with the server; the UI reads nothing else.
 */

/** The windows `GET /admin/overview` knows, with their bucket sizes (1 min, 15 min, 2 h, 12 h). */
export type OverviewWindow = '1h' | '24h' | '7d' | '30d';

export interface OverviewPoint {
  /** The bucket's start. */
  t: number;
  requests: number;
  errors: number;
  p50_ms: number | null;
  p99_ms: number | null;
  cost_usd: number;
}

export interface OverviewSeries {
  /** `none` holds the requests that reached no provider. */
  provider: string;
  /** Every bucket of the window, oldest first. */
  points: OverviewPoint[];
}

export interface OverviewTotals {
  requests: number;
  errors: number;
  success_rate: number;
  p50_ms: number | null;
  p99_ms: number | null;
  cost_usd: number;
  prompt_tokens: number;
  completion_tokens: number;
}

/** `GET /admin/overview?window=…` */
export interface Overview {
  window: OverviewWindow;
  bucket_ms: number;
  from: number;
  to: number;
  totals: OverviewTotals;
  series: OverviewSeries[];
}

/** Counts per bucket: `counts[i]` is at most `bounds_ms[i]`; the last count is above the last bound. */
export interface Histogram {
  bounds_ms: number[];
  counts: number[];
}

export interface TimingSummary {
  avg: number | null;
  p50: number | null;
  p90: number | null;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface ScoreTerms {
  reliability: number | null;
  speed: number | null;
  quality: number | null;
  recency: number | null;
}

export interface ProviderTarget {
  target: string;
  model: string;
  circuit: {
    state: CircuitState;
    opened_at: number | null;
    probe_at: number | null;
    error_rate: number;
    consecutive_failures: number;
  };
  in_flight: number;
  successes: number;
  failures: number;
  latency_ms: TimingSummary;
  ttft_ms: TimingSummary;
  latency_histogram: Histogram;
  ttft_histogram: Histogram;
  learned: { score: number | null; terms: ScoreTerms; evidence: number };
}

export type KeyState = 'available' | 'cooling' | 'parked' | 'disabled';

export interface ProviderKey {
  /** A safe label such as `openai#1`, never the key. */
  id: string;
  state: KeyState;
  until: number | null;
  status: number | null;
}

export type ProviderStatus = 'online' | 'degraded' | 'offline';

export interface ProviderHealth {
  provider: string;
  configured: boolean;
  status: ProviderStatus;
  targets: ProviderTarget[];
  keys: ProviderKey[];
}

/** `GET /admin/providers` */
export interface ProvidersReport {
  providers: ProviderHealth[];
}

/** A key's limits; `null` is unlimited. */
export interface KeyLimits {
  requests_per_hour: number | null;
  tokens_per_day: number | null;
  budget_per_day_usd: number | null;
  budget_per_month_usd: number | null;
}

export interface KeyUsageRow {
  id: string;
  name: string;
  prefix: string;
  plan: string;
  revoked: boolean;
  limits: KeyLimits;
  used: { requests_hour: number; tokens_day: number; usd_day: number; usd_month: number };
  reset_at: { hour: number; day: number; month: number };
  cost_usd_30d: number;
  requests_30d: number;
}

/** `GET /admin/usage/keys` */
export interface KeyUsageReport {
  keys: KeyUsageRow[];
}

export type ArenaEvaluator = 'fastest' | 'judge' | 'consensus';

/** `POST /admin/arena`'s body. */
export interface ArenaRequest {
  prompt: string;
  contenders?: string[];
  evaluator?: ArenaEvaluator;
  deadline_ms?: number;
}

export interface ArenaContender {
  id: string;
  label: string;
  target: string;
  /** The usage-log id of this contender's answer: what a vote names. */
  request_id: string;
}

/** One event of the arena's stream, by its SSE `event:` name. */
export type ArenaEvent =
  | {
      type: 'start';
      data: { request_id: string; evaluator: ArenaEvaluator; contenders: ArenaContender[] };
    }
  | { type: 'delta'; data: { contender: string; text: string } }
  | {
      type: 'done';
      data: {
        contender: string;
        time_ms: number;
        ttft_ms: number | null;
        prompt_tokens: number;
        completion_tokens: number;
        cost_usd: number;
        error: { kind: string; message: string } | null;
      };
    }
  | {
      type: 'verdict';
      data: {
        winner: string | null;
        evaluator: string;
        reasoning: string;
        scores: Record<string, number>;
        fallback_reason: string | null;
      };
    }
  | { type: 'error'; data: { message: string } }
  | { type: 'end'; data: Record<string, never> };

/** One attempt of a request, as `GET /usage/requests` lists it. */
export interface AttemptRecord {
  target: string;
  provider: string;
  model: string;
  /** `success` or the error kind (`server`, `timeout`, `rate-limited`, …). */
  outcome: string;
  status: number | null;
  latency_ms: number;
  ttft_ms: number | null;
}

/** One record of the usage log. */
export interface UsageRequestRecord {
  request_id: string;
  created_at: string;
  key_id: string | null;
  endpoint: string;
  route: string;
  provider: string | null;
  model: string | null;
  status: number;
  stream: boolean;
  cache_hit: boolean;
  attempts: AttemptRecord[];
  prompt_tokens: number;
  completion_tokens: number;
  cost_estimate: number;
  latency_ms: number;
  ttft_ms: number | null;
  error_code: string | null;
}

/** `GET /usage/requests?limit=&cursor=` */
export interface UsageRequestPage {
  data: UsageRequestRecord[];
  next_cursor: string | null;
  has_more: boolean;
}

/** What the Arena needs of `GET /models`: the configured providers and the routable models. */
export interface ModelsReport {
  models: Array<{ provider: string; model: string; status: ProviderStatus }>;
  providers: string[];
}

/** `POST /feedback`'s answer. */
export interface FeedbackReceipt {
  request_id: string;
  target: string;
  score: number;
  recorded: boolean;
}
