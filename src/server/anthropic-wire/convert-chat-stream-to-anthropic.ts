import type { ChatStreamPart } from '../../spec/chat-stream-part.js';
import type { FinishReason } from '../../spec/finish-reason.js';
import type { Usage } from '../../spec/usage.js';
import { createId } from '../../lib/create-id.js';
import type { AnthropicEvent } from './anthropic-event.js';
import { convertUsageToAnthropic, mapFinishReasonToAnthropic } from './convert-chat-response-to-anthropic.js';

const json = JSON.stringify;

/**
 * A non-Anthropic stream as Anthropic's event sequence (PROVIDERS.md §5.10): message_start, then one
 * open content block at a time (text, or tool_use with its arguments as `input_json_delta`), strictly
 * increasing indexes, message_delta with the stop reason and usage, message_stop. A failure becomes an
 * `error` event that ends the stream. Only the first choice is sent: Anthropic has no `n`. Reasoning text
 * is not sent as a thinking block, because without Anthropic's signature such a block would be refused
 * if the caller replayed it to an Anthropic model later.
 */
export async function* convertChatStreamToAnthropic(
  parts: AsyncIterable<ChatStreamPart>,
  fallbackModel: string,
): AsyncGenerator<AnthropicEvent> {
  let id: string | undefined;
  let model: string | undefined;
  let isStarted = false;
  let blockIndex = -1;
  let openBlock: 'text' | 'tool_use' | undefined;
  let toolCallIndex = -1;
  let finishReason: FinishReason | undefined;
  let usage: Usage | undefined;

  const event = (name: string, data: Record<string, unknown>): AnthropicEvent => ({
    event: name,
    data: json({ type: name, ...data }),
  });
  function* start(): Generator<AnthropicEvent> {
    if (isStarted) return;
    isStarted = true;
    const message = {
      id: id?.startsWith('msg_') ? id : createId('msg_'),
      type: 'message',
      role: 'assistant',
      model: model || fallbackModel,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 0, output_tokens: 0 },
    };
    yield event('message_start', { message });
  }
  function* close(): Generator<AnthropicEvent> {
    if (openBlock === undefined) return;
    yield event('content_block_stop', { index: blockIndex });
    openBlock = undefined;
  }

  for await (const part of parts) {
    if (part.type === 'response-metadata') {
      id ??= part.id;
      model ??= part.model;
      continue;
    }
    if (part.type === 'error') {
      yield* start();
      yield {
        event: 'error',
        data: json({
          type: 'error',
          error: {
            type: part.error.kind === 'overloaded' ? 'overloaded_error' : 'api_error',
            message: part.error.message,
          },
        }),
        error: part.error,
      };
      return;
    }
    if (part.type === 'usage') {
      usage = part.usage;
      continue;
    }
    if ('choiceIndex' in part && part.choiceIndex !== 0) continue;
    yield* start();
    if (part.type === 'text-delta') {
      if (openBlock !== 'text') {
        yield* close();
        openBlock = 'text';
        yield event('content_block_start', {
          index: ++blockIndex,
          content_block: { type: 'text', text: '' },
        });
      }
      yield event('content_block_delta', {
        index: blockIndex,
        delta: { type: 'text_delta', text: part.text },
      });
    } else if (part.type === 'tool-call-delta') {
      if (openBlock !== 'tool_use' || part.toolCallIndex !== toolCallIndex) {
        yield* close();
        openBlock = 'tool_use';
        toolCallIndex = part.toolCallIndex;
        const block = {
          type: 'tool_use',
          id: part.id ?? createId('toolu_'),
          name: part.name ?? '',
          input: {},
        };
        yield event('content_block_start', { index: ++blockIndex, content_block: block });
      }
      if (part.argumentsDelta !== '') {
        yield event('content_block_delta', {
          index: blockIndex,
          delta: { type: 'input_json_delta', partial_json: part.argumentsDelta },
        });
      }
    } else if (part.type === 'finish') {
      finishReason = part.finishReason;
    }
  }
  yield* start();
  yield* close();
  const anthropicUsage = convertUsageToAnthropic(usage);
  yield {
    ...event('message_delta', {
      delta: { stop_reason: mapFinishReasonToAnthropic(finishReason), stop_sequence: null },
      usage: anthropicUsage,
    }),
    usage,
  };
  yield event('message_stop', {});
}
