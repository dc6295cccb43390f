/** A fixed creation time (2025-01-01), so listings are identical across runs. */
const createdAt = '2025-01-01T00:00:00Z';

/** A model object as `GET /v1/models` lists it (PROVIDERS.md §5.9). */
export function renderAnthropicModel(id: string): Record<string, unknown> {
  return {
    type: 'model',
    id,
    display_name: id
      .split('-')
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join(' '),
    created_at: createdAt,
    max_input_tokens: 200_000,
    max_tokens: 64_000,
    capabilities: null,
  };
}

/**
 * One page of the model list: `limit` (1–1000, default 20) models after `after_id` or before
 * `before_id`, with `has_more`, `first_id` and `last_id`, as Anthropic pages its list.
 */
export function renderAnthropicModels(modelIds: readonly string[], query: URLSearchParams): string {
  const limit = Math.min(1000, Math.max(1, Number(query.get('limit') ?? 20) || 20));
  const afterId = query.get('after_id');
  const beforeId = query.get('before_id');
  let candidates = modelIds;
  if (afterId !== null) candidates = modelIds.slice(modelIds.indexOf(afterId) + 1);
  else if (beforeId !== null) candidates = modelIds.slice(0, Math.max(0, modelIds.indexOf(beforeId)));
  // Paging backwards (`before_id` alone) returns the page just before the cursor.
  const page = afterId === null && beforeId !== null ? candidates.slice(-limit) : candidates.slice(0, limit);
  return JSON.stringify({
    data: page.map(renderAnthropicModel),
    has_more: candidates.length > page.length,
    first_id: page[0] ?? null,
    last_id: page.at(-1) ?? null,
  });
}
