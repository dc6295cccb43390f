import type { TimedFrame } from '../play-timed-frames.js';
import type { AnthropicResponseMeta } from './anthropic-response-meta.js';
import type { AnthropicAnswer } from './plan-anthropic-answer.js';

/** Exactly as fixture anthropic/stream-text.sse writes it, with spaces (the API's own serialiser). */
const pingFrame = 'event: ping\ndata: {"type": "ping"}\n\n';
/** Fixture anthropic/stream-midstream-error.sse's framing, with the `overloaded_error` type. */
const overloadedFrame =
  'event: error\ndata: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}\n\n';

/**
 * The SSE frames of a streamed answer (PROVIDERS.md §5.5, fixtures anthropic/stream-text.sse,
 * stream-tool-use.sse and stream-thinking-refusal.sse): `message_start`, then per block
 * `content_block_start` (a `ping` after the first), its deltas and `content_block_stop` — a thinking block
 * with `thinking_delta`s and a `signature_delta`, a text block, tool_use blocks whose `input_json_delta`s
 * start with an empty fragment — then `message_delta` (stop reason, cumulative `output_tokens`) and
 * `message_stop`. Tokens are due one interval apart from the TTFT. With `overloadAfterContentFrames`,
 * the stream ends after that many content frames with an `event: error` (`overloaded_error`) instead.
 */
export function renderAnthropicStream(
  answer: AnthropicAnswer,
  meta: AnthropicResponseMeta,
  overloadAfterContentFrames?: number,
): TimedFrame[] {
  const events = createEventWriter(answer.timing);
  events.push('message_start', renderMessageStart(answer, meta), 'lead');
  if (answer.thinkingTokens.length > 0) {
    events.startBlock('{"type":"thinking","thinking":"","signature":""}');
    for (const token of answer.thinkingTokens) {
      events.delta(`{"type":"thinking_delta","thinking":${JSON.stringify(token)}}`);
    }
    events.delta(`{"type":"signature_delta","signature":${JSON.stringify(meta.signature)}}`, 'lead');
    events.stopBlock();
  }
  if (answer.textTokens.length > 0) {
    events.startBlock('{"type":"text","text":""}');
    for (const token of answer.textTokens)
      events.delta(`{"type":"text_delta","text":${JSON.stringify(token)}}`);
    events.stopBlock();
  }
  answer.toolCalls.forEach((call, index) => {
    // The block start carries the call's id and name, so it is content, like OpenAI's first tool chunk.
    const id = JSON.stringify(meta.toolUseIds[index]);
    events.startBlock(
      `{"type":"tool_use","id":${id},"name":${JSON.stringify(call.name)},"input":{}}`,
      'content',
    );
    events.delta('{"type":"input_json_delta","partial_json":""}', 'lead');
    for (const token of call.argumentTokens) {
      events.delta(`{"type":"input_json_delta","partial_json":${JSON.stringify(token)}}`);
    }
    events.stopBlock();
  });
  events.push(
    'message_delta',
    `{"type":"message_delta","delta":{"stop_reason":${JSON.stringify(answer.stopReason)},` +
      `"stop_sequence":${JSON.stringify(answer.stopSequence)}},"usage":{"output_tokens":${answer.outputTokens}}}`,
    'tail',
  );
  events.push('message_stop', '{"type":"message_stop"}', 'tail');
  const frames = events.frames;
  return overloadAfterContentFrames === undefined
    ? frames
    : overloadAfter(frames, overloadAfterContentFrames);
}

/**
 * Appends `event:`/`data:` frames with their due times: content frames (tokens) one interval apart from
 * the TTFT, other frames at the time of the frame before them. Blocks are numbered as they start.
 */
function createEventWriter(timing: AnthropicAnswer['timing']) {
  const frames: TimedFrame[] = [];
  let due = 0;
  let contentFrames = 0;
  let blockIndex = -1;
  const push = (name: string, json: string, kind: TimedFrame['kind']): void => {
    if (kind === 'content') due = timing.ttftInMs + contentFrames++ * timing.tokenIntervalInMs;
    frames.push({ text: `event: ${name}\ndata: ${json}\n\n`, dueInMs: due, kind });
  };
  return {
    frames,
    push,
    startBlock(block: string, kind: TimedFrame['kind'] = 'lead'): void {
      blockIndex++;
      const json = `{"type":"content_block_start","index":${blockIndex},"content_block":${block}}`;
      push('content_block_start', json, kind);
      if (blockIndex === 0) frames.push({ text: pingFrame, dueInMs: due, kind: 'lead' });
    },
    delta(delta: string, kind: TimedFrame['kind'] = 'content'): void {
      push(
        'content_block_delta',
        `{"type":"content_block_delta","index":${blockIndex},"delta":${delta}}`,
        kind,
      );
    },
    stopBlock(): void {
      push('content_block_stop', `{"type":"content_block_stop","index":${blockIndex}}`, 'lead');
    },
  };
}

/** `message_start` as in fixture anthropic/stream-tool-use.sse (`model` after `role`, `output_tokens: 1`). */
function renderMessageStart(answer: AnthropicAnswer, meta: AnthropicResponseMeta): string {
  return JSON.stringify({
    type: 'message_start',
    message: {
      id: meta.id,
      type: 'message',
      role: 'assistant',
      model: meta.model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: {
        input_tokens: answer.inputTokens,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        output_tokens: Math.min(1, answer.outputTokens),
        service_tier: 'standard',
      },
    },
  });
}

/** Keeps the frames before the (n+1)-th content frame (or the first tail), then the overloaded error. */
function overloadAfter(frames: TimedFrame[], contentFrames: number): TimedFrame[] {
  let seen = 0;
  const end = frames.findIndex(
    (frame) => frame.kind === 'tail' || (frame.kind === 'content' && seen++ === contentFrames),
  );
  const kept = frames.slice(0, end === -1 ? frames.length : end);
  kept.push({ text: overloadedFrame, dueInMs: kept.at(-1)?.dueInMs ?? 0, kind: 'tail' });
  return kept;
}
