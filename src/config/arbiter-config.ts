import type { AlertsConfig } from './read-alerts-config.js';
import type { ProviderFamily, ProviderId } from '../spec/provider-id.js';
import type { CompetitionConfig } from './read-competition-config.js';
import type { GuardrailConfig } from './read-guardrail-config.js';
import type { LearningConfig } from './read-learning-config.js';
import type { VaultConfig } from './read-vault-config.js';
import type { SecurityConfig } from './security-config.js';
import type { PostgresStorageConfig } from './read-postgres-config.js';
import type { CacheConfig, RedisConfig } from './read-redis-config.js';

/** The whole, validated configuration the gateway is built from (env + `.env` + optional YAML file). */
export interface ArbiterConfig {
  server: ServerConfig;
  /** Providers that can be called, in the order they were declared (env discovery first). */
  providers: ProviderConfig[];
  /** Named routes and aliases (`smart`, `cheap`), from the config file. */
  routes: Record<string, RouteConfig>;
  /** How `auto` falls back, and the defaults of every route's retries and deadline. */
  routing: RoutingConfig;
  /** The provider `auto` and bare requests default to (`DEFAULT_MODEL_PROVIDER`). */
  defaultProvider?: ProviderId;
  /** Request values used when a caller omits them. */
  requestDefaults: { temperature?: number; maxTokens?: number };
  /** True when no provider is configured and the built-in simulator stands in (`ARBITER_DEMO`). */
  isDemo: boolean;
  /** Where the usage log, conversations and other state are kept. */
  storage: StorageConfig;
  /** The usage log, token counting and prices. */
  accounting: AccountingConfig;
  /** Operator alerts: webhooks, repeat window, budget thresholds. */
  alerts: AlertsConfig;
  /** The learned score's weights, half-life, exploration and saving (`learning:`, `LEARNING_*`). */
  learning: LearningConfig;
  /** Who competes in `race` and `compete`, the evaluator and the judge (`competition:`, `COMPETE_*`). */
  competition: CompetitionConfig;
  /** Gateway keys, the admin key, plans and the admission queue. */
  security: SecurityConfig;
  /** Encrypted provider keys and the master password (`USE_ENCRYPTED_KEYS`, `MASTER_PASSWORD`). */
  vault?: VaultConfig;
  /** Request limits and prompt-injection detection (`GUARDRAIL_PROMPT_INJECTION`, `ARBITER_MAX_MESSAGES`). */
  guardrails?: GuardrailConfig;
  /** Redis for state shared by every instance (`REDIS_URL`); absent: everything stays in this process. */
  redis?: RedisConfig;
  /** The response cache (`CACHE_ENABLED`, `CACHE_TTL`, `CACHE_MAX_MB`, `CACHE_SHARED_ACROSS_KEYS`). */
  cache: CacheConfig;
  /** `ARBITER_WORKERS`: processes `arbiter serve` runs; absent: one per core with Redis, else one. */
  workers?: number;
  /** Where the config file was read from, if any (for messages). */
  configFile?: string;
}

export interface ServerConfig {
  host: string;
  port: number;
  /** Largest accepted request body (`ARBITER_MAX_BODY_BYTES`). */
  bodyLimitInBytes: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** How long SIGTERM/SIGINT lets in-flight requests and streams finish (`SHUTDOWN_GRACE_SECONDS`). */
  shutdownGraceInMs: number;
}

/** Where state is kept (`ARBITER_STORE`): one SQLite file, process memory, or PostgreSQL (`DATABASE_URL`). */
export type StorageConfig =
  | {
      /** `sqlite` (`<dataDir>/arbiter.db`, the default) or `memory` (gone when the process ends) — `ARBITER_STORE`. */
      kind: 'sqlite' | 'memory';
      /** Absolute directory for the SQLite file (`ARBITER_DATA_DIR`, default `./data`). */
      dataDir: string;
    }
  | PostgresStorageConfig;

export interface AccountingConfig {
  /** False (`USAGE_LOG=false`) stores nothing: no usage log, `/usage` stays empty (metrics still count). */
  isUsageLogEnabled: boolean;
  /** Put request and answer bodies (truncated, redacted) in the per-request log line (`LOG_BODIES`). */
  shouldLogBodies: boolean;
  /** Keep each request's body in its usage record (`LOG_REQUESTS`, off by default for privacy). */
  shouldLogRequests: boolean;
  /** Keep each answer in its usage record (`LOG_RESPONSES`, off by default for privacy). */
  shouldLogResponses: boolean;
  /** The usage log is written in batches at most this far apart (`USAGE_FLUSH_INTERVAL_MS`, default 1000). */
  flushIntervalInMs: number;
  /** Price and context-window overrides by `provider/model` (`prices:` in the config file). */
  prices: Record<string, PriceConfig>;
}

