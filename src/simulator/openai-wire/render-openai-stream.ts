import type { TimedFrame } from '../play-timed-frames.js';
import type { SimulatedAnswer, SimulatedChoice } from '../simulated-answer.js';
import { createOpenAIToolCallId, type OpenAIResponseMeta } from './openai-response-meta.js';
import { renderOpenAIUsage } from './render-openai-usage.js';

/**
 * The SSE frames of a streamed `chat.completion.chunk` answer (PROVIDERS.md §2.5, fixtures
 * openai/stream-include-usage.sse and openai/stream-tool-call.sse): a role chunk, one chunk per token
 * or tool-call fragment, a finish chunk with an empty delta, then — only with `include_usage` — a
 * `choices: []` usage chunk (and `"usage":null` on every other chunk), then `data: [DONE]`.
 * Chunks are assembled from pre-serialised pieces; the bytes equal `JSON.stringify` of the chunk.
 */
export function renderOpenAIStream(
  answer: SimulatedAnswer,
  meta: OpenAIResponseMeta,
  includeUsage: boolean,
): TimedFrame[] {
  const prefix =
    `data: {"id":${JSON.stringify(meta.id)},"object":"chat.completion.chunk","created":${meta.created},` +
    `"model":${JSON.stringify(meta.model)},"system_fingerprint":${JSON.stringify(meta.systemFingerprint)},"choices":[`;
  const suffix = includeUsage ? '],"usage":null}\n\n' : ']}\n\n';
  const { ttftInMs, tokenIntervalInMs } = answer.timing;
  const frames: TimedFrame[] = [];
  let lastDue = ttftInMs;
  for (const choice of answer.choices) {
    const deltas = renderChoiceDeltas(choice);
    const head = `${prefix}{"index":${choice.index},"delta":`;
    const tail = `,"logprobs":null,"finish_reason":null}${suffix}`;
    let due = ttftInMs;
    for (let step = 0; step < deltas.length; step++) {
      const delta = deltas[step]!;
      due = ttftInMs + Math.max(0, step - delta.leadCount) * tokenIntervalInMs;
      frames.push({ text: head + delta.json + tail, dueInMs: due, kind: delta.kind });
    }
    frames.push({
      text: `${head}{},"logprobs":null,"finish_reason":${JSON.stringify(choice.finishReason)}}${suffix}`,
      dueInMs: due,
      kind: 'tail',
    });
    lastDue = Math.max(lastDue, due);
  }
  if (answer.choices.length > 1) frames.sort((first, second) => first.dueInMs - second.dueInMs);
  let end = 'data: [DONE]\n\n';
  if (includeUsage) end = `${prefix}],"usage":${JSON.stringify(renderOpenAIUsage(answer.usage))}}\n\n${end}`;
  frames.push({ text: end, dueInMs: lastDue, kind: 'tail' });
  return frames;
}

interface RenderedDelta {
  json: string;
  kind: TimedFrame['kind'];
  /** How many lead deltas precede this one (they take no generation time). */
  leadCount: number;
}

function renderChoiceDeltas(choice: SimulatedChoice): RenderedDelta[] {
  if (choice.toolCalls.length === 0) {
    const deltas: RenderedDelta[] = [
      { json: '{"role":"assistant","content":"","refusal":null}', kind: 'lead', leadCount: 0 },
    ];
    for (const token of choice.textTokens) {
      deltas.push({ json: `{"content":${JSON.stringify(token)}}`, kind: 'content', leadCount: 1 });
    }
    return deltas;
  }
  const deltas: RenderedDelta[] = [];
  choice.toolCalls.forEach((call, callIndex) => {
    const start =
      `{"index":${callIndex},"id":${JSON.stringify(createOpenAIToolCallId())},"type":"function",` +
      `"function":{"name":${JSON.stringify(call.name)},"arguments":""}}`;
    // The first chunk carries the role together with the first call, as in fixture openai/stream-tool-call.sse.
    const json =
      callIndex === 0
        ? `{"role":"assistant","content":null,"tool_calls":[${start}],"refusal":null}`
        : `{"tool_calls":[${start}]}`;
    deltas.push({ json, kind: 'content', leadCount: 0 });
    for (const token of call.argumentTokens) {
      deltas.push({
        json: `{"tool_calls":[{"index":${callIndex},"function":{"arguments":${JSON.stringify(token)}}}]}`,
        kind: 'content',
        leadCount: 0,
      });
    }
  });
  return deltas;
}
