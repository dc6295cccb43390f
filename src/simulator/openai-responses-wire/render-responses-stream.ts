import type { TimedFrame } from '../play-timed-frames.js';
import type { SimulatedAnswer } from '../simulated-answer.js';
import {
  renderOutputTextPart,
  renderResponsesOutputItem,
  type PlannedOutputItem,
  type ResponsesOutputItem,
  type ResponsesOutputPlan,
} from './plan-responses-output.js';
import type { ResponseObject, ResponsesOutcome } from './render-response-object.js';
import { createResponsesEventFrames, type ResponsesEventFrames } from './responses-event-frames.js';

/** What a generation failure reports, in the spec's `ResponseFailedEvent` example wording. */
export const generationFailure = {
  code: 'server_error',
  message: 'The model failed to generate a response.',
} as const;

/**
 * The SSE frames of a streamed response: `response.created`, `response.in_progress`, then per output
 * item `output_item.added` → (`content_part.added` → `output_text.delta`* → `output_text.done` →
 * `content_part.done`) or (`function_call_arguments.delta`* → `function_call_arguments.done`) →
 * `output_item.done`; last `response.completed` or `response.incomplete`. There is no `[DONE]`.
 * With `failAfterDeltas`, an `error` event and `response.failed` replace everything after that many
 * deltas. Deltas are `content` frames (they take generation time and count toward a cut), the
 * closing event is the `tail`, and the other events are `lead` frames, which never trigger a cut.
 * @see https://platform.openai.com/docs/api-reference/responses-streaming
 */
export function renderResponsesStream(
  answer: SimulatedAnswer,
  output: ResponsesOutputPlan,
  renderResponse: (outcome: ResponsesOutcome) => ResponseObject,
  failAfterDeltas?: number,
): { frames: TimedFrame[]; finalResponse: ResponseObject } {
  const stream = createResponsesEventFrames(answer.timing, failAfterDeltas);
  const inProgress = renderResponse({ status: 'in_progress', output: [] });
  stream.push({ type: 'response.created', response: inProgress }, 'start');
  stream.push({ type: 'response.in_progress', response: inProgress }, 'start');
  const done: ResponsesOutputItem[] = [];
  for (const [outputIndex, item] of output.items.entries()) {
    const added = renderResponsesOutputItem(item, false);
    stream.push({ type: 'response.output_item.added', output_index: outputIndex, item: added }, 'next');
    if (!pushItemContent(stream, item, outputIndex)) return fail(stream, renderResponse);
    const finished = renderResponsesOutputItem(item, true);
    done.push(finished);
    stream.push({ type: 'response.output_item.done', output_index: outputIndex, item: finished }, 'last');
  }
  // A failing model fails even when its answer is shorter than the deltas it was to send first.
  if (failAfterDeltas !== undefined) return fail(stream, renderResponse);
  const finalResponse = renderResponse({ status: output.status, output: done, usage: answer.usage });
  const type = output.status === 'completed' ? 'response.completed' : 'response.incomplete';
  stream.push({ type, response: finalResponse }, 'last', 'tail');
  return { frames: stream.frames, finalResponse };
}

/** The events between an item's `added` and `done`; false when the delta limit stopped them. */
function pushItemContent(
  stream: ResponsesEventFrames,
  item: PlannedOutputItem,
  outputIndex: number,
): boolean {
  if (item.type === 'message') {
    const at = { item_id: item.id, output_index: outputIndex, content_index: 0 };
    stream.push({ type: 'response.content_part.added', ...at, part: renderOutputTextPart('') }, 'next');
    for (const delta of item.tokens) {
      if (!stream.pushDelta({ type: 'response.output_text.delta', ...at, delta, logprobs: [] })) return false;
    }
    const text = item.tokens.join('');
    stream.push({ type: 'response.output_text.done', ...at, text, logprobs: [] }, 'last');
    stream.push({ type: 'response.content_part.done', ...at, part: renderOutputTextPart(text) }, 'last');
    return true;
  }
  // As on the chat wire, naming the function takes one token's time before its arguments stream.
  stream.skipStep();
  const at = { item_id: item.id, output_index: outputIndex };
  for (const delta of item.argumentTokens) {
    if (!stream.pushDelta({ type: 'response.function_call_arguments.delta', ...at, delta })) return false;
  }
  const argumentsText = item.argumentTokens.join('');
  stream.push(
    { type: 'response.function_call_arguments.done', ...at, name: item.name, arguments: argumentsText },
    'last',
  );
  return true;
}

function fail(
  stream: ResponsesEventFrames,
  renderResponse: (outcome: ResponsesOutcome) => ResponseObject,
): { frames: TimedFrame[]; finalResponse: ResponseObject } {
  const finalResponse = renderResponse({ status: 'failed', output: [], error: generationFailure });
  stream.push({ type: 'error', ...generationFailure, param: null }, 'next', 'tail');
  stream.push({ type: 'response.failed', response: finalResponse }, 'next', 'tail');
  return { frames: stream.frames, finalResponse };
}
