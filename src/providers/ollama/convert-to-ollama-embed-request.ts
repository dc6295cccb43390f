import type { EmbeddingRequest } from '../../spec/embedding.js';
import { ProviderError } from '../../spec/provider-error.js';
import type { ProviderId } from '../../spec/provider-id.js';

/**
 * The `/api/embed` body: `{model, input}` with `input` a string or a list of strings, plus `dimensions`
 * when asked for. Ollama embeds text only, so OpenAI's token-array inputs are refused.
 */
export function convertToOllamaEmbedRequest(
  request: EmbeddingRequest,
  model: string,
  provider: ProviderId,
): Record<string, unknown> {
  const input = request.input;
  const isText =
    typeof input === 'string' || (Array.isArray(input) && input.every((item) => typeof item === 'string'));
  if (!isText) {
    throw new ProviderError({
      kind: 'bad-request',
      provider,
      param: 'input',
      message: 'Ollama embeds text only; input must be a string or a list of strings, not token ids',
    });
  }
  return { model, input, ...(request.dimensions === undefined ? {} : { dimensions: request.dimensions }) };
}
