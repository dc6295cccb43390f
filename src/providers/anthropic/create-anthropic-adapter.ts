import type { Dispatcher } from 'undici';
import type { ChatResponse } from '../../spec/chat-response.js';
import type { ChatStreamPart } from '../../spec/chat-stream-part.js';
import type { ModelInfo, ModelsCall, ProviderAdapter, ProviderCall } from '../../spec/provider-adapter.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { convertAnthropicStream } from './anthropic-stream.js';
import { convertAnthropicModels } from './convert-anthropic-models.js';
import { convertAnthropicResponse } from './convert-anthropic-response.js';
import { convertToAnthropicRequest } from './convert-to-anthropic-request.js';
import { createAnthropicMessagesCapability } from './create-anthropic-messages-capability.js';
import { parseAnthropicEvents } from './parse-anthropic-events.js';
import { readJSONObjectBody } from '../../lib/read-json-body.js';
import { sendAnthropicRequest } from './send-anthropic-request.js';

export interface AnthropicAdapterOptions {
  /** The configured provider name (`anthropic`, or a custom name for a proxy that speaks the same API). */
  provider: ProviderId;
  /** Keep-alive pool for upstream calls; undici's global one when omitted. */
  dispatcher?: Dispatcher;
}

/** Model listings are paged; this many pages of 1000 is far more than Anthropic offers. */
const maximumModelPages = 10;

/**
 * An adapter for Anthropic's Messages API: OpenAI-shaped chat in and out (`chat`, `chatStream`), the
 * model list, and the native pass-through for Anthropic-format callers (`anthropicMessages`). The base
 * URL is the origin without `/v1` (`https://api.anthropic.com`, as the official SDK takes it); the
 * credential, base URL and model come with each call.
 * @example
 * const anthropic = createAnthropicAdapter({ provider: 'anthropic' });
 * await anthropic.chat({ request, model: 'claude-sonnet-4-5', baseUrl: 'https://api.anthropic.com',
 *   credential: { id: 'anthropic#1', apiKey }, signal });
 */
export function createAnthropicAdapter(options: AnthropicAdapterOptions): ProviderAdapter {
  const { provider, dispatcher } = options;
  // Conversion happens before anything is sent, so a request Anthropic cannot express is refused locally.
  const postMessages = (call: ProviderCall, isStream: boolean) => {
    const body = convertToAnthropicRequest(call.request, call.model, isStream, provider);
    return sendAnthropicRequest({
      provider,
      dispatcher,
      path: '/v1/messages',
      method: 'POST',
      baseUrl: call.baseUrl,
      credential: call.credential,
      signal: call.signal,
      headers: call.headers,
      body: JSON.stringify(body),
      accept: isStream ? 'text/event-stream' : 'application/json',
    });
  };

  return {
    provider,

    async chat(call: ProviderCall): Promise<ChatResponse> {
      const response = await postMessages(call, false);
      return convertAnthropicResponse(await readJSONObjectBody(response, provider, call.signal), provider);
    },

    async chatStream(call: ProviderCall): Promise<AsyncIterable<ChatStreamPart>> {
      const response = await postMessages(call, true);
      return convertAnthropicStream(parseAnthropicEvents(response.body, provider, call.signal), provider);
    },

    async listModels(call: ModelsCall): Promise<ModelInfo[]> {
      const models: ModelInfo[] = [];
      let afterId: string | undefined;
      for (let page = 0; page < maximumModelPages; page++) {
        const query = `?limit=1000${afterId ? `&after_id=${encodeURIComponent(afterId)}` : ''}`;
        const response = await sendAnthropicRequest({
          ...call,
          provider,
          dispatcher,
          path: `/v1/models${query}`,
          method: 'GET',
        });
        const converted = convertAnthropicModels(await readJSONObjectBody(response, provider, call.signal));
        models.push(...converted.models);
        afterId = converted.nextAfterId;
        if (afterId === undefined) break;
      }
      return models;
    },

    anthropicMessages: createAnthropicMessagesCapability({ provider, dispatcher }),
  };
}
