import type { Dispatcher } from 'undici';
import type { ChatResponse } from '../../spec/chat-response.js';
import type { ChatStreamPart } from '../../spec/chat-stream-part.js';
import type { EmbeddingResponse } from '../../spec/embedding.js';
import type {
  EmbeddingCall,
  ModelInfo,
  ModelsCall,
  ProviderAdapter,
  ProviderCall,
} from '../../spec/provider-adapter.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { convertOllamaEmbedResponse } from './convert-ollama-embed-response.js';
import { convertOllamaModels } from './convert-ollama-models.js';
import { convertOllamaResponse } from './convert-ollama-response.js';
import { convertToOllamaEmbedRequest } from './convert-to-ollama-embed-request.js';
import { convertToOllamaRequest } from './convert-to-ollama-request.js';
import { convertOllamaStream } from './ollama-stream.js';
import { readJSONBody } from '../../lib/read-json-body.js';
import { sendOllamaRequest } from './send-ollama-request.js';

export interface OllamaAdapterOptions {
  /** The configured provider name, used in errors and outcomes (`ollama`). */
  provider: ProviderId;
  /** Keep-alive pool for upstream calls. */
  dispatcher?: Dispatcher;
}

/**
 * An adapter for Ollama's native API (PROVIDERS.md §7): `POST /api/chat` (NDJSON streams), `GET
 * /api/tags` and `POST /api/embed`. The base URL is the server root, `http://localhost:11434` by default.
 * @example
 * const ollama = createOllamaAdapter({ provider: 'ollama' });
 * await ollama.chat({ request, model: 'llama3.2', baseUrl: 'http://localhost:11434',
 *   credential: { id: 'ollama#local' }, signal });
 */
export function createOllamaAdapter(options: OllamaAdapterOptions): ProviderAdapter {
  const { provider, dispatcher } = options;

  const postChat = (call: ProviderCall, isStream: boolean) =>
    sendOllamaRequest({
      provider,
      dispatcher,
      path: '/api/chat',
      method: 'POST',
      baseUrl: call.baseUrl,
      credential: call.credential,
      signal: call.signal,
      headers: call.headers,
      body: convertToOllamaRequest(call.request, call.model, isStream, provider),
      isStream,
    });

  return {
    provider,

    async chat(call: ProviderCall): Promise<ChatResponse> {
      const response = await postChat(call, false);
      return convertOllamaResponse(await readJSONBody(response, provider, call.signal), provider);
    },

    async chatStream(call: ProviderCall): Promise<AsyncIterable<ChatStreamPart>> {
      const response = await postChat(call, true);
      return convertOllamaStream(response.body, provider, call.signal);
    },

    async listModels(call: ModelsCall): Promise<ModelInfo[]> {
      const response = await sendOllamaRequest({
        ...call,
        provider,
        dispatcher,
        path: '/api/tags',
        method: 'GET',
      });
      return convertOllamaModels(await readJSONBody(response, provider, call.signal));
    },

    async embed(call: EmbeddingCall): Promise<EmbeddingResponse> {
      const response = await sendOllamaRequest({
        provider,
        dispatcher,
        path: '/api/embed',
        method: 'POST',
        baseUrl: call.baseUrl,
        credential: call.credential,
        signal: call.signal,
        headers: call.headers,
        body: convertToOllamaEmbedRequest(call.request, call.model, provider),
      });
      return convertOllamaEmbedResponse(await readJSONBody(response, provider, call.signal), {
        provider,
        model: call.model,
        encodingFormat: call.request.encoding_format,
      });
    },
  };
}
