import type { ModelInfo } from '../../spec/provider-adapter.js';
import { isObject } from './gemini-api.js';

/**
 * One page of `GET /v1beta/models` as model infos (PROVIDERS.md §6.6): only models that can
 * `generateContent` (embedding and imaging models are listed too), ids without the `models/` prefix,
 * and the input token limit as the context window.
 */
export function convertGeminiModels(body: unknown): ModelInfo[] {
  const models = isObject(body) && Array.isArray(body.models) ? body.models : [];
  return models.filter(isObject).flatMap((model) => {
    const methods = Array.isArray(model.supportedGenerationMethods) ? model.supportedGenerationMethods : [];
    if (typeof model.name !== 'string' || !methods.includes('generateContent')) return [];
    return [
      {
        id: model.name.replace(/^models\//, ''),
        ownedBy: 'google',
        ...(typeof model.inputTokenLimit === 'number' ? { contextWindow: model.inputTokenLimit } : {}),
      },
    ];
  });
}

/** The token of the next page, when the listing has one. */
export function getGeminiNextPageToken(body: unknown): string | undefined {
  return isObject(body) && typeof body.nextPageToken === 'string' && body.nextPageToken !== ''
    ? body.nextPageToken
    : undefined;
}
