import { getBehaviourProfile } from '../behaviour-profiles.js';
import type { SimulatorExchange } from '../simulator-exchange.js';
import { createSimulatedEmbedding, defaultEmbeddingDimensions } from './create-simulated-embedding.js';
import { isGeminiObject, type GeminiWireCall } from './gemini-wire-types.js';
import { renderGeminiInvalidArgument, renderGeminiNotFound } from './render-gemini-error.js';
import { simulatedEmbeddingModels } from './render-gemini-models.js';
import { sendGeminiError, sendGeminiJson } from './send-gemini-json.js';

/**
 * `POST …:embedContent` (`{content}` → `{embedding: {values}}`) and `…:batchEmbedContents`
 * (`{requests: [{model, content}]}` → `{embeddings: [{values}]}`), with Gemini's checks: the content is
 * required, and every batch request must name the model of the URL. Answers after the model's profile
 * latency; the failure behaviours apply to generation only.
 */
export function handleGeminiEmbed(exchange: SimulatorExchange, call: GeminiWireCall): void {
  const { body, state } = exchange;
  const { model } = call;
  if (!simulatedEmbeddingModels.includes(model) && getBehaviourProfile(model, state.profiles) === undefined) {
    sendGeminiError(exchange, renderGeminiNotFound(model, call.method));
    return;
  }
  const isBatch = call.method === 'batchEmbedContents';
  const requests = isBatch ? (isGeminiObject(body) ? body.requests : undefined) : [body];
  if (!Array.isArray(requests) || requests.length === 0) {
    sendGeminiError(
      exchange,
      renderGeminiInvalidArgument('* BatchEmbedContentsRequest.requests: requests is not specified\n'),
    );
    return;
  }
  const embeddings: Array<{ values: number[] }> = [];
  for (const [index, request] of requests.entries()) {
    const content = isGeminiObject(request) ? request.content : undefined;
    if (!isGeminiObject(content) || !Array.isArray(content.parts) || content.parts.length === 0) {
      sendGeminiError(
        exchange,
        renderGeminiInvalidArgument('* EmbedContentRequest.content: content is not specified\n'),
      );
      return;
    }
    if (isBatch && (request as Record<string, unknown>).model !== `models/${model}`) {
      sendGeminiError(
        exchange,
        renderGeminiInvalidArgument(
          `Model names in the requests[${index}] must match the model in the URL: models/${model}.`,
        ),
      );
      return;
    }
    const text = content.parts
      .map((part: unknown) => (isGeminiObject(part) && typeof part.text === 'string' ? part.text : ''))
      .join('');
    const dimensions = (request as Record<string, unknown>).outputDimensionality;
    embeddings.push({
      values: createSimulatedEmbedding(
        text,
        state.seed,
        typeof dimensions === 'number' && dimensions > 0 ? dimensions : defaultEmbeddingDimensions,
      ),
    });
  }
  const latencyInMs = (getBehaviourProfile(model, state.profiles)?.latencyInMs ?? 0) * state.timeScale;
  exchange.lifecycle.after(latencyInMs, () =>
    sendGeminiJson(exchange, 200, isBatch ? { embeddings } : { embedding: embeddings[0] }),
  );
}
