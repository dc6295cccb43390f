import type { NativeEvent } from '../../spec/provider-adapter.js';
import { ProviderError, type ProviderErrorKind } from '../../spec/provider-error.js';
import { createSSEEventCodec, type SSEEvent } from '../sse-event.js';

/** Events that prove an answer is under way (the commit point), including an empty answer's end. */
export const responsesEventCodec = createSSEEventCodec(
  new Set([
    'response.output_text.delta',
    'response.function_call_arguments.delta',
    'response.reasoning_summary_text.delta',
    'response.refusal.delta',
    'response.output_item.done',
    'response.completed',
    'response.incomplete',
  ]),
);

const errorKinds: Record<string, ProviderErrorKind> = {
  server_error: 'server',
  rate_limit_exceeded: 'rate-limited',
  insufficient_quota: 'quota',
  invalid_prompt: 'bad-request',
  context_length_exceeded: 'context-length',
};

/**
 * OpenAI's own Responses events, annotated for the router: usage from the final response, and
 * `response.failed` (which follows the `error` event) as the ProviderError that ends the stream.
 */
export async function* annotateResponsesEvents(
  events: AsyncIterable<NativeEvent>,
  provider: string,
  onEnd: (response: Record<string, unknown>) => void,
): AsyncGenerator<SSEEvent> {
  for await (const native of events) {
    const event: SSEEvent = { event: native.event ?? String(native.json.type), data: native.data };
    const response = native.json.response as Record<string, unknown> | undefined;
    if (
      event.event === 'response.completed' ||
      event.event === 'response.incomplete' ||
      event.event === 'response.failed'
    ) {
      if (response) onEnd(response);
      event.usage = native.usage;
    }
    if (event.event === 'response.failed') {
      const error = (response?.error ?? {}) as { code?: string; message?: string };
      event.error = new ProviderError({
        kind: errorKinds[error.code ?? ''] ?? 'server',
        provider,
        message: error.message ?? 'the response failed',
        code: error.code,
      });
    }
    yield event;
  }
}
