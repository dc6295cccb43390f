import type { ChatStreamPart } from '../../spec/chat-stream-part.js';
import type { NativeEvent } from '../../spec/provider-adapter.js';
import { ProviderError, isProviderError } from '../../spec/provider-error.js';
import type { ProviderId } from '../../spec/provider-id.js';
import type { AnthropicStreamEvent, AnthropicUsage } from './anthropic-api.js';
import { isObject } from './anthropic-api.js';
import { convertAnthropicStreamError } from './anthropic-error.js';
import { convertAnthropicUsage } from './convert-anthropic-usage.js';
import { mapAnthropicStopReason } from './map-anthropic-stop-reason.js';

interface StreamState {
  /** Tool calls by Anthropic block index. */
  toolBlocks: Map<number, { toolCallIndex: number; hasArguments: boolean }>;
  usage: AnthropicUsage;
  isFinished: boolean;
}

/**
 * Anthropic stream events as stream parts (PROVIDERS.md §5.5): `message_start` → response-metadata;
 * `text_delta` → text-delta; a `tool_use` block start → the call's first fragment with id and name,
 * numbered by a running tool index (not Anthropic's block index), its `input_json_delta`s → argument
 * fragments (`{}` for a call whose input stayed empty); `thinking_delta` → reasoning-delta;
 * `message_delta.stop_reason` → finish. Usage from `message_start` merged with each cumulative
 * `message_delta.usage` becomes one usage part at the end. `ping` and unknown events are ignored;
 * `event: error` (fixture stream-midstream-error.sse), a broken connection and a stream that ends
 * before `message_stop` end with an error part.
 */
export async function* convertAnthropicStream(
  events: AsyncIterable<NativeEvent>,
  provider: ProviderId,
): AsyncGenerator<ChatStreamPart> {
  const state: StreamState = { toolBlocks: new Map(), usage: {}, isFinished: false };
  let isStopped = false;
  try {
    for await (const { event, json } of events) {
      // After `message_stop` the body is read to its end, so the keep-alive connection is reused.
      if (isStopped) continue;
      const data = json as AnthropicStreamEvent;
      const type = event ?? data.type;
      if (type === 'error') {
        yield { type: 'error', error: convertAnthropicStreamError(json, provider) };
        return;
      }
      if (type === 'message_stop') isStopped = true;
      else yield* convertEvent(type, data, state);
    }
  } catch (error) {
    if (!isProviderError(error)) throw error;
    if (!isStopped) {
      yield { type: 'error', error };
      return;
    }
  }
  if (!isStopped && !state.isFinished) {
    const message = `${provider} closed the stream before the answer was complete`;
    yield { type: 'error', error: new ProviderError({ kind: 'network', provider, message }) };
    return;
  }
  yield { type: 'usage', usage: convertAnthropicUsage(state.usage) };
}

function* convertEvent(
  type: string | undefined,
  data: AnthropicStreamEvent,
  state: StreamState,
): Generator<ChatStreamPart> {
  switch (type) {
    case 'message_start': {
      const message = isObject(data.message) ? data.message : {};
      if (isObject(message.usage)) mergeUsage(state.usage, message.usage);
      yield { type: 'response-metadata', id: message.id ?? undefined, model: message.model ?? undefined };
      return;
    }
    case 'content_block_start':
      yield* convertBlockStart(data, state);
      return;
    case 'content_block_delta':
      yield* convertBlockDelta(data, state);
      return;
    case 'content_block_stop': {
      const tool = state.toolBlocks.get(data.index ?? 0);
      if (tool !== undefined && !tool.hasArguments) {
        // An input that stayed empty is `{}`: OpenAI callers JSON.parse the arguments string.
        tool.hasArguments = true;
        yield toolFragment(tool.toolCallIndex, '{}');
      }
      return;
    }
    case 'message_delta': {
      if (isObject(data.usage)) mergeUsage(state.usage, data.usage);
      const reason = data.delta?.stop_reason;
      if (reason && !state.isFinished) {
        state.isFinished = true;
        yield { type: 'finish', choiceIndex: 0, finishReason: mapAnthropicStopReason(reason) };
      }
      return;
    }
  }
}

function* convertBlockStart(data: AnthropicStreamEvent, state: StreamState): Generator<ChatStreamPart> {
  const block = data.content_block;
  if (!isObject(block)) return;
  if (block.type === 'tool_use') {
    const toolCallIndex = state.toolBlocks.size;
    const input = isObject(block.input) && Object.keys(block.input).length > 0 ? block.input : undefined;
    state.toolBlocks.set(data.index ?? 0, { toolCallIndex, hasArguments: input !== undefined });
    yield {
      ...toolFragment(toolCallIndex, input === undefined ? '' : JSON.stringify(input)),
      id: block.id ?? '',
      name: block.name ?? '',
    };
  } else if (block.type === 'text' && block.text) {
    yield { type: 'text-delta', choiceIndex: 0, text: block.text };
  }
}

function* convertBlockDelta(data: AnthropicStreamEvent, state: StreamState): Generator<ChatStreamPart> {
  const delta = data.delta;
  if (!isObject(delta)) return;
  if (delta.type === 'text_delta' && delta.text) {
    yield { type: 'text-delta', choiceIndex: 0, text: delta.text };
  } else if (delta.type === 'thinking_delta' && delta.thinking) {
    yield { type: 'reasoning-delta', choiceIndex: 0, text: delta.thinking };
  } else if (delta.type === 'input_json_delta' && delta.partial_json) {
    const tool = state.toolBlocks.get(data.index ?? 0);
    if (tool === undefined) return;
    tool.hasArguments = true;
    yield toolFragment(tool.toolCallIndex, delta.partial_json);
  }
}

function toolFragment(
  toolCallIndex: number,
  argumentsDelta: string,
): ChatStreamPart & { type: 'tool-call-delta' } {
  return { type: 'tool-call-delta', choiceIndex: 0, toolCallIndex, argumentsDelta };
}

/**
 * `message_delta.usage` is cumulative and may repeat input and cache counts; the spec allows them as
 * `null` there, which must not erase the counts `message_start` gave.
 */
function mergeUsage(usage: AnthropicUsage, update: AnthropicUsage): void {
  for (const [key, value] of Object.entries(update)) {
    if (value !== null && value !== undefined) usage[key] = value;
  }
}
