import { getBehaviourProfile } from '../behaviour-profiles.js';
import { getCredentialFailure } from '../get-credential-failure.js';
import { planSimulatedAnswer } from '../plan-simulated-answer.js';
import type { SimulatorExchange } from '../simulator-exchange.js';
import { createOpenAIResponseMeta } from './openai-response-meta.js';
import { readOpenAIApiKey } from './read-openai-api-key.js';
import { renderOpenAIFailure, renderOpenAIInvalidRequest } from './render-openai-error.js';
import { sendOpenAIAnswer, streamOpenAIAnswer } from './send-openai-answer.js';
import { sendOpenAIError } from './send-openai-json.js';
import { validateOpenAIRequest } from './validate-openai-request.js';

const malformedJsonMessage =
  "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP " +
  'library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have ' +
  'trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)';

/**
 * `POST …/chat/completions`, checked in OpenAI's order: credentials, JSON, parameters, model; then the
 * planned answer (or failure, or hang) is sent on the profile's schedule.
 */
export function handleOpenAIChat(exchange: SimulatorExchange): void {
  const { state, body } = exchange;
  const requestedModel = (body as { model?: unknown } | undefined)?.model;
  const modelForMessages = typeof requestedModel === 'string' ? requestedModel : 'unknown';
  if (typeof requestedModel === 'string') {
    state.stats.byModel[requestedModel] = (state.stats.byModel[requestedModel] ?? 0) + 1;
  }
  const apiKey = readOpenAIApiKey(exchange.request.rawHeaders);
  if (apiKey === undefined) {
    sendOpenAIError(exchange, renderOpenAIFailure({ kind: 'missing-key', status: 401 }, modelForMessages));
    return;
  }
  const credentialFailure = getCredentialFailure(apiKey);
  if (credentialFailure !== undefined) {
    sendOpenAIError(exchange, renderOpenAIFailure(credentialFailure, modelForMessages));
    return;
  }
  if (exchange.isBodyMalformed) {
    sendOpenAIError(exchange, renderOpenAIInvalidRequest(malformedJsonMessage, null, null));
    return;
  }
  const validation = validateOpenAIRequest(body ?? {});
  if (validation.rejection !== undefined) {
    sendOpenAIError(exchange, validation.rejection);
    return;
  }
  const validated = validation.request;
  const model = validated.model;
  const profile = getBehaviourProfile(model, state.profiles);
  if (profile === undefined) {
    sendOpenAIError(exchange, renderOpenAIFailure({ kind: 'not-found', status: 404 }, model));
    return;
  }
  const plan = planSimulatedAnswer(validated, {
    profile,
    seed: state.seed,
    timeScale: state.timeScale,
    random: state.nextRandom(model),
  });
  if (plan.kind === 'hang') return;
  if (plan.kind === 'failure') {
    const failure = plan.failure.kind === 'invalid-key' ? { ...plan.failure, apiKey } : plan.failure;
    exchange.lifecycle.after(plan.delayInMs, () =>
      sendOpenAIError(exchange, renderOpenAIFailure(failure, model)),
    );
    return;
  }
  const meta = createOpenAIResponseMeta(model, state.systemFingerprint);
  if (validated.stream === true) {
    streamOpenAIAnswer(exchange, plan, meta, validated.stream_options?.include_usage === true);
  } else {
    sendOpenAIAnswer(exchange, plan, meta);
  }
}
