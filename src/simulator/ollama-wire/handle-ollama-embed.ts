import { planSimulatedEmbeddings } from '../openai-wire/plan-simulated-embeddings.js';
import type { SimulatorExchange } from '../simulator-exchange.js';
import { getOllamaProfile } from './get-ollama-profile.js';
import { getOllamaModelNotFoundMessage, renderOllamaFailure } from './render-ollama-failure.js';
import { sendOllamaError, sendOllamaJson } from './send-ollama-json.js';

/** The size of `nomic-embed-text`, the most pulled embedding model, unless `dimensions` asks otherwise. */
const defaultDimensions = 768;
const nanosecondsPerMs = 1_000_000;

/**
 * `POST …/api/embed`: `{model, input, dimensions?}` → `{model, embeddings, total_duration,
 * load_duration, prompt_eval_count}` (Ollama's `EmbedResponse`), unit-length vectors as Ollama returns.
 * An empty input embeds nothing (`embeddings: []`), as Ollama answers a load request.
 */
export function handleOllamaEmbed(exchange: SimulatorExchange): void {
  const { state } = exchange;
  const body = (typeof exchange.body === 'object' && exchange.body !== null ? exchange.body : {}) as Record<
    string,
    unknown
  >;
  if (exchange.isBodyMalformed) {
    sendOllamaError(exchange, 400, 'unexpected EOF');
    return;
  }
  const { model, input, dimensions } = body;
  if (typeof model !== 'string' || model === '') {
    sendOllamaError(exchange, 400, 'model is required');
    return;
  }
  const inputs = typeof input === 'string' ? (input === '' ? [] : [input]) : (input ?? []);
  if (!Array.isArray(inputs) || !inputs.every((item) => typeof item === 'string')) {
    sendOllamaError(exchange, 400, 'invalid input type');
    return;
  }
  if (
    dimensions !== undefined &&
    (typeof dimensions !== 'number' || !Number.isInteger(dimensions) || dimensions < 1)
  ) {
    sendOllamaError(exchange, 400, 'dimensions must be a positive integer');
    return;
  }
  const profile = getOllamaProfile(model, state.profiles);
  if (profile === undefined) {
    sendOllamaError(exchange, 404, getOllamaModelNotFoundMessage(model));
    return;
  }
  const plan = planSimulatedEmbeddings(inputs as string[], {
    profile,
    seed: state.seed,
    timeScale: state.timeScale,
    random: state.nextRandom(model),
    dimensions: (dimensions as number | undefined) ?? defaultDimensions,
  });
  if (plan.kind === 'hang') return;
  if (plan.kind === 'failure') {
    const rendered = renderOllamaFailure(plan.failure, model);
    exchange.lifecycle.after(plan.delayInMs, () =>
      sendOllamaError(exchange, rendered.status, rendered.message, rendered.headers),
    );
    return;
  }
  exchange.lifecycle.after(plan.delayInMs, () => {
    const duration = Math.round(plan.delayInMs * nanosecondsPerMs) + 1;
    sendOllamaJson(
      exchange,
      200,
      JSON.stringify({
        model,
        embeddings: plan.vectors,
        total_duration: duration,
        load_duration: Math.round(duration / 10),
        ...(plan.promptTokens > 0 ? { prompt_eval_count: plan.promptTokens } : {}),
      }),
    );
  });
}
