import type { ChatResponse } from '../../spec/chat-response.js';
import type { ChatStreamPart } from '../../spec/chat-stream-part.js';
import type {
  Credential,
  ModelInfo,
  ModelsCall,
  ProviderAdapter,
  ProviderCall,
} from '../../spec/provider-adapter.js';
import { ProviderError } from '../../spec/provider-error.js';
import { convertNetworkError } from '../../lib/convert-network-error.js';
import {
  parseJSONOrUndefined,
  readBodyText,
  sendHttpRequest,
  type HttpResponse,
} from '../../lib/http-request.js';
import { isObject } from './openai-compatible-api.js';
import type { OpenAICompatibleConfig } from './openai-compatible-config.js';
import { convertToOpenAICompatibleRequest } from './convert-to-openai-compatible-request.js';
import { convertOpenAICompatibleResponse } from './convert-openai-compatible-response.js';
import { convertOpenAICompatibleError } from './openai-compatible-error.js';
import { convertOpenAICompatibleStream } from './openai-compatible-stream.js';

/**
 * An adapter for OpenAI and every OpenAI-compatible host. The host's quirks come in `config`; the
 * credential, base URL and model come with each call.
 * @example
 * const groq = createOpenAICompatibleAdapter({ provider: 'groq' });
 * await groq.chat({ request, model: 'llama-3.3-70b-versatile', baseUrl: 'https://api.groq.com/openai/v1',
 *   credential: { id: 'groq#1', apiKey }, signal });
 */
export function createOpenAICompatibleAdapter(config: OpenAICompatibleConfig): ProviderAdapter {
  const buildUrl = config.buildUrl ?? ((baseUrl, path) => baseUrl.replace(/\/+$/, '') + path);
  const getAuthHeaders = config.getAuthHeaders ?? getBearerHeaders;

  async function send(call: ProviderCall, isStream: boolean): Promise<HttpResponse> {
    const body = convertToOpenAICompatibleRequest(call.request, call.model, isStream, config);
    let response: HttpResponse;
    try {
      response = await sendHttpRequest({
        url: buildUrl(call.baseUrl, '/chat/completions'),
        headers: {
          ...call.headers,
          ...getAuthHeaders(call.credential),
          'content-type': 'application/json',
          accept: isStream ? 'text/event-stream' : 'application/json',
        },
        body: JSON.stringify(body),
        signal: call.signal,
        dispatcher: config.dispatcher,
      });
    } catch (error) {
      throw convertNetworkError(error, config.provider, call.signal);
    }
    if (response.status >= 400) {
      const bodyText = await readBodyText(response.body);
      throw convertOpenAICompatibleError({
        provider: config.provider,
        status: response.status,
        headers: response.headers,
        bodyText,
      });
    }
    return response;
  }

  return {
    provider: config.provider,

    async chat(call: ProviderCall): Promise<ChatResponse> {
      const response = await send(call, false);
      let text: string;
      try {
        text = await response.body.text();
      } catch (error) {
        throw convertNetworkError(error, config.provider, call.signal);
      }
      const raw = parseJSONOrUndefined(text);
      if (raw === undefined) {
        throw new ProviderError({
          kind: 'server',
          provider: config.provider,
          message: `${config.provider} returned a body that is not JSON`,
        });
      }
      return convertOpenAICompatibleResponse(raw, config);
    },

    async chatStream(call: ProviderCall): Promise<AsyncIterable<ChatStreamPart>> {
      const response = await send(call, true);
      return convertOpenAICompatibleStream(response.body, config, call.signal);
    },

    async listModels(call: ModelsCall): Promise<ModelInfo[]> {
      let response: HttpResponse;
      try {
        response = await sendHttpRequest({
          url: buildUrl(call.baseUrl, '/models'),
          method: 'GET',
          headers: { ...call.headers, ...getAuthHeaders(call.credential), accept: 'application/json' },
          signal: call.signal,
          dispatcher: config.dispatcher,
        });
      } catch (error) {
        throw convertNetworkError(error, config.provider, call.signal);
      }
      const bodyText = await readBodyText(response.body);
      if (response.status >= 400) {
        throw convertOpenAICompatibleError({
          provider: config.provider,
          status: response.status,
          headers: response.headers,
          bodyText,
        });
      }
      const body = parseJSONOrUndefined(bodyText);
      const data = isObject(body) && Array.isArray(body.data) ? body.data : [];
      return data.filter(isObject).flatMap((model) =>
        typeof model.id === 'string'
          ? [
              {
                id: model.id,
                ownedBy: typeof model.owned_by === 'string' ? model.owned_by : undefined,
                created: typeof model.created === 'number' ? model.created : undefined,
              },
            ]
          : [],
      );
    },
  };
}

function getBearerHeaders(credential: Credential): Record<string, string> {
  return credential.apiKey ? { authorization: `Bearer ${credential.apiKey}` } : {};
}
