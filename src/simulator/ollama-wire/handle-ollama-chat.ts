import { playTimedFrames } from '../play-timed-frames.js';
import { planSimulatedAnswer } from '../plan-simulated-answer.js';
import type { SimulatedAnswer } from '../simulated-answer.js';
import type { SimulatorExchange } from '../simulator-exchange.js';
import { getOllamaProfile } from './get-ollama-profile.js';
import { readOllamaChatRequest } from './read-ollama-chat-request.js';
import { renderOllamaChatResponse, renderOllamaChatStream } from './render-ollama-chat.js';
import { getOllamaModelNotFoundMessage, renderOllamaFailure } from './render-ollama-failure.js';
import { ollamaJsonContentType, sendOllamaError, sendOllamaJson } from './send-ollama-json.js';

const ndjsonContentType = 'application/x-ndjson';

/**
 * `POST …/api/chat`: the body as Ollama's server checks it (no key is asked for: a local Ollama has
 * none), the model, then the planned answer on the profile's schedule, streamed as NDJSON unless the
 * request said `"stream": false`.
 */
export function handleOllamaChat(exchange: SimulatorExchange): void {
  const { state } = exchange;
  if (exchange.isBodyMalformed) {
    // Go's encoding/json on a body cut short, the usual way a client sends malformed JSON.
    sendOllamaError(exchange, 400, 'unexpected EOF');
    return;
  }
  if (exchange.body === undefined) {
    sendOllamaError(exchange, 400, 'missing request body');
    return;
  }
  const read = readOllamaChatRequest(exchange.body);
  if ('error' in read) {
    sendOllamaError(exchange, 400, read.error);
    return;
  }
  const { model, isStream, request, emptyReason } = read.value;
  state.stats.byModel[model] = (state.stats.byModel[model] ?? 0) + 1;
  const profile = getOllamaProfile(model, state.profiles);
  if (profile === undefined) {
    sendOllamaError(exchange, 404, getOllamaModelNotFoundMessage(model));
    return;
  }
  if (emptyReason !== undefined) {
    const body = JSON.stringify({
      model,
      created_at: new Date().toISOString(),
      message: { role: 'assistant', content: '' },
      done_reason: emptyReason,
      done: true,
    });
    sendOllamaJson(exchange, 200, isStream ? `${body}\n` : body);
    return;
  }
  const plan = planSimulatedAnswer(request, {
    profile,
    seed: state.seed,
    timeScale: state.timeScale,
    random: state.nextRandom(model),
  });
  if (plan.kind === 'hang') return;
  if (plan.kind === 'failure') {
    const rendered = renderOllamaFailure(plan.failure, model);
    exchange.lifecycle.after(plan.delayInMs, () =>
      sendOllamaError(exchange, rendered.status, rendered.message, rendered.headers),
    );
    return;
  }
  if (isStream) streamOllamaAnswer(exchange, plan, model);
  else sendOllamaAnswer(exchange, plan, model);
}

/** Headers after the latency, then one line per token on the profile's schedule. */
function streamOllamaAnswer(exchange: SimulatorExchange, answer: SimulatedAnswer, model: string): void {
  exchange.lifecycle.after(answer.timing.latencyInMs, () => {
    exchange.response.writeHead(200, ['content-type', ndjsonContentType]);
    const frames = renderOllamaChatStream(answer, { model, startedAt: Date.now() });
    if (frames[0]!.dueInMs >= 1) exchange.response.flushHeaders();
    playTimedFrames(exchange.response, exchange.lifecycle, frames, answer.cutAfterChunks);
  });
}

/** The whole object once generated; in `cut` mode the connection drops halfway through the body. */
function sendOllamaAnswer(exchange: SimulatorExchange, answer: SimulatedAnswer, model: string): void {
  const { latencyInMs, ttftInMs, tokenIntervalInMs } = answer.timing;
  const tokens = answer.choices[0]!.textTokens.length;
  exchange.lifecycle.after(latencyInMs + ttftInMs + Math.max(0, tokens - 1) * tokenIntervalInMs, () => {
    const body = renderOllamaChatResponse(answer, { model, startedAt: Date.now() });
    if (answer.cutAfterChunks === undefined) {
      sendOllamaJson(exchange, 200, body);
      return;
    }
    exchange.response.writeHead(200, [
      'content-type',
      ollamaJsonContentType,
      'content-length',
      String(Buffer.byteLength(body)),
    ]);
    exchange.lifecycle.cut(body.slice(0, Math.floor(body.length / 2)));
  });
}
