import type { EmbeddingResponse } from '../../spec/embedding.js';
import { ProviderError } from '../../spec/provider-error.js';
import type { ProviderId } from '../../spec/provider-id.js';
import { isObject } from './ollama-api.js';

/**
 * `/api/embed`'s `{model, embeddings, prompt_eval_count}` as OpenAI's embeddings list. Ollama has no
 * base64 output, so `encoding_format: "base64"` is honoured here: little-endian float32 bytes, as OpenAI
 * encodes them. The token count is `omitempty` upstream, so an absent one is 0.
 */
export function convertOllamaEmbedResponse(
  body: unknown,
  options: { provider: ProviderId; model: string; encodingFormat?: 'float' | 'base64' },
): EmbeddingResponse {
  if (!isObject(body) || !Array.isArray(body.embeddings)) {
    throw new ProviderError({
      kind: 'server',
      provider: options.provider,
      message: `${options.provider} returned embeddings without an embeddings list`,
    });
  }
  const promptTokens = typeof body.prompt_eval_count === 'number' ? body.prompt_eval_count : 0;
  return {
    object: 'list',
    data: body.embeddings.map((vector: unknown, index) => {
      const values = Array.isArray(vector) ? (vector as number[]) : [];
      return {
        object: 'embedding',
        index,
        embedding: options.encodingFormat === 'base64' ? encodeFloat32Base64(values) : values,
      };
    }),
    model: typeof body.model === 'string' ? body.model : options.model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  };
}

function encodeFloat32Base64(values: readonly number[]): string {
  const bytes = Buffer.alloc(values.length * 4);
  values.forEach((value, index) => bytes.writeFloatLE(value, index * 4));
  return bytes.toString('base64');
}
