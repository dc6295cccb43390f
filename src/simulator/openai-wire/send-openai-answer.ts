import type { SimulatedAnswer } from '../simulated-answer.js';
import { playTimedFrames } from '../play-timed-frames.js';
import type { SimulatorExchange } from '../simulator-exchange.js';
import type { OpenAIResponseMeta } from './openai-response-meta.js';
import { renderOpenAIResponse } from './render-openai-response.js';
import { renderOpenAIStream } from './render-openai-stream.js';
import { getOpenAIHeaders, sendOpenAIJson } from './send-openai-json.js';

/**
 * Non-stream: the whole body after latency + TTFT + generation time of the longest choice. In `cut`
 * mode the headers promise the full length but the connection is destroyed halfway through the body.
 */
export function sendOpenAIAnswer(
  exchange: SimulatorExchange,
  answer: SimulatedAnswer,
  meta: OpenAIResponseMeta,
): void {
  const { latencyInMs, ttftInMs, tokenIntervalInMs } = answer.timing;
  const generationInMs = Math.max(0, countLongestChoice(answer) - 1) * tokenIntervalInMs;
  exchange.lifecycle.after(latencyInMs + ttftInMs + generationInMs, () => {
    const body = renderOpenAIResponse(answer, meta);
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

/** Stream: headers after the latency, then the frames on their schedule (PROVIDERS.md §1 headers). */
export function streamOpenAIAnswer(
  exchange: SimulatorExchange,
  answer: SimulatedAnswer,
  meta: OpenAIResponseMeta,
  includeUsage: boolean,
): void {
  exchange.lifecycle.after(answer.timing.latencyInMs, () => {
    const { response } = exchange;
    response.writeHead(200, [
      ...getOpenAIHeaders(exchange, 'text/event-stream; charset=utf-8'),
      'cache-control',
      'no-cache',
    ]);
    const frames = renderOpenAIStream(answer, meta, includeUsage);
    // Callers measure time to headers separately from time to first token, so headers must not wait.
    if (frames[0]!.dueInMs >= 1) response.flushHeaders();
    playTimedFrames(response, exchange.lifecycle, frames, answer.cutAfterChunks);
  });
}

function countLongestChoice(answer: SimulatedAnswer): number {
  let longest = 0;
  for (const choice of answer.choices) {
    let tokens = choice.textTokens.length;
    for (const call of choice.toolCalls) tokens += 1 + call.argumentTokens.length;
    longest = Math.max(longest, tokens);
  }
  return longest;
}
