import { getCredentialFailure } from '../get-credential-failure.js';
import { readOpenAIApiKey } from '../openai-wire/read-openai-api-key.js';
import { renderOpenAIFailure, renderOpenAIInvalidRequest } from '../openai-wire/render-openai-error.js';
import { sendOpenAIError } from '../openai-wire/send-openai-json.js';
import { planSimulatedAnswer } from '../plan-simulated-answer.js';
import type { SimulatorExchange } from '../simulator-exchange.js';
import { convertResponsesToChatRequest } from './convert-responses-to-chat-request.js';
import { getResponsesBehaviour } from './get-responses-behaviour.js';
import { planResponsesOutput } from './plan-responses-output.js';
import { renderResponseObject, type ResponsesMeta } from './render-response-object.js';
import { createResponsesId } from './responses-ids.js';
import { readResponsesConversation } from './read-responses-conversation.js';
import { storeResponse } from './responses-store.js';
import {
  sendResponsesAnswer,
  streamResponsesAnswer,
  type ResponsesDelivery,
} from './send-responses-answer.js';
import { validateResponsesRequest } from './validate-responses-request.js';

/** The chat wire's wording: OpenAI answers unparseable bodies the same way on every endpoint. */
const malformedJsonMessage =
  "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP " +
  'library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have ' +
  'trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)';

/**
 * `POST …/responses`, checked in OpenAI's order: credentials, JSON, parameters, model, the previous
 * response and the tool outputs; then the planned answer (or failure, or hang) is sent on the
 * profile's schedule and, with `store`, kept for retrieval and continuation.
 */
export function handleResponsesCreate(exchange: SimulatorExchange): void {
  const { state, body } = exchange;
  const requestedModel = (body as { model?: unknown } | undefined)?.model;
  const modelForMessages = typeof requestedModel === 'string' ? requestedModel : 'unknown';
  if (typeof requestedModel === 'string') {
    state.stats.byModel[requestedModel] = (state.stats.byModel[requestedModel] ?? 0) + 1;
  }
  const apiKey = readOpenAIApiKey(exchange.request.rawHeaders);
  const credentialFailure =
    apiKey === undefined ? { kind: 'missing-key' as const, status: 401 } : getCredentialFailure(apiKey);
  if (credentialFailure !== undefined) {
    sendOpenAIError(exchange, renderOpenAIFailure(credentialFailure, modelForMessages));
    return;
  }
  if (exchange.isBodyMalformed) {
    sendOpenAIError(exchange, renderOpenAIInvalidRequest(malformedJsonMessage, null, null));
    return;
  }
  const validation = validateResponsesRequest(body ?? {});
  if (validation.rejection !== undefined) {
    sendOpenAIError(exchange, validation.rejection);
    return;
  }
  const request = validation.request;
  const { model } = request;
  const behaviour = getResponsesBehaviour(model, state.profiles);
  if (behaviour === undefined) {
    sendOpenAIError(exchange, renderOpenAIFailure({ kind: 'not-found', status: 404 }, model));
    return;
  }
  const conversation = readResponsesConversation(state, request.previous_response_id, request.input);
  if ('rejection' in conversation) {
    sendOpenAIError(exchange, conversation.rejection);
    return;
  }
  const { profile, isFailingMidstream } = behaviour;
  const plan = planSimulatedAnswer(convertResponsesToChatRequest(request, conversation.items), {
    profile,
    seed: state.seed,
    timeScale: state.timeScale,
    random: state.nextRandom(model),
  });
  if (plan.kind === 'hang') return;
  if (plan.kind === 'failure' || (isFailingMidstream && !request.stream)) {
    const failure = plan.kind === 'failure' ? plan.failure : { kind: 'server' as const, status: 500 };
    const delayInMs =
      plan.kind === 'failure' ? plan.delayInMs : plan.timing.latencyInMs + plan.timing.ttftInMs;
    const withKey = failure.kind === 'invalid-key' ? { ...failure, apiKey } : failure;
    exchange.lifecycle.after(delayInMs, () => sendOpenAIError(exchange, renderOpenAIFailure(withKey, model)));
    return;
  }
  const meta: ResponsesMeta = {
    id: createResponsesId('resp_'),
    createdAt: Math.floor(Date.now() / 1000),
    model,
  };
  const delivery: ResponsesDelivery = {
    output: planResponsesOutput(plan),
    renderResponse: (outcome) => renderResponseObject(meta, request, outcome),
    onFinished: (response) => {
      if (request.store) storeResponse(state, { response, conversation: conversation.items });
    },
  };
  if (request.stream) {
    streamResponsesAnswer(exchange, plan, delivery, isFailingMidstream ? profile.cutAfterChunks : undefined);
  } else {
    sendResponsesAnswer(exchange, plan, delivery);
  }
}
