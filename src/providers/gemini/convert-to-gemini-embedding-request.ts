import type { EmbeddingRequest } from '../../spec/embedding.js';
import { ProviderError } from '../../spec/provider-error.js';
import type { ProviderId } from '../../spec/provider-id.js';

/** Which endpoint and body an embeddings request needs. */
export interface GeminiEmbeddingCall {
  method: 'embedContent' | 'batchEmbedContents';
  body: Record<string, unknown>;
  texts: string[];
}

/**
 * OpenAI's embeddings request for Gemini: one text → `:embedContent`, several → `:batchEmbedContents`,
 * whose every request must name the model again (`models/{model}`). `dimensions` → `outputDimensionality`.
 * Token arrays (OpenAI's pre-tokenized input) have no Gemini equivalent: a `bad-request`.
 * @see https://ai.google.dev/api/embeddings
 */
export function convertToGeminiEmbeddingRequest(
  request: EmbeddingRequest,
  model: string,
  provider: ProviderId,
): GeminiEmbeddingCall {
  const input = request.input;
  const texts = typeof input === 'string' ? [input] : input;
  if (texts.length === 0 || !texts.every((text): text is string => typeof text === 'string')) {
    throw new ProviderError({
      kind: 'bad-request',
      provider,
      param: 'input',
      message: `${provider} embeds text only: input must be a string or a non-empty array of strings`,
    });
  }
  const dimensions = request.dimensions != null ? { outputDimensionality: request.dimensions } : {};
  const content = (text: string) => ({ parts: [{ text }] });
  if (texts.length === 1) {
    return { method: 'embedContent', body: { content: content(texts[0]!), ...dimensions }, texts };
  }
  const name = `models/${model.replace(/^models\//, '')}`;
  return {
    method: 'batchEmbedContents',
    body: { requests: texts.map((text) => ({ model: name, content: content(text), ...dimensions })) },
    texts,
  };
}
