import type { EmbeddingResponse } from '../../spec/embedding.js';
import type { ModelInfo } from '../../spec/provider-adapter.js';
import { ProviderError } from '../../spec/provider-error.js';
import { isObject } from './openai-compatible-api.js';

/** `GET /models` → model infos; entries without a string id are skipped. */
export function convertOpenAICompatibleModels(body: unknown): ModelInfo[] {
  const data = isObject(body) && Array.isArray(body.data) ? body.data : [];
  return data.filter(isObject).flatMap((model) =>
    typeof model.id === 'string'
      ? [
          {
            id: model.id,
            ownedBy: typeof model.owned_by === 'string' ? model.owned_by : undefined,
            created: typeof model.created === 'number' ? model.created : undefined,
          },
        ]
      : [],
  );
}

/** `POST /embeddings` body → the embeddings list, checked just enough to be safe to return. */
export function convertOpenAICompatibleEmbeddings(
  body: unknown,
  provider: string,
  model: string,
): EmbeddingResponse {
  if (!isObject(body) || !Array.isArray(body.data)) {
    throw new ProviderError({
      kind: 'server',
      provider,
      message: `${provider} returned embeddings without data`,
    });
  }
  const usage = isObject(body.usage) ? body.usage : {};
  const promptTokens = typeof usage.prompt_tokens === 'number' ? usage.prompt_tokens : 0;
  return {
    object: 'list',
    data: body.data.filter(isObject).map((item, position) => ({
      object: 'embedding',
      index: typeof item.index === 'number' ? item.index : position,
      embedding:
        Array.isArray(item.embedding) || typeof item.embedding === 'string'
          ? (item.embedding as number[] | string)
          : [],
    })),
    model: typeof body.model === 'string' ? body.model : model,
    usage: {
      prompt_tokens: promptTokens,
      total_tokens: typeof usage.total_tokens === 'number' ? usage.total_tokens : promptTokens,
    },
  };
}
