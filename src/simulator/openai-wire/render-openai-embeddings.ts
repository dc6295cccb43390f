import { encodeEmbeddingBase64, type SimulatedEmbeddings } from './plan-simulated-embeddings.js';

/**
 * An embeddings list in OpenAI's shape and key order (`object`, `data`, `model`, `usage`), each vector
 * as numbers or, for `encoding_format: "base64"`, as little-endian float32 bytes. OpenAI pretty-prints
 * its bodies; Azure sends the same object compact.
 */
export function renderOpenAIEmbeddings(
  embeddings: SimulatedEmbeddings,
  options: { model: string; encodingFormat: 'float' | 'base64'; isPretty: boolean },
): string {
  const body = {
    object: 'list',
    data: embeddings.vectors.map((vector, index) => ({
      object: 'embedding',
      index,
      embedding: options.encodingFormat === 'base64' ? encodeEmbeddingBase64(vector) : vector,
    })),
    model: options.model,
    usage: { prompt_tokens: embeddings.promptTokens, total_tokens: embeddings.promptTokens },
  };
  return options.isPretty ? JSON.stringify(body, null, 2) : JSON.stringify(body);
}
