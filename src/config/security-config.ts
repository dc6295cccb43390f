/** A plan as configured: what each key on it may do. Limits are per key; absent means unlimited. */
export interface PlanConfig {
  requestsPerHour?: number;
  tokensPerDay?: number;
  budgetPerDayInUsd?: number;
  budgetPerMonthInUsd?: number;
  /**
   * Route names or `provider/model` patterns (`*` wildcard) its keys may use; `@cheap` stands for every
   * model whose input price is at most `cheapModelMaxInputPrice`. Absent: every model.
   */
  allowedModels?: string[];
  /** Higher goes first when the gateway is saturated. */
  priority: number;
}

/** A gateway key listed in `ARBITER_API_KEYS`, with its plan. */
export interface ConfiguredApiKey {
  key: string;
  plan: string;
}

/** Gateway keys, the admin key, plans and the gateway-wide admission queue. */
export interface SecurityConfig {
  /** `ARBITER_API_KEYS`: keys accepted besides those created through the admin API. */
  apiKeys: ConfiguredApiKey[];
  /** `ARBITER_ADMIN_KEY`: guards `/admin/*`; without it the admin API is off. */
  adminKey?: string;
  /** `ARBITER_ALLOW_PUBLIC_WITHOUT_KEYS`: serve a non-loopback address although no key is configured. */
  isPublicWithoutKeysAllowed: boolean;
  /** Built-in plans with env and YAML over them, and the YAML's custom plans, by name. */
  plans: Record<string, PlanConfig>;
  /** `FREE_MAX_INPUT_PRICE`: USD per million input tokens at most for a model to count as `@cheap`. */
  cheapModelMaxInputPrice: number;
  /** `ARBITER_MAX_CONCURRENT_REQUESTS`: requests calling upstreams at once; more wait in the queue. */
  maxConcurrentRequests: number;
  /** `ARBITER_QUEUE_TIMEOUT_MS`: the longest a request waits in the queue before a 503. */
  queueTimeoutInMs: number;
  /** `ARBITER_KEY_CACHE_TTL_MS`: how long a key lookup is reused; the bound on revocation elsewhere. */
  keyCacheTtlInMs: number;
  /** Output tokens reserved for a request that sets no `max_tokens` (`MAX_TOKENS_DEFAULT`, else 1024). */
  defaultReservedOutputTokens: number;
}
