import { playTimedFrames } from '../play-timed-frames.js';
import type { SimulatorExchange } from '../simulator-exchange.js';
import type { AnthropicResponseMeta } from './anthropic-response-meta.js';
import type { AnthropicAnswer } from './plan-anthropic-answer.js';
import { renderAnthropicMessage } from './render-anthropic-message.js';
import { renderAnthropicStream } from './render-anthropic-stream.js';
import { getAnthropicHeaders, sendAnthropicJson } from './send-anthropic-json.js';

/**
 * Non-stream: the whole Message after latency + TTFT + generation time. In `cut` mode the headers
 * promise the full length but the connection is destroyed halfway through the body.
 */
export function sendAnthropicAnswer(
  exchange: SimulatorExchange,
  answer: AnthropicAnswer,
  meta: AnthropicResponseMeta,
): void {
  const { latencyInMs, ttftInMs, tokenIntervalInMs } = answer.timing;
  const generationInMs = Math.max(0, answer.outputTokens - 1) * tokenIntervalInMs;
  exchange.lifecycle.after(latencyInMs + ttftInMs + generationInMs, () => {
    const body = renderAnthropicMessage(answer, meta);
    if (answer.cutAfterChunks === undefined) {
      sendAnthropicJson(exchange, 200, body);
      return;
    }
    exchange.response.writeHead(200, [
      ...getAnthropicHeaders('application/json'),
      'content-length',
      String(Buffer.byteLength(body)),
    ]);
    exchange.lifecycle.cut(body.slice(0, Math.floor(body.length / 2)));
  });
}

/**
 * Stream: headers after the latency, then the events on their schedule (PROVIDERS.md §1 headers).
 * `overloadAfterContentFrames` ends the stream with an overloaded `event: error` after that many frames.
 */
export function streamAnthropicAnswer(
  exchange: SimulatorExchange,
  answer: AnthropicAnswer,
  meta: AnthropicResponseMeta,
  overloadAfterContentFrames?: number,
): void {
  exchange.lifecycle.after(answer.timing.latencyInMs, () => {
    const { response } = exchange;
    response.writeHead(200, [
      ...getAnthropicHeaders('text/event-stream; charset=utf-8'),
      'cache-control',
      'no-cache',
    ]);
    const frames = renderAnthropicStream(answer, meta, overloadAfterContentFrames);
    // Callers measure time to headers separately from time to first token, so headers must not wait.
    response.flushHeaders();
    playTimedFrames(response, exchange.lifecycle, frames, answer.cutAfterChunks);
  });
}
