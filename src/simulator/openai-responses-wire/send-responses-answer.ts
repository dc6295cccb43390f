import { getOpenAIHeaders, sendOpenAIJson } from '../openai-wire/send-openai-json.js';
import { playTimedFrames } from '../play-timed-frames.js';
import type { SimulatedAnswer } from '../simulated-answer.js';
import type { SimulatorExchange } from '../simulator-exchange.js';
import { renderResponsesOutputItem, type ResponsesOutputPlan } from './plan-responses-output.js';
import type { ResponseObject, ResponsesOutcome } from './render-response-object.js';
import { renderResponsesStream } from './render-responses-stream.js';

/** How one answer is rendered and what happens to the finished Response. */
export interface ResponsesDelivery {
  output: ResponsesOutputPlan;
  renderResponse: (outcome: ResponsesOutcome) => ResponseObject;
  /** Called with the final Response (to store it), before it reaches the client. */
  onFinished: (response: ResponseObject) => void;
}

/**
 * Non-stream: the whole Response after latency + TTFT + generation time. In `cut` mode the headers
 * promise the full length but the connection is destroyed halfway through the body.
 */
export function sendResponsesAnswer(
  exchange: SimulatorExchange,
  answer: SimulatedAnswer,
  delivery: ResponsesDelivery,
): void {
  const { latencyInMs, ttftInMs, tokenIntervalInMs } = answer.timing;
  const generationInMs = Math.max(0, countSteps(delivery.output) - 1) * tokenIntervalInMs;
  exchange.lifecycle.after(latencyInMs + ttftInMs + generationInMs, () => {
    const { output } = delivery;
    const response = delivery.renderResponse({
      status: output.status,
      output: output.items.map((item) => renderResponsesOutputItem(item, true)),
      usage: answer.usage,
    });
    delivery.onFinished(response);
    const body = JSON.stringify(response, null, 2);
    if (answer.cutAfterChunks === undefined) {
      sendOpenAIJson(exchange, 200, body);
      return;
    }
    exchange.response.writeHead(200, [
      ...getOpenAIHeaders(exchange, 'application/json'),
      'content-length',
      String(Buffer.byteLength(body)),
    ]);
    exchange.lifecycle.cut(body.slice(0, Math.floor(body.length / 2)));
  });
}

/**
 * Stream: headers after the latency with `response.created` at once, then the events on their
 * schedule. `failAfterDeltas` turns the rest of the stream into a generation failure.
 */
export function streamResponsesAnswer(
  exchange: SimulatorExchange,
  answer: SimulatedAnswer,
  delivery: ResponsesDelivery,
  failAfterDeltas?: number,
): void {
  exchange.lifecycle.after(answer.timing.latencyInMs, () => {
    const { frames, finalResponse } = renderResponsesStream(
      answer,
      delivery.output,
      delivery.renderResponse,
      failAfterDeltas,
    );
    delivery.onFinished(finalResponse);
    exchange.response.writeHead(200, [
      ...getOpenAIHeaders(exchange, 'text/event-stream; charset=utf-8'),
      'cache-control',
      'no-cache',
    ]);
    playTimedFrames(exchange.response, exchange.lifecycle, frames, answer.cutAfterChunks);
  });
}

/** Generation steps: one per text or argument token, and one per function name. */
function countSteps(output: ResponsesOutputPlan): number {
  let steps = 0;
  for (const item of output.items) {
    steps += item.type === 'message' ? item.tokens.length : 1 + item.argumentTokens.length;
  }
  return steps;
}
