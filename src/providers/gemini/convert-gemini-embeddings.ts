import type { EmbeddingResponse } from '../../spec/embedding.js';
import { ProviderError } from '../../spec/provider-error.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { isObject } from './gemini-api.js';

/**
 * An `embedContent` (`{embedding: {values}}`) or `batchEmbedContents` (`{embeddings: [{values}]}`) body
 * as OpenAI's embeddings list, as floats or, when the caller asked for `base64`, as OpenAI encodes them
 * (little-endian float32). Gemini reports no token usage for embeddings, so unless a body carries
 * `usageMetadata.promptTokenCount` the usage is estimated at one token per four characters, the usual
 * rule of thumb for English: enough for accounting to see a cost, never exact.
 */
export function convertGeminiEmbeddings(
  body: unknown,
  options: { provider: ProviderId; model: string; texts: readonly string[]; isBase64: boolean },
): EmbeddingResponse {
  const { provider } = options;
  const items = isObject(body) ? (Array.isArray(body.embeddings) ? body.embeddings : [body.embedding]) : [];
  const vectors = items.map((item) =>
    isObject(item) && Array.isArray(item.values) ? item.values : undefined,
  );
  if (vectors.length !== options.texts.length || vectors.some((vector) => vector === undefined)) {
    throw new ProviderError({
      kind: 'server',
      provider,
      message: `${provider} returned embeddings without values`,
    });
  }
  const reported =
    isObject(body) && isObject(body.usageMetadata) ? body.usageMetadata.promptTokenCount : undefined;
  const promptTokens =
    typeof reported === 'number'
      ? reported
      : options.texts.reduce((sum, text) => sum + Math.max(1, Math.ceil(text.length / 4)), 0);
  return {
    object: 'list',
    data: vectors.map((vector, index) => ({
      object: 'embedding',
      index,
      embedding: options.isBase64 ? encodeFloat32Base64(vector as number[]) : (vector as number[]),
    })),
    model: options.model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  };
}

function encodeFloat32Base64(values: readonly number[]): string {
  const bytes = Buffer.alloc(values.length * 4);
  values.forEach((value, index) => bytes.writeFloatLE(value, index * 4));
  return bytes.toString('base64');
}