/** A model's price in USD per million tokens, and its context window in tokens. */
export interface PriceConfig {
  input: number;
  output: number;
  /** Input tokens served from the provider's prompt cache; defaults to `input`. */
  cachedInput?: number;
  contextWindow?: number;
}

export interface ProviderConfig {
  /** Lowercase kebab name, the first segment of `provider/model`. */
  name: ProviderId;
  family: ProviderFamily;
  /** Follows the provider's official SDK convention (OpenAI's includes `/v1`). */
  baseUrl: string;
  keys: KeyConfig[];
  /** The model used for `auto` and for `provider` alone. */
  defaultModel?: string;
  /** Models this provider is known to serve (config + built-in catalog), for bare model ids and `/v1/models`. */
  models: string[];
  /** Total time an attempt may take (`P_TIMEOUT`, in seconds in the environment). */
  timeoutInMs: number;
  /** Extra headers sent with every call (attribution headers and the like); never from callers. */
  headers: Record<string, string>;
  /** True for the simulator's demo providers. */
  isDemo?: boolean;
  /** Client-side limits per key of this provider: a known tier (`groq-free`) and/or explicit numbers. */
  limits?: { tier?: string; requestsPerMinute?: number; tokensPerMinute?: number };
  /** Azure OpenAI: `api-version` for deployment URLs, or `v1` for the GA `/openai/v1` path. */
  azure?: { apiVersion: string };
  /** The `search` provider: backend endpoints and the route that writes answers from results. */
  search?: SearchConfig;
}

export type SearchBackend = 'bing' | 'brave' | 'searxng';

export interface SearchConfig {
  /** Endpoint of each configured backend (its model name is the backend: `search/brave`). */
  endpoints: Partial<Record<SearchBackend, string>>;
  /** The route (any model) that synthesises the answer from the results (`SEARCH_SYNTHESIS_MODEL`). */
  synthesisModel: string;
  /** Results given to the synthesis model. */
  maxResults: number;
}

export interface KeyConfig {
  /** Safe label for logs and stats: `groq#3f9a1c2e` (a short fingerprint, never the key). */
  id: string;
  /** Absent for providers that need no key (a local Ollama). */
  apiKey?: string;
  /** Share of traffic in the key pool. */
  weight: number;
  /** When set, the key serves only these models (a search backend's own key). */
  models?: string[];
}

export interface RoutingConfig {
  /** `auto` falls back to other providers when the default one fails (`LLM_AUTO_FALLBACK`, default true). */
  isAutoFallbackEnabled: boolean;
  /** The providers `auto` falls back to, in order (`LLM_FALLBACK_ORDER`); default: every configured one. */
  fallbackOrder: string[];
  /** Extra rounds over retryable failures (`MAX_RETRY_ATTEMPTS`, default 2). */
  maxRetries: number;
  /** First backoff between rounds (`RETRY_DELAY_SECONDS`, default 0.5). */
  retryDelayInMs: number;
  /** A request's whole deadline (`ARBITER_REQUEST_TIMEOUT`, seconds, default 300). */
  requestTimeoutInMs: number;
}

export interface RouteConfig {
  targets: RouteTargetConfig[];
  strategy?: 'sequential' | 'race' | 'hedge' | 'compete';
  /** How to order the healthy targets (`priority` when absent). */
  selector?: string;
  /** Content-based rules for the `rules` selector, validated by the selector. */
  rules?: unknown[];
  /** Hedge delay: milliseconds, or `p90` for the target's recent 90th-percentile time to first token. */
  hedgeDelay?: number | 'p90';
  /** Share of requests that may start a hedge (0..1). */
  hedgeBudget?: number;
  maxRetries?: number;
  retryDelayInMs?: number;
  timeoutInMs?: number;
  ttftTimeoutInMs?: number;
  continueOnFailure?: boolean;
}

export interface RouteTargetConfig {
  provider: ProviderId;
  model: string;
  /** Share of traffic for the `weighted` selector (default 1). */
  weight?: number;
}
