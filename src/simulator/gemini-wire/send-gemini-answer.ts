import { playTimedFrames } from '../play-timed-frames.js';
import type { SimulatedAnswer } from '../simulated-answer.js';
import type { SimulatorExchange } from '../simulator-exchange.js';
import type { GeminiResponseMeta } from './gemini-response-meta.js';
import { renderGeminiResponse } from './render-gemini-response.js';
import { renderGeminiStream } from './render-gemini-stream.js';
import { getGeminiHeaders, sendGeminiJson } from './send-gemini-json.js';

/**
 * Non-stream: the whole body after latency + TTFT + generation time of the longest choice. In `cut`
 * mode the headers promise the full length but the connection is destroyed halfway through the body.
 */
export function sendGeminiAnswer(
  exchange: SimulatorExchange,
  answer: SimulatedAnswer,
  meta: GeminiResponseMeta,
): void {
  const { latencyInMs, ttftInMs, tokenIntervalInMs } = answer.timing;
  const generationInMs = Math.max(0, countLongestChoice(answer) - 1) * tokenIntervalInMs;
  exchange.lifecycle.after(latencyInMs + ttftInMs + generationInMs, () => {
    const body = renderGeminiResponse(answer, meta);
    if (answer.cutAfterChunks === undefined) {
      sendGeminiJson(exchange, 200, body);
      return;
    }
    const text = JSON.stringify(body, null, 2);
    exchange.response.writeHead(200, [
      ...getGeminiHeaders(exchange, 'application/json; charset=UTF-8'),
      'content-length',
      String(Buffer.byteLength(text)),
    ]);
    exchange.lifecycle.cut(text.slice(0, Math.floor(text.length / 2)));
  });
}

/**
 * Stream: headers after the latency (`text/event-stream` and `Content-Disposition: attachment`, as in the
 * recordings' response headers), then the frames on their schedule; the connection closes after the
 * last one, which is the only end marker Gemini has.
 */
export function streamGeminiAnswer(
  exchange: SimulatorExchange,
  answer: SimulatedAnswer,
  meta: GeminiResponseMeta,
  isSSE: boolean,
): void {
  exchange.lifecycle.after(answer.timing.latencyInMs, () => {
    const { response } = exchange;
    response.writeHead(200, [
      ...getGeminiHeaders(exchange, isSSE ? 'text/event-stream' : 'application/json; charset=UTF-8'),
      'content-disposition',
      'attachment',
    ]);
    const frames = renderGeminiStream(answer, meta, isSSE);
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
