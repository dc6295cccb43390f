import { countSimulatedTokens } from '../count-simulated-tokens.js';
import type { TimedFrame } from '../play-timed-frames.js';
import type { SimulatedAnswer, SimulatedChoice } from '../simulated-answer.js';
import type { GeminiResponseMeta } from './gemini-response-meta.js';
import { mapToGeminiFinishReason, renderGeminiFunctionCall } from './render-gemini-parts.js';
import { renderGeminiUsage } from './render-gemini-usage.js';
import { stringifyGeminiStreamJson } from './stringify-gemini-stream-json.js';

interface StreamEvent {
  dueInMs: number;
  kind: TimedFrame['kind'];
  candidate: Record<string, unknown>;
  tokens: number;
}

/**
 * The SSE frames of a `streamGenerateContent?alt=sse` answer (PROVIDERS.md §6.4, fixtures
 * stream-text.chunks.jsonl and stream-tool-call.chunks.jsonl): `data:` lines only, no event names and no
 * end marker (the connection closes); every chunk is a whole response with only the new parts, one
 * token or one whole function call, and repeats `usageMetadata`, cumulative; each choice ends with a
 * chunk holding an empty text part and its `finishReason`, so a cut stream never shows one.
 */
export function renderGeminiStream(
  answer: SimulatedAnswer,
  meta: GeminiResponseMeta,
  isSSE: boolean,
): TimedFrame[] {
  const events = answer.choices.flatMap((choice) => renderChoiceEvents(choice, answer, meta));
  if (answer.choices.length > 1) events.sort((first, second) => first.dueInMs - second.dueInMs);
  let tokens = 0;
  return events.map((event, position) => {
    tokens = position === events.length - 1 ? answer.usage.completionTokens : tokens + event.tokens;
    const chunk = {
      candidates: [event.candidate],
      usageMetadata: renderGeminiUsage(answer.usage.promptTokens, tokens),
      modelVersion: meta.modelVersion,
      responseId: meta.responseId,
    };
    return {
      text: isSSE
        ? `data: ${stringifyGeminiStreamJson(chunk)}\n\n`
        : renderArrayElement(chunk, position, events.length),
      dueInMs: event.dueInMs,
      kind: event.kind,
    };
  });
}

/**
 * Without `alt=sse` the endpoint streams one JSON array instead, pretty-printed elements separated by
 * `,\r\n` (PROVIDERS.md §6.1 marks the exact layout unverified; clients must parse it as a whole).
 */
function renderArrayElement(chunk: unknown, position: number, count: number): string {
  const element = JSON.stringify(chunk, null, 2);
  return (position === 0 ? '[' : '\n,\r\n') + element + (position === count - 1 ? '\n]' : '');
}

function renderChoiceEvents(
  choice: SimulatedChoice,
  answer: SimulatedAnswer,
  meta: GeminiResponseMeta,
): StreamEvent[] {
  const { ttftInMs, tokenIntervalInMs } = answer.timing;
  const content = (parts: unknown[]) => ({ parts, role: 'model' });
  const events: StreamEvent[] = [];
  let generated = 0;
  choice.textTokens.forEach((token) => {
    events.push({
      dueInMs: ttftInMs + generated++ * tokenIntervalInMs,
      kind: 'content',
      candidate: { content: content([{ text: token }]), index: choice.index },
      tokens: 1,
    });
  });
  choice.toolCalls.forEach((call, callIndex) => {
    const tokens = countSimulatedTokens(call.name) + call.argumentTokens.length;
    generated += tokens;
    const part = renderGeminiFunctionCall(choice, callIndex, meta);
    if (part === undefined) return;
    events.push({
      dueInMs: ttftInMs + Math.max(0, generated - 1) * tokenIntervalInMs,
      kind: 'content',
      candidate: { content: content([part]), index: choice.index },
      tokens,
    });
  });
  events.push({
    dueInMs: ttftInMs + Math.max(0, generated - 1) * tokenIntervalInMs,
    kind: 'tail',
    candidate: {
      content: content([{ text: '' }]),
      finishReason: mapToGeminiFinishReason(choice.finishReason),
      index: choice.index,
    },
    tokens: 0,
  });
  return events;
}
