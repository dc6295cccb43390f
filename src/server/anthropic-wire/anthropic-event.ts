import type { NativeEvent } from '../../spec/provider-adapter.js';
import { ProviderError, type ProviderErrorKind } from '../../spec/provider-error.js';
import type { Usage } from '../../spec/usage.js';
import { createSSEEventCodec, type SSEEvent } from '../sse-event.js';

/** Anthropic SSE events, annotated for the router. */
export type AnthropicEvent = SSEEvent;

/** Events that prove the answer is under way (the commit point), including an empty answer's end. */
export const anthropicEventCodec = createSSEEventCodec(
  new Set(['content_block_delta', 'message_delta', 'message_stop']),
);

const errorKinds: Record<string, ProviderErrorKind> = {
  overloaded_error: 'overloaded',
  rate_limit_error: 'rate-limited',
  api_error: 'server',
  timeout_error: 'timeout',
  authentication_error: 'auth',
  permission_error: 'auth',
  billing_error: 'quota',
  not_found_error: 'not-found',
  invalid_request_error: 'bad-request',
  request_too_large: 'bad-request',
};

/**
 * The upstream's own events, annotated: `error` events become ProviderErrors (so one before any content
 * falls back), and usage is combined from message_start (input) and message_delta (cumulative output).
 */
export async function* annotateAnthropicEvents(
  events: AsyncIterable<NativeEvent>,
  provider: string,
): AsyncGenerator<AnthropicEvent> {
  let input: Record<string, unknown> = {};
  for await (const native of events) {
    const event: AnthropicEvent = {
      event: native.event ?? String(native.json.type ?? 'message'),
      data: native.data,
    };
    if (event.event === 'message_start') {
      const message = native.json.message as { usage?: Record<string, unknown> } | undefined;
      input = message?.usage ?? {};
    } else if (event.event === 'message_delta') {
      event.usage = convertAnthropicUsage({
        ...input,
        ...(native.json.usage as Record<string, unknown> | undefined),
      });
    } else if (event.event === 'error') {
      const error = (native.json.error ?? {}) as { type?: string; message?: string };
      event.error = new ProviderError({
        kind: errorKinds[error.type ?? ''] ?? 'server',
        provider,
        message: error.message ?? 'the upstream stream failed',
        code: error.type,
      });
    }
    yield event;
  }
}

/** Anthropic usage in the internal shape: total input = input + cache creation + cache read. */
export function convertAnthropicUsage(usage: Record<string, unknown>): Usage {
  const count = (name: string): number => (typeof usage[name] === 'number' ? (usage[name] as number) : 0);
  const cached = count('cache_read_input_tokens');
  const written = count('cache_creation_input_tokens');
  const promptTokens = count('input_tokens') + cached + written;
  const completionTokens = count('output_tokens');
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: cached, cache_write_tokens: written },
  };
}
