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
import type { OpenAICompatibleConfig } from './openai-compatible-config.js';
import {
  convertOpenAICompatibleEmbeddings,
  convertOpenAICompatibleModels,
} from './convert-openai-compatible-lists.js';
import { convertToOpenAICompatibleRequest } from './convert-to-openai-compatible-request.js';
import { convertOpenAICompatibleResponse } from './convert-openai-compatible-response.js';
import { createOpenAIResponsesCapability } from './create-openai-responses-capability.js';
import { convertOpenAICompatibleStream } from './openai-compatible-stream.js';
import { readJSONBody } from '../../lib/read-json-body.js';
import { sendOpenAICompatibleRequest } from './send-openai-compatible-request.js';

/**
 * An adapter for OpenAI and every OpenAI-compatible host. The host's quirks come in `config`; the
 * credential, base URL and model come with each call.
 * @example
 * const groq = createOpenAICompatibleAdapter({ provider: 'groq' });
 * await groq.chat({ request, model: 'llama-3.3-70b-versatile', baseUrl: 'https://api.groq.com/openai/v1',
 *   credential: { id: 'groq#1', apiKey }, signal });
 */
export function createOpenAICompatibleAdapter(config: OpenAICompatibleConfig): ProviderAdapter {
  const post = (call: ProviderCall, isStream: boolean) =>
    sendOpenAICompatibleRequest(config, {
      path: '/chat/completions',
      method: 'POST',
      model: call.model,
      baseUrl: call.baseUrl,
      credential: call.credential,
      signal: call.signal,
      headers: call.headers,
      body: JSON.stringify(convertToOpenAICompatibleRequest(call.request, call.model, isStream, config)),
      accept: isStream ? 'text/event-stream' : 'application/json',
    });

  return {
    provider: config.provider,
    ...(config.supportsResponses ? { openaiResponses: createOpenAIResponsesCapability(config) } : {}),

    async chat(call: ProviderCall): Promise<ChatResponse> {
      const response = await post(call, false);
      return convertOpenAICompatibleResponse(
        await readJSONBody(response, config.provider, call.signal),
        config,
      );
    },

    async chatStream(call: ProviderCall): Promise<AsyncIterable<ChatStreamPart>> {
      const response = await post(call, true);
      return convertOpenAICompatibleStream(response.body, config, call.signal);
    },

    async listModels(call: ModelsCall): Promise<ModelInfo[]> {
      const response = await sendOpenAICompatibleRequest(config, {
        ...call,
        path: '/models',
        method: 'GET',
        model: '',
      });
      return convertOpenAICompatibleModels(await readJSONBody(response, config.provider, call.signal));
    },

    async embed(call: EmbeddingCall): Promise<EmbeddingResponse> {
      const response = await sendOpenAICompatibleRequest(config, {
        path: '/embeddings',
        method: 'POST',
        model: call.model,
        baseUrl: call.baseUrl,
        credential: call.credential,
        signal: call.signal,
        headers: call.headers,
        body: JSON.stringify({ ...call.request, model: call.model }),
      });
      return convertOpenAICompatibleEmbeddings(
        await readJSONBody(response, config.provider, call.signal),
        config.provider,
        call.model,
      );
    },
  };
}
