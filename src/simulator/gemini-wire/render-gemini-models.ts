/** Models that embed rather than chat, listed beside the behaviours, as the real listing mixes them. */
export const simulatedEmbeddingModels: readonly string[] = ['text-embedding-004', 'gemini-embedding-001'];

/**
 * A `Model` resource in the key order of the real listing (PROVIDERS.md §6.6). Chat models support
 * `generateContent`; embedding models only `embedContent`, which is what a client filtering the
 * listing for chat models must notice.
 */
export function renderGeminiModel(id: string): Record<string, unknown> {
  if (simulatedEmbeddingModels.includes(id)) {
    return {
      name: `models/${id}`,
      version: '004',
      displayName: 'Simulated embedding',
      description: 'Arbiter simulator: deterministic text embeddings.',
      inputTokenLimit: 2048,
      outputTokenLimit: 1,
      supportedGenerationMethods: ['embedContent'],
    };
  }
  return {
    name: `models/${id}`,
    version: '001',
    displayName: id,
    description: `Arbiter simulator: the ${id} behaviour.`,
    inputTokenLimit: 1_048_576,
    outputTokenLimit: 65_536,
    supportedGenerationMethods: [
      'generateContent',
      'countTokens',
      'createCachedContent',
      'batchGenerateContent',
    ],
    temperature: 1,
    topP: 0.95,
    topK: 64,
    maxTemperature: 2,
    thinking: true,
  };
}
