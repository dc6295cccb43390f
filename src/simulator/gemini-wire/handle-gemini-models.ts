import { getBehaviourProfile } from '../behaviour-profiles.js';
import type { SimulatorExchange } from '../simulator-exchange.js';
import { renderGeminiNotFound } from './render-gemini-error.js';
import { renderGeminiModel, simulatedEmbeddingModels } from './render-gemini-models.js';
import { sendGeminiError, sendGeminiJson } from './send-gemini-json.js';

const defaultPageSize = 50;
const maximumPageSize = 1000;

/**
 * `GET …/v1beta/models?pageSize=&pageToken=` (every behaviour the simulator knows by name, then the
 * embedding models, paged as the API pages: `nextPageToken` while more remain) and
 * `GET …/v1beta/models/{model}`.
 */
export function handleGeminiModels(exchange: SimulatorExchange, model: string): void {
  const profiles = exchange.state.profiles;
  if (model !== '') {
    if (simulatedEmbeddingModels.includes(model) || getBehaviourProfile(model, profiles) !== undefined) {
      sendGeminiJson(exchange, 200, renderGeminiModel(model));
    } else {
      sendGeminiError(exchange, renderGeminiNotFound(model, 'get'));
    }
    return;
  }
  const query = new URLSearchParams((exchange.request.url ?? '').split('?')[1] ?? '');
  const requested = Number(query.get('pageSize'));
  const pageSize =
    Number.isInteger(requested) && requested > 0 ? Math.min(requested, maximumPageSize) : defaultPageSize;
  const offset = Math.max(0, Number(query.get('pageToken') ?? 0) || 0);
  const ids = [...profiles.keys(), ...simulatedEmbeddingModels];
  const page = ids.slice(offset, offset + pageSize);
  const next = offset + pageSize < ids.length ? { nextPageToken: String(offset + pageSize) } : {};
  sendGeminiJson(exchange, 200, { models: page.map(renderGeminiModel), ...next });
}
