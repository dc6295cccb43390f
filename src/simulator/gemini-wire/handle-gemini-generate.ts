import { getBehaviourProfile } from '../behaviour-profiles.js';
import { planSimulatedAnswer } from '../plan-simulated-answer.js';
import type { SimulatorExchange } from '../simulator-exchange.js';
import { convertGeminiBodyToChatRequest } from './convert-gemini-body-to-chat-request.js';
import type { GeminiWireCall } from './gemini-wire-types.js';
import { createGeminiResponseMeta } from './gemini-response-meta.js';
import {
  renderGeminiFailure,
  renderGeminiInvalidArgument,
  renderGeminiNotFound,
} from './render-gemini-error.js';
import { sendGeminiAnswer, streamGeminiAnswer } from './send-gemini-answer.js';
import { sendGeminiError } from './send-gemini-json.js';
import { validateGeminiGenerateRequest } from './validate-gemini-generate-request.js';

/**
 * `POST …/models/{model}:generateContent` and `:streamGenerateContent`, checked in Gemini's order: the
 * key (already, by the caller), JSON, the request, the model; then the planned answer (or failure, or
 * hang) on the profile's schedule. Every error, the stream endpoint's too, is a plain JSON body sent
 * before any event, as Google does (fixture recording-stream-error-404.json).
 */
export function handleGeminiGenerate(exchange: SimulatorExchange, call: GeminiWireCall): void {
  const { state, body } = exchange;
  const { model } = call;
  const isStream = call.method === 'streamGenerateContent';
  state.stats.byModel[model] = (state.stats.byModel[model] ?? 0) + 1;
  if (exchange.isBodyMalformed) {
    sendGeminiError(
      exchange,
      renderGeminiInvalidArgument('Invalid JSON payload received. Unexpected token.'),
      isStream,
    );
    return;
  }
  const problem = validateGeminiGenerateRequest(body, model);
  if (problem !== undefined) {
    sendGeminiError(exchange, renderGeminiInvalidArgument(problem), isStream);
    return;
  }
  const profile = getBehaviourProfile(model, state.profiles);
  if (profile === undefined) {
    // Google names generateContent for the stream endpoint too (fixture recording-stream-error-404.json).
    sendGeminiError(exchange, renderGeminiNotFound(model, 'generateContent'), isStream);
    return;
  }
  const request = convertGeminiBodyToChatRequest(body as Record<string, unknown>, model);
  const plan = planSimulatedAnswer(request, {
    profile,
    seed: state.seed,
    timeScale: state.timeScale,
    random: state.nextRandom(model),
  });
  if (plan.kind === 'hang') return;
  if (plan.kind === 'failure') {
    exchange.lifecycle.after(plan.delayInMs, () =>
      sendGeminiError(exchange, renderGeminiFailure(plan.failure, model), isStream),
    );
    return;
  }
  const meta = createGeminiResponseMeta(model, state.seed);
  if (isStream) streamGeminiAnswer(exchange, plan, meta, call.isSSE);
  else sendGeminiAnswer(exchange, plan, meta);
}
