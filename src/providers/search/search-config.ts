import type { Dispatcher } from 'undici';
import type { ChatRequest } from '../../spec/chat-request.js';
import type { ChatResponse } from '../../spec/chat-response.js';
import type { ChatStreamPart } from '../../spec/chat-stream-part.js';
import type { ProviderId } from '../../spec/provider-id.js';

/** The web search APIs the `search` provider can call; each is one of its models (`search/brave`). */
export type SearchBackend = 'bing' | 'brave' | 'searxng';

/**
 * Writes the answer from the search results. The adapter cannot know which route that is (providers know
 * nothing of routing), so the composition root injects one that calls the gateway's own routing.
 */
export interface SearchSynthesizer {
  /** One answer to the synthesis request; throws the ProviderError of whatever provider wrote it. */
  chat(request: ChatRequest, signal: AbortSignal): Promise<ChatResponse>;
  /** A streamed answer; resolves once the synthesis route committed to a first content part. */
  chatStream(request: ChatRequest, signal: AbortSignal): Promise<AsyncIterable<ChatStreamPart>>;
}

export interface SearchAdapterOptions {
  /** The configured provider name (`search`), used in errors and in the answer's model name. */
  provider: ProviderId;
  /** Keep-alive pool for the search backends. */
  dispatcher?: Dispatcher;
  /** Endpoint of each configured backend, from config (never from callers). */
  endpoints: Partial<Record<SearchBackend, string>>;
  /** Results asked for and handed to the synthesis model. */
  maxResults: number;
  synthesizer: SearchSynthesizer;
}
