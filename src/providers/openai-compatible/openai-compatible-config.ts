import type { Dispatcher } from 'undici';
import type { Credential } from '../../spec/provider-adapter.js';
import type { ProviderId } from '../../spec/provider-id.js';
import type { Usage } from '../../spec/usage.js';
import type { OpenAICompatibleUsage } from './openai-compatible-api.js';

export type OpenAICompatiblePath = '/chat/completions' | '/models' | '/embeddings' | '/responses';

/**
 * How one OpenAI-compatible host differs from OpenAI. Hosts are configuration over one base with small
 * hooks, not subclasses (STYLE.md example 8).
 */
export interface OpenAICompatibleConfig {
  /** The configured provider name, used in errors and outcomes. */
  provider: ProviderId;
  /** Keep-alive pool for upstream calls. */
  dispatcher?: Dispatcher;
  /** Endpoint URL from the base URL; default appends the path (`{base}/chat/completions`). Azure puts the
   *  model (its deployment) into the path. */
  buildUrl?: (baseUrl: string, path: OpenAICompatiblePath, model: string) => string;
  /** Auth headers for a credential; default `Authorization: Bearer <key>` when there is a key. */
  getAuthHeaders?: (credential: Credential) => Record<string, string>;
  /** The host's request quirks, applied last (e.g. Mistral's `random_seed`). */
  transformRequestBody?: (body: Record<string, unknown>, model: string) => Record<string, unknown>;
  /** The host's usage quirks (e.g. xAI's completion tokens exclude reasoning). */
  convertUsage?: (usage: OpenAICompatibleUsage) => Usage;
  /** False for hosts that reject `stream_options`; they must send usage on their own. Default true. */
  supportsStreamOptions?: boolean;
  /** True for hosts with OpenAI's Responses API, which Responses callers then reach without translation. */
  supportsResponses?: boolean;
}
