import type { ProviderFamily, ProviderId } from '../spec/provider-id.js';

/** The whole, validated configuration the gateway is built from (env + `.env` + optional YAML file). */
export interface ArbiterConfig {
  server: ServerConfig;
  /** Providers that can be called, in the order they were declared (env discovery first). */
  providers: ProviderConfig[];
  /** Named routes and aliases (`smart`, `cheap`), from the config file. */
  routes: Record<string, RouteConfig>;
  /** The provider `auto` and bare requests default to (`DEFAULT_MODEL_PROVIDER`). */
  defaultProvider?: ProviderId;
  /** Request values used when a caller omits them. */
  requestDefaults: { temperature?: number; maxTokens?: number };
  /** True when no provider is configured and the built-in simulator stands in (`ARBITER_DEMO`). */
  isDemo: boolean;
  /** Where the config file was read from, if any (for messages). */
  configFile?: string;
}

export interface ServerConfig {
  host: string;
  port: number;
  /** Largest accepted request body (`ARBITER_MAX_BODY_BYTES`). */
  bodyLimitInBytes: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
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

export interface RouteConfig {
  targets: RouteTargetConfig[];
}

export interface RouteTargetConfig {
  provider: ProviderId;
  model: string;
}
