import type { ChatRequest } from './chat-request.js';
import type { Usage } from './usage.js';
import type { ChatResponse } from './chat-response.js';
import type { ChatStreamPart } from './chat-stream-part.js';
import type { EmbeddingRequest, EmbeddingResponse } from './embedding.js';
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
  /** Embeddings, for providers that offer them. Throws a ProviderError on failure. */
  embed?(call: EmbeddingCall): Promise<EmbeddingResponse>;
  /**
   * The provider's own Anthropic Messages API, for Anthropic-format callers: the body goes upstream as
   * the caller wrote it (cache_control, thinking blocks and unknown fields survive), only `model` changes.
   */
  anthropicMessages?: AnthropicMessagesCapability;
  /**
   * The provider's own OpenAI Responses API (`/v1/responses`), for Responses callers: the body goes
   * upstream as written, only `model` changes, so built-in tools and every field keep working.
   */
  openaiResponses?: OpenAIResponsesCapability;
}

/** Pass-through of OpenAI's Responses API, implemented by hosts that have it (OpenAI itself). */
export interface OpenAIResponsesCapability {
  /** One Response object, parsed; throws a ProviderError on failure. */
  create(call: NativeCall): Promise<NativeResponse>;
  /** The upstream's named SSE events as they came, each parsed once; resolves when headers arrived. */
  stream(call: NativeCall): Promise<AsyncIterable<NativeEvent>>;
}

/** Pass-through of Anthropic's Messages API, implemented by the `anthropic` family. */
export interface AnthropicMessagesCapability {
  /** One Message object, parsed; throws a ProviderError on failure. */
  create(call: NativeCall): Promise<NativeResponse>;
  /** The upstream's SSE events as they came, each parsed once; resolves when headers arrived. */
  stream(call: NativeCall): Promise<AsyncIterable<NativeEvent>>;
  /** `POST /v1/messages/count_tokens` with the caller's body. */
  countTokens(call: NativeCall): Promise<{ input_tokens: number }>;
}

/** A call whose body is already in the provider's own format. */
export interface NativeCall {
  /** The caller's body; the adapter replaces `model` and nothing else. */
  body: Record<string, unknown>;
  model: string;
  credential: Credential;
  baseUrl: string;
  signal: AbortSignal;
  /** Config headers plus allow-listed caller headers (e.g. `anthropic-beta`). */
  headers?: Readonly<Record<string, string>>;
}

export interface NativeResponse {
  /** The upstream's JSON body, parsed. */
  body: Record<string, unknown>;
  /** Usage read from the body, in the internal shape, for accounting. */
  usage?: Usage;
}

/** One upstream SSE event: its name, its data text (to forward untouched) and the data parsed. */
export interface NativeEvent {
  event?: string;
  data: string;
  json: Record<string, unknown>;
  /** Set by the adapter on the event that carries the answer's final usage, in the internal shape. */
  usage?: Usage;
}

export interface EmbeddingCall {
  request: EmbeddingRequest;
  model: string;
  credential: Credential;
  baseUrl: string;
  signal: AbortSignal;
  headers?: Readonly<Record<string, string>>;
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
