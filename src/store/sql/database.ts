/**
 * The SQL schema as Kysely sees it, shared by every SQL dialect. Kept dialect-neutral on purpose:
 * timestamps are integer Unix milliseconds (`bigint`), JSON is TEXT, booleans are 0/1 integers, so the same
 * queries run on SQLite and PostgreSQL. A PostgreSQL dialect must parse `int8` as a JavaScript number
 * (safe: milliseconds stay below 2^53); aggregate sums are converted with `Number()` wherever they are read.
 */
export interface Database {
  usage_records: UsageRecordsTable;
  conversations: ConversationsTable;
  conversation_messages: ConversationMessagesTable;
  gateway_keys: GatewayKeysTable;
  plans: PlansTable;
  provider_keys: ProviderKeysTable;
  learned_stats: LearnedStatsTable;
  responses: ResponsesTable;
  feedback: FeedbackTable;
}

/** One `UsageRecord`; `attempts` is a JSON array of `AttemptSummary`. */
export interface UsageRecordsTable {
  request_id: string;
  created_at: number;
  key_id: string | null;
  endpoint: string;
  route: string;
  provider: string | null;
  model: string | null;
  status: number;
  is_stream: number;
  is_cache_hit: number;
  attempts: string;
  prompt_tokens: number;
  completion_tokens: number;
  token_source: string;
  cost_in_usd: number;
  latency_in_ms: number;
  ttft_in_ms: number | null;
  error_code: string | null;
  conversation_id: string | null;
  request_body: string | null;
  response_body: string | null;
}

/** A conversation's header; its messages live in `conversation_messages` so appends never rewrite it. */
export interface ConversationsTable {
  id: string;
  system_prompt: string | null;
  /** How many messages it holds: the next message's `seq`. */
  message_count: number;
  updated_at: number;
}

export interface ConversationMessagesTable {
  conversation_id: string;
  /** 0-based position in the conversation. */
  seq: number;
  /** One `ChatMessage` as JSON. */
  message: string;
}

export interface GatewayKeysTable {
  id: string;
  hash: string;
  prefix: string;
  name: string | null;
  plan: string;
  budget_per_day_in_usd: number | null;
  budget_per_month_in_usd: number | null;
  /** JSON array of strings, or null for the plan's. */
  allowed_models: string | null;
  /** JSON object of strings. */
  metadata: string;
  created_at: number;
  revoked_at: number | null;
}

export interface PlansTable {
  name: string;
  requests_per_hour: number | null;
  tokens_per_day: number | null;
  budget_per_day_in_usd: number | null;
  budget_per_month_in_usd: number | null;
  /** JSON array of strings, or null for all. */
  allowed_models: string | null;
  priority: number;
}

export interface ProviderKeysTable {
  id: string;
  provider: string;
  encrypted_key: string;
  weight: number;
  created_at: number;
}

export interface LearnedStatsTable {
  target_id: string;
  route: string;
  /** The learning layer's state as JSON. */
  state: string;
  updated_at: number;
}

export interface ResponsesTable {
  id: string;
  /** The Response object as JSON. */
  response: string;
  /** JSON array of `ChatMessage`, or null when only OpenAI can continue it. */
  conversation: string | null;
  is_native: number;
  created_at: number;
}

/** One `FeedbackRecord`. */
export interface FeedbackTable {
  id: string;
  request_id: string;
  target_id: string;
  route: string;
  score: number;
  /** `up`, `down`, or null for a score. */
  thumbs: string | null;
  comment: string | null;
  key_id: string | null;
  created_at: number;
}
