import { getBehaviourProfile } from '../behaviour-profiles.js';
import { getCredentialFailure } from '../get-credential-failure.js';
import type { SimulatorExchange } from '../simulator-exchange.js';
import { planSimulatedEmbeddings } from './plan-simulated-embeddings.js';
import { readOpenAIApiKey } from './read-openai-api-key.js';
import { renderOpenAIEmbeddings } from './render-openai-embeddings.js';
import { renderOpenAIFailure, renderOpenAIInvalidRequest } from './render-openai-error.js';
import { sendOpenAIError, sendOpenAIJson } from './send-openai-json.js';
import { validateOpenAIEmbeddingsRequest } from './validate-openai-embeddings-request.js';

/** OpenAI's vector sizes: 3072 for `text-embedding-3-large`, 1536 for the others. */
const defaultDimensions = 1536;
const largeModelDimensions = 3072;

/**
 * `POST …/embeddings`, checked in the chat endpoint's order (credentials, JSON, parameters, model), then
 * answered on the profile's schedule with the profile's failures, like chat.
 */
export function handleOpenAIEmbeddings(exchange: SimulatorExchange): void {
  const { state } = exchange;
  const requestedModel = (exchange.body as { model?: unknown } | undefined)?.model;
  const modelForMessages = typeof requestedModel === 'string' ? requestedModel : 'unknown';
  const apiKey = readOpenAIApiKey(exchange.request.rawHeaders);
  const credentialFailure =
    apiKey === undefined ? { kind: 'missing-key' as const, status: 401 } : getCredentialFailure(apiKey);
  if (credentialFailure !== undefined) {
    sendOpenAIError(exchange, renderOpenAIFailure(credentialFailure, modelForMessages));
    return;
  }
  if (exchange.isBodyMalformed) {
    sendOpenAIError(
      exchange,
      renderOpenAIInvalidRequest('We could not parse the JSON body of your request.', null, null),
    );
    return;
  }
  const validation = validateOpenAIEmbeddingsRequest(exchange.body);
  if (validation.rejection !== undefined) {
    sendOpenAIError(exchange, validation.rejection);
    return;
  }
  const { model, inputs, encodingFormat, dimensions } = validation.request;
  const profile = getBehaviourProfile(model, state.profiles);
  if (profile === undefined) {
    sendOpenAIError(exchange, renderOpenAIFailure({ kind: 'not-found', status: 404 }, model));
    return;
  }
  const plan = planSimulatedEmbeddings(inputs, {
    profile,
    seed: state.seed,
    timeScale: state.timeScale,
    random: state.nextRandom(model),
    dimensions: dimensions ?? (model === 'text-embedding-3-large' ? largeModelDimensions : defaultDimensions),
  });
  if (plan.kind === 'hang') return;
  if (plan.kind === 'failure') {
    const failure = plan.failure.kind === 'invalid-key' ? { ...plan.failure, apiKey } : plan.failure;
    exchange.lifecycle.after(plan.delayInMs, () =>
      sendOpenAIError(exchange, renderOpenAIFailure(failure, model)),
    );
    return;
  }
  exchange.lifecycle.after(plan.delayInMs, () =>
    sendOpenAIJson(exchange, 200, renderOpenAIEmbeddings(plan, { model, encodingFormat, isPretty: true })),
  );
}
