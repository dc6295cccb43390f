import type { ChatRequest } from './chat-request.js';
import type { ChatResponse } from './chat-response.js';
import type { ChatStreamPart } from './chat-stream-part.js';
import type { ProviderId } from './provider-id.js';

/**
 * One wire family's client. Adapters are stateless about keys and routing: the credential, base URL and
 * model arrive with every call, so key pools can rotate and cool keys down without adapters knowing.
 */
export interface ProviderAdapter {
  /** The configured provider this adapter instance speaks for (`groq`, `openai`, `anthropic`...). */
  readonly provider: ProviderId;
  /** One non-streamed answer. Throws a ProviderError on any upstream failure. */
  chat(call: ProviderCall): Promise<ChatResponse>;
  /**
   * A streamed answer. Resolves once the upstream accepted the request (status and headers arrived);
   * rejects with a ProviderError if it did not. Failures after that arrive as an `error` part.
   */
  chatStream(call: ProviderCall): Promise<AsyncIterable<ChatStreamPart>>;
  /** The models the upstream offers, when it can list them. */
  listModels?(call: ModelsCall): Promise<ModelInfo[]>;
}

/** One attempt against one target. */
export interface ProviderCall {
  /** The caller's request, already normalised by the ingress. Its `model` is the caller's route name. */
  request: ChatRequest;
  /** The upstream model id to ask for. */
  model: string;
  credential: Credential;
  /** The provider's base URL from config, never from a caller. */
  baseUrl: string;
  /** Aborted when the caller goes away, the attempt times out, or a race is lost. */
  signal: AbortSignal;
  /** Extra headers from the provider's config (e.g. OpenRouter attribution). Never from callers. */
  headers?: Readonly<Record<string, string>>;
}

export interface ModelsCall {
  credential: Credential;
  baseUrl: string;
  signal: AbortSignal;
  headers?: Readonly<Record<string, string>>;
}

/** One API key (or none, for local providers). `id` is a safe label for logs; `apiKey` never is. */
export interface Credential {
  /** A stable, non-secret label such as `groq#1` or `groq#key-a`. */
  id: string;
  apiKey?: string;
}

export interface ModelInfo {
  id: string;
  ownedBy?: string;
  created?: number;
  contextWindow?: number;
}
