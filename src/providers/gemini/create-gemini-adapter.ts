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
import { convertGeminiEmbeddings } from './convert-gemini-embeddings.js';
import { convertGeminiModels, getGeminiNextPageToken } from './convert-gemini-models.js';
import { convertGeminiResponse } from './convert-gemini-response.js';
import { convertToGeminiEmbeddingRequest } from './convert-to-gemini-embedding-request.js';
import { convertToGeminiRequest } from './convert-to-gemini-request.js';
import { convertGeminiStream } from './gemini-stream.js';
import { peekGeminiStreamBody } from './peek-gemini-stream-body.js';
import { readJSONBody } from '../../lib/read-json-body.js';
import { getGeminiModelPath, sendGeminiRequest } from './send-gemini-request.js';

export interface GeminiAdapterOptions {
  /** The configured provider name (`gemini`), used in errors and outcomes. */
  provider: ProviderId;
  /** Keep-alive pool for upstream calls; undici's global one when omitted. */
  dispatcher?: Dispatcher;
}

/** Listing stops after this many pages (1000 models each), whatever the upstream says. */
const maximumModelPages = 10;

/**
 * An adapter for Google's Gemini API (generativelanguage.googleapis.com, PROVIDERS.md §6). The base URL
 * is the origin; `/v1beta/models/{model}:generateContent`, `:streamGenerateContent?alt=sse`,
 * `:embedContent`, `:batchEmbedContents` and `/v1beta/models` are appended. The key goes in
 * `x-goog-api-key`; the credential, base URL and model come with each call.
 * @example
 * const gemini = createGeminiAdapter({ provider: 'gemini' });
 * await gemini.chat({ request, model: 'gemini-2.5-flash', baseUrl: 'https://generativelanguage.googleapis.com',
 *   credential: { id: 'gemini#1', apiKey }, signal });
 */
export function createGeminiAdapter(options: GeminiAdapterOptions): ProviderAdapter {
  const { provider, dispatcher } = options;
  const generate = (call: ProviderCall, isStream: boolean) =>
    sendGeminiRequest({
      provider,
      dispatcher,
      baseUrl: call.baseUrl,
      path: isStream
        ? `${getGeminiModelPath(call.model, 'streamGenerateContent')}?alt=sse`
        : getGeminiModelPath(call.model, 'generateContent'),
      method: 'POST',
      credential: call.credential,
      signal: call.signal,
      headers: call.headers,
      body: JSON.stringify(convertToGeminiRequest(call.request, call.model, provider)),
      accept: isStream ? 'text/event-stream' : 'application/json',
    });

  return {
    provider,

    async chat(call: ProviderCall): Promise<ChatResponse> {
      const response = await generate(call, false);
      return convertGeminiResponse(await readJSONBody(response, provider, call.signal), provider, call.model);
    },

    async chatStream(call: ProviderCall): Promise<AsyncIterable<ChatStreamPart>> {
      const response = await generate(call, true);
      const body = await peekGeminiStreamBody(response.body, {
        provider,
        signal: call.signal,
        apiKey: call.credential.apiKey,
      });
      return convertGeminiStream(body, { provider, signal: call.signal });
    },

    async listModels(call: ModelsCall): Promise<ModelInfo[]> {
      const models: ModelInfo[] = [];
      let pageToken: string | undefined;
      for (let page = 0; page < maximumModelPages; page++) {
        const query = `?pageSize=1000${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ''}`;
        const response = await sendGeminiRequest({
          ...call,
          provider,
          dispatcher,
          path: `/models${query}`,
          method: 'GET',
        });
        const body = await readJSONBody(response, provider, call.signal);
        models.push(...convertGeminiModels(body));
        pageToken = getGeminiNextPageToken(body);
        if (pageToken === undefined) break;
      }
      return models;
    },

    async embed(call: EmbeddingCall): Promise<EmbeddingResponse> {
      const embedding = convertToGeminiEmbeddingRequest(call.request, call.model, provider);
      const response = await sendGeminiRequest({
        provider,
        dispatcher,
        baseUrl: call.baseUrl,
        path: getGeminiModelPath(call.model, embedding.method),
        method: 'POST',
        credential: call.credential,
        signal: call.signal,
        headers: call.headers,
        body: JSON.stringify(embedding.body),
      });
      return convertGeminiEmbeddings(await readJSONBody(response, provider, call.signal), {
        provider,
        model: call.model,
        texts: embedding.texts,
        isBase64: call.request.encoding_format === 'base64',
      });
    },
  };
}
