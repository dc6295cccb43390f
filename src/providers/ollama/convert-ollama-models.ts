import type { ModelInfo } from '../../spec/provider-adapter.js';
import { isObject } from './ollama-api.js';

/**
 * `GET /api/tags` → the pulled models (PROVIDERS.md §7.4), named as Ollama names them
 * (`llama3.2:latest`); entries without a name are skipped.
 */
export function convertOllamaModels(body: unknown): ModelInfo[] {
  const models = isObject(body) && Array.isArray(body.models) ? body.models : [];
  return models.filter(isObject).flatMap((model) => {
    const id = typeof model.name === 'string' ? model.name : model.model;
    if (typeof id !== 'string' || id === '') return [];
    const modifiedAt = typeof model.modified_at === 'string' ? Date.parse(model.modified_at) : Number.NaN;
    return [{ id, ...(Number.isFinite(modifiedAt) ? { created: Math.floor(modifiedAt / 1000) } : {}) }];
  });
}
