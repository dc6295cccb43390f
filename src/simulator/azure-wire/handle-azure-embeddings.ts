import { getBehaviourProfile } from '../behaviour-profiles.js';
import type { SimulatorExchange } from '../simulator-exchange.js';
import { planSimulatedEmbeddings } from '../openai-wire/plan-simulated-embeddings.js';
import { renderOpenAIEmbeddings } from '../openai-wire/render-openai-embeddings.js';
import { renderOpenAIInvalidRequest } from '../openai-wire/render-openai-error.js';
import { validateOpenAIEmbeddingsRequest } from '../openai-wire/validate-openai-embeddings-request.js';
import type { AzureTarget } from './azure-target.js';
import { renderAzureFailure, renderDeploymentNotFound } from './render-azure-failure.js';
import { sendAzureError, sendAzureJson } from './send-azure-json.js';

/** Azure embedding deployments answer with 1536 dimensions (text-embedding-ada-002 and -3-small). */
const defaultDimensions = 1536;

/** Embeddings on a deployment or on v1: OpenAI's request and response, Azure's errors, compact. */
export function handleAzureEmbeddings(exchange: SimulatorExchange, target: AzureTarget): void {
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
  const validation = validateOpenAIEmbeddingsRequest(
    target.deployment === undefined ? body : { ...body, model: target.deployment },
  );
  if (validation.rejection !== undefined) {
    sendAzureError(exchange, validation.rejection);
    return;
  }
  const { model: deployment, inputs, encodingFormat, dimensions } = validation.request;
  const profile = getBehaviourProfile(deployment, state.profiles);
  if (profile === undefined) {
    sendAzureError(exchange, renderDeploymentNotFound());
    return;
  }
  const plan = planSimulatedEmbeddings(inputs, {
    profile,
    seed: state.seed,
    timeScale: state.timeScale,
    random: state.nextRandom(deployment),
    dimensions: dimensions ?? defaultDimensions,
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
  exchange.lifecycle.after(plan.delayInMs, () =>
    sendAzureJson(
      exchange,
      200,
      renderOpenAIEmbeddings(plan, { model: deployment, encodingFormat, isPretty: false }),
    ),
  );
}
