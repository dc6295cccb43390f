import type { ModelInfo } from '../../spec/provider-adapter.js';
import { isObject } from './anthropic-api.js';

/**
 * One page of `GET /v1/models` (PROVIDERS.md §5.9) as model infos, and the `after_id` of the next page
 * when `has_more` says there is one. `created_at` is RFC 3339; `max_input_tokens` is the context window.
 */
export function convertAnthropicModels(body: Record<string, unknown>): {
  models: ModelInfo[];
  nextAfterId?: string;
} {
  const data = Array.isArray(body.data) ? body.data : [];
  const models = data.filter(isObject).flatMap((model): ModelInfo[] => {
    if (typeof model.id !== 'string') return [];
    const createdAt = typeof model.created_at === 'string' ? Date.parse(model.created_at) : Number.NaN;
    return [
      {
        id: model.id,
        ownedBy: 'anthropic',
        created: Number.isFinite(createdAt) ? Math.floor(createdAt / 1000) : undefined,
        contextWindow: typeof model.max_input_tokens === 'number' ? model.max_input_tokens : undefined,
      },
    ];
  });
  const lastId = typeof body.last_id === 'string' ? body.last_id : models.at(-1)?.id;
  return { models, nextAfterId: body.has_more === true ? lastId : undefined };
}
