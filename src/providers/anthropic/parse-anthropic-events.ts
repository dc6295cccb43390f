import type { NativeEvent } from '../../spec/provider-adapter.js';
import { ProviderError } from '../../spec/provider-error.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { convertNetworkError } from '../../lib/convert-network-error.js';
import { parseSSE } from '../../lib/parse-sse.js';
import { isObject } from './anthropic-api.js';

/**
 * An Anthropic SSE body as events, each parsed once: name, data text (to forward untouched) and JSON
 * (PROVIDERS.md §1: dispatch on `event:`, use a real JSON parser since data lines may carry trailing
 * spaces). A broken connection or a data line that is not a JSON object is thrown as a ProviderError;
 * an abort is rethrown as its reason. Whether the stream was complete is for the consumer to judge.
 */
export async function* parseAnthropicEvents(
  body: AsyncIterable<Uint8Array>,
  provider: ProviderId,
  signal?: AbortSignal,
): AsyncGenerator<NativeEvent> {
  try {
    for await (const message of parseSSE(body)) {
      let json: unknown;
      try {
        json = JSON.parse(message.data);
      } catch {
        json = undefined;
      }
      if (!isObject(json)) {
        throw new ProviderError({
          kind: 'server',
          provider,
          message: `${provider} sent a stream event that is not a JSON object`,
        });
      }
      yield { event: message.event, data: message.data, json };
    }
  } catch (error) {
    throw convertNetworkError(error, provider, signal, 'stream');
  }
}
