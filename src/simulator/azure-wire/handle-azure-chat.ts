import { getBehaviourProfile } from '../behaviour-profiles.js';
import { playTimedFrames } from '../play-timed-frames.js';
import { planSimulatedAnswer } from '../plan-simulated-answer.js';
import type { SimulatedAnswer } from '../simulated-answer.js';
import type { SimulatorExchange } from '../simulator-exchange.js';
import { createOpenAIResponseMeta, type OpenAIResponseMeta } from '../openai-wire/openai-response-meta.js';
import { renderOpenAIInvalidRequest } from '../openai-wire/render-openai-error.js';
import { renderOpenAIResponse } from '../openai-wire/render-openai-response.js';
import { renderOpenAIStream } from '../openai-wire/render-openai-stream.js';
import { validateOpenAIRequest } from '../openai-wire/validate-openai-request.js';
import type { AzureTarget } from './azure-target.js';
import { convertToAzureResponse, convertToAzureStream } from './render-azure-chat.js';
import { renderAzureFailure, renderDeploymentNotFound } from './render-azure-failure.js';
import { getAzureHeaders, sendAzureError, sendAzureJson } from './send-azure-json.js';

/**
 * Chat completions on a deployment (the path names it; the body's `model` is ignored, as Azure does) or
 * on v1 (the body's `model` is the deployment). The request is checked as OpenAI checks it, since Azure
 * runs the same service; the answer is OpenAI's rendering with Azure's filter results and key order.
 */
export function handleAzureChat(exchange: SimulatorExchange, target: AzureTarget): void {
  const { state } = exchange;
  if (exchange.isBodyMalformed) {
    sendAzureError(
      exchange,
      renderOpenAIInvalidRequest('We could not parse the JSON body of your request.', null, null),
    );
    return;
  }
  const body = (typeof exchange.body === 'object' && exchange.body !== null ? exchange.body : {}) as Record<
    string,
    unknown
  >;
  const validation = validateOpenAIRequest(
    target.deployment === undefined ? body : { ...body, model: target.deployment },
  );
  if (validation.rejection !== undefined) {
    sendAzureError(exchange, validation.rejection);
    return;
  }
  const request = validation.request;
  const deployment = request.model;
  state.stats.byModel[deployment] = (state.stats.byModel[deployment] ?? 0) + 1;
  const profile = getBehaviourProfile(deployment, state.profiles);
  if (profile === undefined) {
    sendAzureError(exchange, renderDeploymentNotFound());
    return;
  }
  const plan = planSimulatedAnswer(request, {
    profile,
    seed: state.seed,
    timeScale: state.timeScale,
    random: state.nextRandom(deployment),
  });
  if (plan.kind === 'hang') return;
  if (plan.kind === 'failure') {
    const failure =
      plan.failure.kind === 'invalid-key' ? { ...plan.failure, apiKey: target.apiKey } : plan.failure;
    exchange.lifecycle.after(plan.delayInMs, () =>
      sendAzureError(exchange, renderAzureFailure(failure, deployment, target.operation)),
    );
    return;
  }
  const meta = createOpenAIResponseMeta(deployment, state.systemFingerprint);
  if (request.stream === true)
    streamAzureAnswer(exchange, plan, meta, request.stream_options?.include_usage === true);
  else sendAzureAnswer(exchange, plan, meta);
}

function sendAzureAnswer(
  exchange: SimulatorExchange,
  answer: SimulatedAnswer,
  meta: OpenAIResponseMeta,
): void {
  const { latencyInMs, ttftInMs, tokenIntervalInMs } = answer.timing;
  const tokens = Math.max(...answer.choices.map((choice) => choice.textTokens.length));
  exchange.lifecycle.after(latencyInMs + ttftInMs + Math.max(0, tokens - 1) * tokenIntervalInMs, () => {
    const body = convertToAzureResponse(renderOpenAIResponse(answer, meta));
    if (answer.cutAfterChunks === undefined) {
      sendAzureJson(exchange, 200, body);
      return;
    }
    exchange.response.writeHead(200, [
      ...getAzureHeaders(exchange, 'application/json'),
      'content-length',
      String(Buffer.byteLength(body)),
    ]);
    exchange.lifecycle.cut(body.slice(0, Math.floor(body.length / 2)));
  });
}

function streamAzureAnswer(
  exchange: SimulatorExchange,
  answer: SimulatedAnswer,
  meta: OpenAIResponseMeta,
  includeUsage: boolean,
): void {
  exchange.lifecycle.after(answer.timing.latencyInMs, () => {
    exchange.response.writeHead(200, [
      ...getAzureHeaders(exchange, 'text/event-stream; charset=utf-8'),
      'cache-control',
      'no-cache',
    ]);
    const frames = convertToAzureStream(renderOpenAIStream(answer, meta, includeUsage));
    playTimedFrames(exchange.response, exchange.lifecycle, frames, answer.cutAfterChunks);
  });
}
