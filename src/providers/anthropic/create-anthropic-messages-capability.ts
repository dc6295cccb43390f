import type { Dispatcher } from 'undici';
import type {
  AnthropicMessagesCapability,
  NativeCall,
  NativeEvent,
  NativeResponse,
} from '../../spec/provider-adapter.js';
import { ProviderError } from '../../spec/provider-error.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { isObject } from './anthropic-api.js';
import { convertAnthropicUsage } from './convert-anthropic-usage.js';
import { parseAnthropicEvents } from './parse-anthropic-events.js';
import { readJSONObjectBody } from '../../lib/read-json-body.js';
import { sendAnthropicRequest } from './send-anthropic-request.js';

/**
 * The Messages API as a pass-through for Anthropic-format callers: the caller's body goes upstream as it
 * came (cache_control, thinking blocks, fields Arbiter does not know), with only `model` replaced, and
 * `stream` set to match the method called. Config headers and `anthropic-beta` from `call.headers` are
 * forwarded. Errors are ProviderErrors as for `chat`; a mid-stream `event: error` is passed along as an
 * event for the caller to handle, while a stream that breaks or ends without `message_stop` throws a
 * `network` ProviderError from the iterator.
 */
export function createAnthropicMessagesCapability(options: {
  provider: ProviderId;
  dispatcher?: Dispatcher;
}): AnthropicMessagesCapability {
  const { provider } = options;
  const post = (call: NativeCall, path: string, body: Record<string, unknown>, accept?: string) =>
    sendAnthropicRequest({
      ...options,
      path,
      method: 'POST',
      baseUrl: call.baseUrl,
      credential: call.credential,
      signal: call.signal,
      headers: call.headers,
      body: JSON.stringify(body),
      accept,
    });

  return {
    async create(call: NativeCall): Promise<NativeResponse> {
      const body: Record<string, unknown> = { ...call.body, model: call.model };
      if (body.stream === true) body.stream = false;
      const response = await post(call, '/v1/messages', body);
      const message = await readJSONObjectBody(response, provider, call.signal);
      return isObject(message.usage)
        ? { body: message, usage: convertAnthropicUsage(message.usage) }
        : { body: message };
    },

    async stream(call: NativeCall): Promise<AsyncIterable<NativeEvent>> {
      const body = { ...call.body, model: call.model, stream: true };
      const response = await post(call, '/v1/messages', body, 'text/event-stream');
      return passAnthropicEvents(parseAnthropicEvents(response.body, provider, call.signal), provider);
    },

    async countTokens(call: NativeCall): Promise<{ input_tokens: number }> {
      const response = await post(call, '/v1/messages/count_tokens', { ...call.body, model: call.model });
      const counted = await readJSONObjectBody(response, provider, call.signal);
      if (typeof counted.input_tokens !== 'number') {
        throw new ProviderError({
          kind: 'server',
          provider,
          message: `${provider} counted tokens without an input_tokens number`,
        });
      }
      return { input_tokens: counted.input_tokens };
    },
  };
}

/**
 * Yields until `message_stop` or `event: error`, then reads the body to its end without yielding, so the
 * keep-alive connection goes back to the pool instead of being destroyed mid-response.
 */
async function* passAnthropicEvents(
  events: AsyncIterable<NativeEvent>,
  provider: ProviderId,
): AsyncGenerator<NativeEvent> {
  let isComplete = false;
  try {
    for await (const event of events) {
      if (isComplete) continue;
      yield event;
      const type = event.event ?? event.json.type;
      isComplete = type === 'message_stop' || type === 'error';
    }
  } catch (error) {
    if (!isComplete) throw error;
  }
  if (isComplete) return;
  throw new ProviderError({
    kind: 'network',
    provider,
    message: `${provider} closed the stream before the answer was complete`,
  });
}
