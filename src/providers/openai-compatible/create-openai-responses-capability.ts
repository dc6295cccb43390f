import type {
  NativeCall,
  NativeEvent,
  NativeResponse,
  OpenAIResponsesCapability,
} from '../../spec/provider-adapter.js';
import { ProviderError } from '../../spec/provider-error.js';
import { convertNetworkError } from '../../lib/convert-network-error.js';
import { parseSSE } from '../../lib/parse-sse.js';
import { isObject } from './openai-compatible-api.js';
import type { OpenAICompatibleConfig } from './openai-compatible-config.js';
import { convertOpenAIResponsesUsage } from './convert-openai-responses-usage.js';
import { readJSONBody } from '../../lib/read-json-body.js';
import { sendOpenAICompatibleRequest } from './send-openai-compatible-request.js';

/**
 * Pass-through of `POST {base}/responses` for hosts that have the Responses API: the caller's body with
 * the upstream model, the answer or the named SSE events as they came (each parsed once for usage and
 * failures). A stream cut before `response.completed` surfaces as a thrown network ProviderError.
 */
export function createOpenAIResponsesCapability(config: OpenAICompatibleConfig): OpenAIResponsesCapability {
  const post = (call: NativeCall, isStream: boolean) =>
    sendOpenAICompatibleRequest(config, {
      path: '/responses',
      method: 'POST',
      model: call.model,
      baseUrl: call.baseUrl,
      credential: call.credential,
      signal: call.signal,
      headers: call.headers,
      body: JSON.stringify({ ...call.body, model: call.model, stream: isStream }),
      accept: isStream ? 'text/event-stream' : 'application/json',
    });

  return {
    async create(call: NativeCall): Promise<NativeResponse> {
      const body = await readJSONBody(await post(call, false), config.provider, call.signal);
      if (!isObject(body))
        throw new ProviderError({
          kind: 'server',
          provider: config.provider,
          message: `${config.provider} returned a response that is not an object`,
        });
      return { body, usage: convertOpenAIResponsesUsage(body.usage) };
    },
    async stream(call: NativeCall): Promise<AsyncIterable<NativeEvent>> {
      const response = await post(call, true);
      return readEvents(response.body, config.provider, call.signal);
    },
  };
}

async function* readEvents(
  body: AsyncIterable<Uint8Array>,
  provider: string,
  signal: AbortSignal,
): AsyncGenerator<NativeEvent> {
  let isFinished = false;
  try {
    for await (const message of parseSSE(body)) {
      let json: unknown;
      try {
        json = JSON.parse(message.data);
      } catch {
        throw new ProviderError({
          kind: 'server',
          provider,
          message: `${provider} sent a stream event that is not JSON`,
        });
      }
      if (!isObject(json)) continue;
      const event = message.event ?? (typeof json.type === 'string' ? json.type : 'message');
      if (event === 'response.completed' || event === 'response.incomplete' || event === 'response.failed')
        isFinished = true;
      yield { event, data: message.data, json };
    }
  } catch (error) {
    throw convertNetworkError(error, provider, signal, 'stream');
  }
  if (!isFinished)
    throw new ProviderError({
      kind: 'network',
      provider,
      message: `${provider} closed the stream before the response was complete`,
    });
}
